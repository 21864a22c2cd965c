import { lookedAfter, given, lac, fosterPlacement } from '../support/lac-fixtures';
import { fold } from '../support/given-when-then';
import { allowedLookedAfterEvents } from '@workflows/looked-after';

const becameLookedAfter = lac.became('2026-03-30');
const firstReview = lac.review('2026-04-28');

describe('looked after: placement and legal status', () => {
  it('a legal status change is recorded and does not touch the review cycle', () => {
    const snapshot = given(becameLookedAfter, firstReview).when(lac.legalStatus('2026-05-11')).then('lookedAfter.awaitingReview', []);
    expect(snapshot.context.legalStatus).toBe('C2');
  });

  it('a placement change restarts the reg 28 visit clock (LAC-10) but not the reviews', () => {
    const snapshot = given(becameLookedAfter, firstReview).when(lac.moved('2026-05-11')).then('lookedAfter.awaitingReview', [
      'cancel visit-1 (placement-changed) @2026-05-11',
      'open visit-2 LAC-10 @2026-05-11 placementStartedOn=2026-05-11',
    ]);
    expect(snapshot.context.ledger.open['lac-review-2']?.trigger.on).toBe('2026-04-28');
  });

  it("a move to a parent carries the parent-placement qualifier for reg 28's visiting pattern", () => {
    given(becameLookedAfter).when(lac.moved('2026-04-06', { visitRegime: 'placed-with-parent', placementType: 'P1' })).then('lookedAfter.awaitingReview', [
      'cancel visit-1 (placement-changed) @2026-04-06',
      'open visit-2 LAC-10 @2026-04-06 [placed-with-parent] placementStartedOn=2026-04-06',
    ]);
  });

  it('a move without the review proposed before it lapses the LAC-07 deadline', () => {
    given(becameLookedAfter, lac.proposed('2026-04-10', 'placement-move')).when(lac.moved('2026-04-14')).then('lookedAfter.awaitingReview', [
      'lapse review-before-move-1 @2026-04-14',
      'cancel visit-1 (placement-changed) @2026-04-14',
      'open visit-2 LAC-10 @2026-04-14 placementStartedOn=2026-04-14',
    ]);
  });

  it('a visit meets the visit deadline and opens the next, counted within the same placement', () => {
    given(becameLookedAfter).when(lac.visit('2026-04-02')).then('lookedAfter.awaitingReview', [
      'meet visit-1 @2026-04-02',
      'open visit-2 LAC-10 @2026-04-02 placementStartedOn=2026-03-30',
    ]);
  });
});

describe('looked after: plans, health and education', () => {
  it('the care plan meets its deadline (LAC-01)', () => {
    given(becameLookedAfter).when(lac.carePlan('2026-04-08')).then('lookedAfter.awaitingReview', ['meet care-plan @2026-04-08']);
  });

  it('the initial health assessment meets LAC-11 and opens the first review assessment (LAC-12)', () => {
    given(becameLookedAfter).when(lac.health('2026-04-20')).then('lookedAfter.awaitingReview', [
      'meet initial-health-assessment @2026-04-20',
      'open review-health-assessment-1 LAC-12 @2026-04-20',
    ]);
  });

  it('a review health assessment for a child under 5 carries that qualifier (6-monthly)', () => {
    given(becameLookedAfter, lac.health('2026-04-20')).when(lac.health('2026-10-12', 'review', true)).then('lookedAfter.awaitingReview', [
      'meet review-health-assessment-1 @2026-10-12',
      'open review-health-assessment-2 LAC-12 @2026-10-12 [child-under-5]',
    ]);
  });

  it('an initial assessment found not required (one in the last 3 months) is cancelled with that reason', () => {
    given(becameLookedAfter).when(lac.ihaNotRequired('2026-03-31')).then('lookedAfter.awaitingReview', [
      'cancel initial-health-assessment (not-required-recent-assessment) @2026-03-31',
    ]);
  });

  it('a PEP meets its deadline and opens the next (LAC-13)', () => {
    given(becameLookedAfter).when(lac.pep('2026-04-09')).then('lookedAfter.awaitingReview', ['meet pep-1 @2026-04-09', 'open pep-2 LAC-13 @2026-04-09']);
  });
});

describe('looked after: significant changes (LAC-07)', () => {
  it.each([
    ['placement-move', 'review-before-move-1'],
    ['ceasing-to-be-looked-after', 'review-before-ceasing-1'],
    ['other-care-plan-change', 'review-before-change-1'],
  ] as const)('proposing %s opens %s', (change, key) => {
    given(becameLookedAfter).when(lac.proposed('2026-04-10', change)).then('lookedAfter.awaitingReview', [`open ${key} LAC-07 @2026-04-10`]);
  });

  it.each([
    ['placement-move', 'review-before-move-1'],
    ['ceasing-to-be-looked-after', 'review-before-ceasing-1'],
    ['other-care-plan-change', 'review-before-change-1'],
  ] as const)('withdrawing %s cancels %s', (change, key) => {
    given(becameLookedAfter, lac.proposed('2026-04-10', change))
      .when(lac.withdrawn('2026-04-12', change))
      .then('lookedAfter.awaitingReview', [`cancel ${key} (change-withdrawn) @2026-04-12`]);
  });
});

describe('looked after: ceasing', () => {
  it('ceasing cancels everything open, in the order opened, except the last review record and decision window', () => {
    given(becameLookedAfter, lac.carePlan('2026-03-30'), lac.health('2026-04-01'), lac.pep('2026-04-02'), firstReview)
      .when(lac.ceased('2026-05-01'))
      .then('ceased', [
        'cancel visit-1 (ceased-looked-after) @2026-05-01',
        'cancel review-health-assessment-1 (ceased-looked-after) @2026-05-01',
        'cancel pep-2 (ceased-looked-after) @2026-05-01',
        'cancel lac-review-2 (ceased-looked-after) @2026-05-01',
      ]);
  });

  it('ceasing without the review proposed before it lapses LAC-07', () => {
    const snapshot = given(becameLookedAfter, lac.proposed('2026-04-10', 'ceasing-to-be-looked-after')).when(lac.ceased('2026-04-20')).then('closed', [
      'lapse review-before-ceasing-1 @2026-04-20',
      'cancel lac-review-1 (ceased-looked-after) @2026-04-20',
      'cancel care-plan (ceased-looked-after) @2026-04-20',
      'cancel visit-1 (ceased-looked-after) @2026-04-20',
      'cancel initial-health-assessment (ceased-looked-after) @2026-04-20',
      'cancel pep-1 (ceased-looked-after) @2026-04-20',
    ]);
    expect(snapshot.status).toBe('done');
  });

  it('after ceasing, the outstanding review record can still be completed', () => {
    given(becameLookedAfter, firstReview, lac.ceased('2026-05-01')).when(lac.record('2026-05-20', 1)).then('ceased', ['meet review-record-1 @2026-05-20']);
  });

  it("after ceasing, a manager's query is still taken inside the window", () => {
    given(becameLookedAfter, firstReview, lac.ceased('2026-05-01')).when(lac.queried('2026-05-01', 1)).then('ceased', []);
  });

  it('when the last outstanding item is done the period of care is closed', () => {
    given(becameLookedAfter, firstReview, lac.ceased('2026-05-01'), lac.record('2026-05-20', 1))
      .when(lac.finalised('2026-05-21', 1))
      .then('closed', ['meet review-decisions-1 @2026-05-21']);
  });

  it('a new period of care is a new instance: the closed one takes nothing more', () => {
    given(becameLookedAfter, lac.ceased('2026-04-20'))
      .when(lac.became('2026-09-01'))
      .thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'closed', allowed: [] });
  });
});

describe('looked after: refusals', () => {
  it('a review dated before the child became looked after is refused', () => {
    given(becameLookedAfter).when(lac.review('2026-03-20')).thenRefused({ code: 'OUT_OF_ORDER', field: 'occurredOn', notBefore: '2026-03-30' });
  });

  it('a review dated before the previous review is refused', () => {
    given(becameLookedAfter, firstReview).when(lac.review('2026-04-20')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-04-28' });
  });

  it('a visit before the current placement began is refused', () => {
    given(becameLookedAfter, lac.moved('2026-05-11')).when(lac.visit('2026-05-01')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-05-11' });
  });

  it('a review without a participation code is refused, naming the field', () => {
    given(becameLookedAfter).when(lac.review('2026-04-28', { participation: 'PN9' as 'PN1' })).thenRefused({ code: 'INVALID_FIELD', field: 'participation' });
  });

  it('an early review without its reason is refused', () => {
    given(becameLookedAfter).when(lac.review('2026-04-20', { timing: 'early' })).thenRefused({ code: 'INVALID_FIELD', field: 'earlyReason' });
  });

  it('a placement without a visiting regime is refused, naming the nested field', () => {
    const placement = { ...fosterPlacement, visitRegime: undefined } as unknown as typeof fosterPlacement;
    given().when(lac.became('2026-03-30', { placement })).thenRefused({ code: 'INVALID_FIELD', field: 'placement.visitRegime' });
  });

  it('a second initial health assessment is refused', () => {
    given(becameLookedAfter, lac.health('2026-04-20')).when(lac.health('2026-04-21')).thenRefused({ code: 'INVALID_FIELD', field: 'kind' });
  });

  it('a review record for a review that has none outstanding is refused', () => {
    given(becameLookedAfter, firstReview).when(lac.record('2026-05-20', 2)).thenRefused({ code: 'INVALID_FIELD', field: 'reviewNumber' });
  });

  it('withdrawing a change never proposed is refused', () => {
    given(becameLookedAfter).when(lac.withdrawn('2026-04-12', 'placement-move')).thenRefused({ code: 'INVALID_FIELD', field: 'change' });
  });

  it('a review scheduled for a date before it was scheduled is refused', () => {
    given(becameLookedAfter).when(lac.scheduled('2026-04-10', '2026-04-01')).thenRefused({ code: 'INVALID_FIELD', field: 'scheduledFor' });
  });

  it('an unknown reason for ceasing is refused', () => {
    given(becameLookedAfter).when(lac.ceased('2026-04-10', 'gone')).thenRefused({ code: 'INVALID_FIELD', field: 'reason' });
  });

  it('events before the child is looked after are refused, naming what is allowed', () => {
    given().when(lac.visit('2026-03-30')).thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'notLookedAfter', allowed: ['BecameLookedAfter'] });
  });

  it('after ceasing only the outstanding review paperwork is allowed', () => {
    const snapshot = fold(lookedAfter, [becameLookedAfter, firstReview, lac.ceased('2026-05-01')]);
    expect(allowedLookedAfterEvents(snapshot)).toEqual(['LacReviewRecordCompleted', 'LacReviewDecisionsQueried', 'LacReviewDecisionsFinalised']);
  });
});
