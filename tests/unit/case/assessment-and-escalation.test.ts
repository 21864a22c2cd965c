import { shippedCalendar } from '@csc/calendar';
import { deadlinesOf, type CaseCommand } from '@csc/case';
import { CASE, c, rec, type Recorded } from './support/fixtures';
import { given, replay } from './support/given-when-then';

const on = (date: string, time = '10:00:00Z') => ({ caseId: CASE, occurredAt: `${date}T${time}` });
const at = (command: CaseCommand): Recorded => rec(command);
const referral = (date: string): CaseCommand => ({ type: 'RecordReferral', ...on(date), source: '5A' });
const decision = (date: string, d: 'strategy-discussion' | 'single-assessment' | 'no-further-action', instanceId = 'asm-1'): CaseCommand => ({
  type: 'RecordReferralDecision', ...on(date), instanceId, decision: d, decidedByRef: 'tm-1',
});
const raise = (date: string): CaseCommand => ({ type: 'RaiseEscalation', ...on(date), iroRef: 'iro-7', teamRef: 'team-north', plan: 'care-plan', issues: ['care-plan-drift'] });
const opened = rec(c.open('2026-05-01'));

describe('assessments on a case (registered through the registry)', () => {
  it('a referral starts an assessment instance with CP-01 and CP-02 from the referral', () => {
    const { state } = replay([opened, at(referral('2026-06-01'))]);
    const due = deadlinesOf(state, '2026-06-01T12:00:00Z', { calendar: shippedCalendar() }).map((d) => [d.id, d.ruleId, d.dueDate, d.owner.kind]);
    // Hand-checked: CP-01 1 working day -> Tue 2 Jun; CP-02 45 working days (21 left in June, 23 in July, the 45th is Mon 3 Aug).
    expect(due).toEqual([
      ['c-100/asm-1/referral-decision', 'CP-01', '2026-06-02', 'team'],
      ['c-100/asm-1/assessment', 'CP-02', '2026-08-03', 'team'],
    ]);
  });

  it('a decision is recorded against the named referral', () => {
    given(opened, at(referral('2026-06-01')))
      .when(at(decision('2026-06-02', 'single-assessment')))
      .then([{ type: 'ReferralDecisionMade', data: { pathway: 'assessment', instanceId: 'asm-1', event: { decision: 'single-assessment' } } }]);
  });

  it('a second referral waits until the first is closed', () => {
    given(opened, at(referral('2026-06-01')))
      .when(at(referral('2026-06-03')))
      .thenRefused({ code: 'INSTANCE_STILL_ACTIVE', pathway: 'assessment', instanceId: 'asm-1' });
    given(opened, at(referral('2026-06-01')), at(decision('2026-06-02', 'no-further-action')))
      .when(at(referral('2026-06-03')))
      .then([{ type: 'ReferralReceived', data: { instanceId: 'asm-2' } }]);
  });
});

describe('a strategy discussion that follows from a referral decision (linkedTo)', () => {
  const strategy = (date: string, linkedTo?: string) => c.strategy(date, linkedTo === undefined ? {} : { linkedTo });

  it('names the assessment it follows from, by reference', () => {
    given(opened, at(referral('2026-06-01')), at(decision('2026-06-02', 'strategy-discussion')))
      .when(rec(strategy('2026-06-03', 'asm-1')))
      .then([{ type: 'StrategyDiscussionHeld', data: { pathway: 'child-protection', instanceId: 'cp-1', linkedTo: { pathway: 'assessment', instanceId: 'asm-1' } } }]);
  });

  it('the link is kept on the new instance', () => {
    const { state } = replay([opened, at(referral('2026-06-01')), at(decision('2026-06-02', 'strategy-discussion')), rec(strategy('2026-06-03', 'asm-1'))]);
    expect(state.instances['cp-1']?.linkedTo).toEqual({ pathway: 'assessment', instanceId: 'asm-1' });
  });

  it('is refused when the decision was not a strategy discussion', () => {
    given(opened, at(referral('2026-06-01')), at(decision('2026-06-02', 'single-assessment')))
      .when(rec(strategy('2026-06-03', 'asm-1')))
      .thenRefused({ code: 'INVALID_FIELD', field: 'linkedTo', message: expect.stringContaining('its decision was single-assessment') as unknown });
  });

  it('is refused for an unknown instance, another pathway, a second link, or a command that does not start', () => {
    const decided = [opened, at(referral('2026-06-01')), at(decision('2026-06-02', 'strategy-discussion'))];
    given(...decided).when(rec(strategy('2026-06-03', 'asm-9'))).thenRefused({ code: 'INVALID_FIELD', field: 'linkedTo' });
    given(...decided, rec(strategy('2026-06-03', 'asm-1')), rec(c.icpcNotHeld('2026-06-04'))).when(rec(strategy('2026-06-05', 'asm-1')))
      .thenRefused({ code: 'INVALID_FIELD', field: 'linkedTo', message: expect.stringContaining('already led to child-protection cp-1') as unknown });
    given(...decided, at(raise('2026-06-02'))).when(rec(strategy('2026-06-03', 'esc-1')))
      .thenRefused({ code: 'INVALID_FIELD', field: 'linkedTo', message: expect.stringContaining('may follow from: assessment') as unknown });
    given(...decided, rec(strategy('2026-06-03'))).when(rec(c.coreGroup('2026-06-04', { linkedTo: 'asm-1' })))
      .thenRefused({ code: 'INVALID_FIELD', field: 'linkedTo' });
  });
});

describe('IRO escalations on a case (registered through the registry)', () => {
  it('escalations run side by side, each its own instance', () => {
    given(opened, at(raise('2026-06-01')))
      .when(at(raise('2026-06-02')))
      .then([{ type: 'EscalationRaised', data: { pathway: 'iro-escalation', instanceId: 'esc-2' } }]);
  });

  it('a formal stage response is due under the overlay (enfield: 5 working days a stage)', () => {
    const enfield = rec(c.open('2026-05-01', { rulebook: 'enfield' }));
    const { state } = replay([
      enfield, at(raise('2026-06-01')),
      at({ type: 'EscalateToFormalStage', ...on('2026-06-08'), instanceId: 'esc-1', stage: 1, escalatedToRef: 'sm-2' }),
    ]);
    const due = deadlinesOf(state, '2026-06-09T00:00:00Z', { calendar: shippedCalendar() }).map((d) => [d.key, d.ruleId, d.clock, d.dueDate, d.status]);
    expect(due).toEqual([
      ['informal-resolution', 'IRO-01', 'default', '2026-06-08', 'met-on-time'],
      ['stage-response-1', 'IRO-02', 'stage-1', '2026-06-15', 'open'],
    ]);
  });

  it('nationally the stages have no timescale: shown without a due date', () => {
    const { state } = replay([opened, at(raise('2026-06-01'))]);
    expect(deadlinesOf(state, '2026-06-02T00:00:00Z', { calendar: shippedCalendar() })).toMatchObject([
      { key: 'informal-resolution', ruleId: 'IRO-01', dueDate: null, timescale: expect.stringContaining('no numeric timescale') as unknown, status: 'open' },
    ]);
  });
});
