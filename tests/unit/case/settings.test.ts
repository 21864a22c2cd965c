import { shippedCalendar } from '@csc/calendar';
import { deadlinesOf, flagsOf, type CaseCommand } from '@csc/case';
import { NATIONAL_1, NATIONAL_2, RulebookRegistry, type RulebookRelease } from '@csc/rulebook';
import { CASE, c, rec, type Recorded } from './support/fixtures';
import { replay } from './support/given-when-then';

const calendar = shippedCalendar();
const missing = (at: string): Recorded => ({ command: { type: 'ReportMissing', caseId: CASE, occurredAt: at, kind: 'missing', childStatus: 'child-in-need' }, now: at });
const returned = (at: string, instanceId: string): Recorded => ({
  command: { type: 'RecordReturn', caseId: CASE, instanceId, occurredAt: at, timeKnown: true, childStatus: 'child-in-need', returnedHow: 'self-returned' } satisfies CaseCommand,
  now: at,
});
const episode = (n: number, out: string, back: string): Recorded[] => [missing(out), returned(back, `mis-${n}`)];

describe('a council setting that switches a clock off (rhiClocks: offered only)', () => {
  const offeredOnly: RulebookRelease = {
    name: 'offered-only', version: 1, publishedOn: '2026-01-01', description: 'test overlay: only the offer clock of MIS-01 runs',
    base: { name: 'national', version: 2 }, rules: [], overrides: [],
    settings: [{ effectiveFrom: '2014-01-01', values: { rhiClocks: ['offered'] }, source: 'test' }],
  };
  const rulebooks = new RulebookRegistry([NATIONAL_1, NATIONAL_2, offeredOnly]);

  it('skips the switched-off deadline instead of failing; the other clock runs', () => {
    const { state } = replay([rec(c.open('2026-01-05', { rulebook: 'offered-only' })), ...episode(1, '2026-03-02T21:00:00Z', '2026-03-03T08:00:00Z')], { rulebooks });
    const rhi = deadlinesOf(state, '2026-03-04T00:00:00Z', { calendar, rulebooks }).map((d) => [d.key, d.clock, d.dueInstant, d.rulebookVersion]);
    expect(rhi).toEqual([['rhi-offered', 'offered', '2026-03-06T08:00:00.000Z', 'offered-only@1']]);
  });

  it('under the national default both clocks run', () => {
    const { state } = replay([rec(c.open('2026-01-05')), ...episode(1, '2026-03-02T21:00:00Z', '2026-03-03T08:00:00Z')]);
    expect(deadlinesOf(state, '2026-03-04T00:00:00Z', { calendar }).map((d) => d.key)).toEqual(['rhi-offered', 'rhi-completed']);
  });
});

describe('repeated missing episodes raise a flag on the case (MIS-02, local setting)', () => {
  const history = [
    rec(c.open('2026-01-05')),
    ...episode(1, '2026-03-02T21:00:00Z', '2026-03-03T08:00:00Z'),
    ...episode(2, '2026-03-20T21:00:00Z', '2026-03-21T08:00:00Z'),
    ...episode(3, '2026-03-31T21:00:00Z', '2026-04-01T08:00:00Z'),
  ];
  const { state } = replay(history);

  it('3 episodes within 30 days (the local default): flagged at the third', () => {
    expect(flagsOf(state, '2026-04-02T00:00:00Z')).toEqual([
      { caseId: CASE, kind: 'repeat-missing', ruleId: 'MIS-02', raisedOn: '2026-03-31', raisedBy: 'mis-3', episodeIds: ['mis-1', 'mis-2', 'mis-3'] },
    ]);
  });

  it('not before the day the third episode started', () => {
    expect(flagsOf(state, '2026-03-30T12:00:00Z')).toEqual([]);
  });

  it('the threshold and window come from the settings', () => {
    expect(flagsOf(state, '2026-04-02T00:00:00Z', { windowDays: 29 })).toEqual([]);
    expect(flagsOf(state, '2026-04-02T00:00:00Z', { threshold: 2 }).map((f) => f.raisedBy)).toEqual(['mis-2']);
  });

  it('a bad setting names itself', () => {
    expect(() => flagsOf(state, '2026-04-02T00:00:00Z', { threshold: 1 })).toThrow(expect.objectContaining({ code: 'MISSING_REPEAT_POLICY_INVALID', field: 'threshold' }) as Error);
  });
});
