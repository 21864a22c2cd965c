import { c, rec } from './support/fixtures';
import { given, replay } from './support/given-when-then';

const opened = rec(c.open('2025-01-06'));
const firstPlan = [
  opened, rec(c.strategy('2025-01-08')), rec(c.icpc('2025-01-27')), rec(c.rcpc('2025-04-22')),
  rec(c.rcpc('2025-10-20', { decision: 'end-plan' })),
];

describe('a second child protection plan', () => {
  it('a new strategy discussion after the first plan ended starts cp-2', () => {
    given(...firstPlan).when(rec(c.strategy('2026-02-02'))).then([{ type: 'StrategyDiscussionHeld', data: { instanceId: 'cp-2' } }]);
  });

  it('cp-2 runs its own deadlines while cp-1 stays ended', () => {
    const { state } = replay([...firstPlan, rec(c.strategy('2026-02-02')), rec(c.icpc('2026-02-20', { instanceId: 'cp-2' }))]);
    expect(Object.keys(state.instances)).toEqual(['cp-1', 'cp-2']);
    expect(state.started).toEqual({ 'child-protection': 2 });
  });

  it('refuses a new instance while one is still open, naming it', () => {
    given(opened, rec(c.strategy('2025-01-08')))
      .when(rec(c.strategy('2025-01-20')))
      .thenRefused({ code: 'INSTANCE_STILL_ACTIVE', pathway: 'child-protection', instanceId: 'cp-1', state: 's47Enquiry' });
  });

  it('refuses a new instance dated before the previous one ended', () => {
    given(...firstPlan)
      .when(rec(c.strategy('2025-10-01'), '2026-02-02'))
      .thenRefused({ code: 'OUT_OF_ORDER', field: 'occurredOn', notBefore: '2025-10-20' });
  });
});

describe('a new period of care', () => {
  const firstPeriod = [opened, rec(c.lookedAfter('2025-01-06')), rec(c.lacReview('2025-01-30')), rec(c.ceased('2025-03-03'))];

  it('becoming looked after again starts lac-2 (a new first review in 20 working days)', () => {
    given(...firstPeriod).when(rec(c.lookedAfter('2025-09-01'))).then([{ type: 'BecameLookedAfter', data: { instanceId: 'lac-2' } }]);
  });

  it('the previous period still takes its review paperwork', () => {
    given(...firstPeriod, rec(c.lookedAfter('2025-09-01')))
      .when(rec(c.lacReview('2025-09-03', { instanceId: 'lac-2' })))
      .then([{ data: { instanceId: 'lac-2' } }]);
  });

  it('refuses a second period while the child is still looked after', () => {
    given(opened, rec(c.lookedAfter('2025-01-06'))).when(rec(c.lookedAfter('2025-02-01'))).thenRefused({ code: 'INSTANCE_STILL_ACTIVE', instanceId: 'lac-1' });
  });

  it('refuses a new period dated before the child ceased to be looked after', () => {
    given(...firstPeriod).when(rec(c.lookedAfter('2025-02-20'), '2025-09-01')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2025-03-03' });
  });

  it('holds a CP plan and a period of care side by side', () => {
    const { state } = replay([opened, rec(c.strategy('2025-01-08')), rec(c.lookedAfter('2025-01-09'))]);
    expect(Object.values(state.instances).map((i) => `${i.pathway}:${i.instanceId}`)).toEqual(['child-protection:cp-1', 'looked-after:lac-1']);
  });
});
