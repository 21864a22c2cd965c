import { allowedAssessmentEvents } from '@workflows/assessment';
import { openDeadlines } from '@workflows/shared';
import { deadlineOf } from '../support/deadline-of';
import { fold } from '../support/given-when-then';
import { asm, assessment, given } from '../support/assessment-fixtures';

const referral = asm.referral('2025-06-02');
const assessing = [referral, asm.decision('2025-06-03'), asm.started('2025-06-05')] as const;

describe('assessment: before a referral', () => {
  it('a referral opens the decision (CP-01) and the assessment (CP-02) deadlines, both from the point of referral', () => {
    given().when(referral).then('awaitingDecision', ['open referral-decision CP-01 @2025-06-02', 'open assessment CP-02 @2025-06-02']);
  });

  it('the intents compute end to end: decision next working day, assessment 45 working days after the referral', () => {
    const intents = openDeadlines(fold(assessment, [referral]).context.ledger);
    expect(intents.map((i) => [i.key, deadlineOf(i).dueDate])).toEqual([['referral-decision', '2025-06-03'], ['assessment', '2025-08-04']]);
  });
});

describe('assessment: awaiting the decision on the referral', () => {
  it.each(['single-assessment', 'strategy-discussion'] as const)('a decision for %s meets CP-01; the assessment clock keeps running', (decision) => {
    given(referral).when(asm.decision('2025-06-03', decision)).then('assessing.awaitingStart', ['meet referral-decision @2025-06-03']);
  });

  it.each(['early-help', 'signposted', 'no-further-action'] as const)('a decision for %s meets CP-01 and cancels the assessment', (decision) => {
    given(referral).when(asm.decision('2025-06-04', decision))
      .then('closed', ['meet referral-decision @2025-06-04', 'cancel assessment (no-assessment-needed) @2025-06-04']);
  });

  it('a referral ended before any decision cancels both', () => {
    given(referral).when(asm.ended('2025-06-02', 'duplicate-referral'))
      .then('closed', ['cancel referral-decision (assessment-ended) @2025-06-02', 'cancel assessment (assessment-ended) @2025-06-02']);
  });
});

describe('assessment: assessing', () => {
  it('the start is recorded (DfE measures start to authorisation) and opens nothing', () => {
    const s = given(referral, asm.decision('2025-06-03')).when(asm.started('2025-06-05')).then('assessing.inProgress', []);
    expect(s.context.assessmentStartedOn).toBe('2025-06-05');
  });

  it('completion keeps its date and does not meet CP-02: the clock runs to authorisation', () => {
    const s = given(...assessing).when(asm.completed('2025-07-28')).then('assessing.awaitingAuthorisation', []);
    expect(s.context).toMatchObject({ completedOn: '2025-07-28', firstCompletedOn: '2025-07-28' });
  });

  it('authorisation meets CP-02 and keeps both dates', () => {
    const s = given(...assessing, asm.completed('2025-07-28')).when(asm.authorised('2025-08-06', { delayReason: 'awaiting-partner-information' }))
      .then('closed', ['meet assessment @2025-08-06']);
    expect(s.context).toMatchObject({ startedOn: '2025-06-02', completedOn: '2025-07-28', authorisedOn: '2025-08-06', delayReason: 'awaiting-partner-information' });
  });

  it('an assessment returned for rework goes back in progress, and its second completion is kept beside the first', () => {
    const s = given(...assessing, asm.completed('2025-07-20'), asm.rework('2025-07-22'), asm.completed('2025-07-30'))
      .when(asm.authorised('2025-07-31')).then('closed', ['meet assessment @2025-07-31']);
    expect(s.context).toMatchObject({ firstCompletedOn: '2025-07-20', completedOn: '2025-07-30', reworks: 1 });
  });

  it('a rework is recorded without touching the deadline', () => {
    given(...assessing, asm.completed('2025-07-20')).when(asm.rework('2025-07-22')).then('assessing.inProgress', []);
  });

  it('an assessment ended (the family moved away) cancels the CP-02 deadline', () => {
    given(...assessing).when(asm.ended('2025-06-20')).then('closed', ['cancel assessment (assessment-ended) @2025-06-20']);
  });
});

describe('assessment: refusals', () => {
  it('authorisation before completion is not allowed, naming the state and what it allows', () => {
    given(...assessing).when(asm.authorised('2025-07-01')).thenRefused({
      code: 'NOT_ALLOWED_IN_STATE', state: 'assessing.inProgress', allowed: ['AssessmentCompleted', 'AssessmentEnded'],
    });
  });

  it('nothing is allowed after authorisation', () => {
    given(...assessing, asm.completed('2025-07-20'), asm.authorised('2025-07-21')).when(asm.ended('2025-07-22'))
      .thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'closed', allowed: [] });
  });

  it('a referral source that is not a CIN census code is refused', () => {
    given().when(asm.referral('2025-06-02', 'a neighbour')).thenRefused({ code: 'INVALID_FIELD', field: 'source' });
  });

  it('an unknown decision, outcome or delay reason is refused naming the field', () => {
    given(referral).when(asm.decision('2025-06-03', 'maybe' as never)).thenRefused({ code: 'INVALID_FIELD', field: 'decision' });
    given(...assessing, asm.completed('2025-07-20')).when(asm.authorised('2025-07-21', { delayReason: 'busy' as never }))
      .thenRefused({ code: 'INVALID_FIELD', field: 'delayReason' });
  });

  it('a decision dated before the referral is refused', () => {
    given(referral).when(asm.decision('2025-06-01')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2025-06-02' });
  });

  it('a completion before the start and an authorisation before the completion are refused', () => {
    given(...assessing).when(asm.completed('2025-06-04')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2025-06-05' });
    given(...assessing, asm.completed('2025-07-20')).when(asm.authorised('2025-07-19')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2025-07-20' });
  });

  it('lists the allowed event types for the case lib', () => {
    expect(allowedAssessmentEvents(fold(assessment, [referral]))).toEqual(['ReferralDecisionMade', 'AssessmentEnded']);
  });
});
