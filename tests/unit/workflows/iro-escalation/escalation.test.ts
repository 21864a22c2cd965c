import { allowedIroEscalationEvents, summariseEscalation } from '@workflows/iro-escalation';
import { fold } from '../support/given-when-then';
import { given, iro, iroEscalation } from '../support/iro-fixtures';

const raised = iro.raised('2026-06-01');
const stage1 = [raised, iro.escalated('2026-06-08', 1)] as const;

describe('IRO escalation: before it is raised', () => {
  it('raising a problem starts the informal stage (IRO-01)', () => {
    given().when(raised).then('informal', ['open informal-resolution IRO-01 @2026-06-01']);
  });
});

describe('IRO escalation: informal stage', () => {
  it('resolved informally meets the informal stage', () => {
    given(raised).when(iro.resolved('2026-06-04')).then('resolved', ['meet informal-resolution @2026-06-04']);
  });

  it('escalating to formal stage 1 meets the informal stage and opens stage 1\'s response (IRO-02, clock stage-1)', () => {
    given(raised).when(iro.escalated('2026-06-08', 1)).then('formal.awaitingResponse', [
      'meet informal-resolution @2026-06-08', 'open stage-response-1 IRO-02/stage-1 @2026-06-08',
    ]);
  });

  it('withdrawn, everything open is cancelled', () => {
    given(raised).when(iro.withdrawn('2026-06-03')).then('withdrawn', ['cancel informal-resolution (escalation-withdrawn) @2026-06-03']);
  });

  it('referred straight to CAFCASS (urgent), everything open is cancelled with that reason', () => {
    given(raised).when(iro.cafcass('2026-06-02')).then('referredToCafcass', ['cancel informal-resolution (referred-to-cafcass) @2026-06-02']);
  });
});

describe('IRO escalation: a formal stage awaiting its response', () => {
  it('a response that resolves it meets the stage and ends the escalation', () => {
    given(...stage1).when(iro.responded('2026-06-12', 'resolved')).then('resolved', ['meet stage-response-1 @2026-06-12']);
  });

  it('a response that does not resolve it meets the stage and waits for the IRO', () => {
    const s = given(...stage1).when(iro.responded('2026-06-12')).then('formal.responded', ['meet stage-response-1 @2026-06-12']);
    expect(s.context.stages).toEqual([{ stage: 1, escalatedOn: '2026-06-08', escalatedToRef: 'mgr-1', respondedOn: '2026-06-12', response: 'not-resolved' }]);
  });

  it('escalated to the next stage without a response, the unanswered stage lapses', () => {
    given(...stage1).when(iro.escalated('2026-06-22', 2)).then('formal.awaitingResponse', [
      'lapse stage-response-1 @2026-06-22', 'open stage-response-2 IRO-02/stage-2 @2026-06-22',
    ]);
  });

  it('resolved while awaiting the response meets the stage', () => {
    given(...stage1).when(iro.resolved('2026-06-10')).then('resolved', ['meet stage-response-1 @2026-06-10']);
  });

  it('referred to CAFCASS, the open response is cancelled with that reason', () => {
    given(...stage1).when(iro.cafcass('2026-06-10')).then('referredToCafcass', ['cancel stage-response-1 (referred-to-cafcass) @2026-06-10']);
  });

  it('withdrawn, the open response is cancelled', () => {
    given(...stage1).when(iro.withdrawn('2026-06-10')).then('withdrawn', ['cancel stage-response-1 (escalation-withdrawn) @2026-06-10']);
  });
});

describe('IRO escalation: a formal stage that responded without resolving', () => {
  const answered = [...stage1, iro.responded('2026-06-12')] as const;

  it('escalating to the next stage opens its response', () => {
    given(...answered).when(iro.escalated('2026-06-15', 2)).then('formal.awaitingResponse', ['open stage-response-2 IRO-02/stage-2 @2026-06-15']);
  });

  it('resolved later (the IRO accepts the plan) opens and closes nothing', () => {
    given(...answered).when(iro.resolved('2026-06-16')).then('resolved', []);
  });

  it('through stage 3 to CAFCASS: each stage keeps its own record', () => {
    const history = [...answered, iro.escalated('2026-06-15', 2), iro.responded('2026-06-19'), iro.escalated('2026-06-22', 3), iro.responded('2026-06-26')];
    const s = given(...history).when(iro.cafcass('2026-06-29')).then('referredToCafcass', []);
    expect(s.context.stages.map((st) => [st.stage, st.respondedOn])).toEqual([[1, '2026-06-12'], [2, '2026-06-19'], [3, '2026-06-26']]);
    expect(summariseEscalation('esc-1', s)).toEqual({
      escalationId: 'esc-1', iroRef: 'iro-7', teamRef: 'team-north', plan: 'care-plan', raisedOn: '2026-06-01', status: 'referred-to-cafcass', stage: 3, endedOn: '2026-06-29',
    });
  });
});

describe('IRO escalation: refusals', () => {
  it('skipping a stage is refused naming the stage expected', () => {
    given(raised).when(iro.escalated('2026-06-08', 2)).thenRefused({ code: 'INVALID_FIELD', field: 'stage', message: 'stage is missing or invalid: expected 1 (the next formal stage)' });
  });

  it('no internal stage after the third: refer to CAFCASS', () => {
    const third = [...stage1, iro.responded('2026-06-09'), iro.escalated('2026-06-10', 2), iro.responded('2026-06-11'), iro.escalated('2026-06-12', 3), iro.responded('2026-06-15')];
    given(...third).when({ ...iro.escalated('2026-06-16', 3), stage: 4 } as never).thenRefused({ code: 'INVALID_FIELD', field: 'stage' });
  });

  it('a response during the informal stage is not allowed, naming the state', () => {
    given(raised).when(iro.responded('2026-06-02')).thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'informal' });
  });

  it('a second response to the same stage is not allowed', () => {
    given(...stage1, iro.responded('2026-06-12')).when(iro.responded('2026-06-13')).thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'formal.responded' });
  });

  it('an escalation with no issue code is refused', () => {
    given().when(iro.raised('2026-06-01', { issues: [] })).thenRefused({ code: 'INVALID_FIELD', field: 'issues' });
  });

  it('a response dated before the escalation is refused', () => {
    given(...stage1).when(iro.responded('2026-06-05')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-06-08' });
  });

  it('an escalation dated before the previous stage answered is refused', () => {
    given(...stage1, iro.responded('2026-06-12')).when(iro.escalated('2026-06-10', 2)).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-06-12' });
  });

  it('lists the allowed event types for the case lib', () => {
    expect(allowedIroEscalationEvents(fold(iroEscalation, [raised]))).toEqual(['EscalatedToFormalStage', 'EscalationResolved', 'EscalationWithdrawn', 'ReferredToCafcass']);
  });
});
