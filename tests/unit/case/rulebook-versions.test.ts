import { shippedCalendar } from '@csc/calendar';
import { decide, deadlinesOf, encodeCaseEvent, evolveEvent, foldCase, type CaseCommand } from '@csc/case';
import { BUILT_IN_RULEBOOKS, ENFIELD_1, NATIONAL_1, RulebookRegistry } from '@csc/rulebook';
import { CASE, c, rec } from './support/fixtures';
import { replay } from './support/given-when-then';

/**
 * Design rule 3: a due date is computed by the release recorded with its trigger. Events recorded
 * before national@2/enfield@2 shipped (a registry of release 1 only) keep computing under @1 once
 * @2 is built in; events recorded after it use @2.
 */
const before = { rulebooks: new RulebookRegistry([NATIONAL_1, ENFIELD_1]) };
const calendar = shippedCalendar();
const raise: CaseCommand = { type: 'RaiseEscalation', caseId: CASE, occurredAt: '2026-06-01T10:00:00Z', iroRef: 'iro-7', teamRef: 'team-north', plan: 'care-plan', issues: ['permanence'] };
const toStage1: CaseCommand = { type: 'EscalateToFormalStage', caseId: CASE, instanceId: 'esc-1', occurredAt: '2026-06-10T10:00:00Z', stage: 1, escalatedToRef: 'sm-2' };

describe('events keep the rulebook release they were recorded under', () => {
  const recordedUnderOne = replay([rec(c.open('2026-05-01', { rulebook: 'enfield' })), rec(c.strategy('2026-05-20')), rec(raise)], before).events;
  const stored = recordedUnderOne.map(encodeCaseEvent);

  it('@2 is built in: new events record it', () => {
    expect(BUILT_IN_RULEBOOKS.releases().map((r) => `${r.name}@${r.version}`)).toEqual(expect.arrayContaining(['national@2', 'enfield@2']));
    expect(stored.filter((e) => e.type !== 'CaseOpened').map((e) => e.data['rulebookVersion'])).toEqual(['enfield@1', 'enfield@1']);
  });

  it('a history recorded under @1 still computes under @1 after @2 exists', () => {
    const deadlines = deadlinesOf(foldCase(stored), '2026-06-02T00:00:00Z', { calendar });
    expect(deadlines.map((d) => [d.key, d.rulebookVersion, d.dueDate])).toEqual([['icpc', 'enfield@1', '2026-06-11']]);
    // No informal-resolution deadline: enfield@1 has no IRO-01 (it came with @2), so it is not derived after the fact.
    expect(deadlines.some((d) => d.ruleId === 'IRO-01')).toBe(false);
  });

  it('a later event on the same instance is recorded under @2 and its deadline computed under @2', () => {
    const { state } = replay([rec(c.open('2026-05-01', { rulebook: 'enfield' })), rec(raise)], before);
    const decision = decide(toStage1, state, '2026-06-10T16:00:00Z');
    if (!decision.ok) throw decision.error;
    expect(decision.events.map((e) => e.type === 'PathwayEventRecorded' && e.rulebookVersion)).toEqual(['enfield@2']);
    const folded = decision.events.reduce(evolveEvent, state);
    const stage = deadlinesOf(folded, '2026-06-11T00:00:00Z', { calendar }).find((d) => d.key === 'stage-response-1');
    // Hand-checked: 5 working days from Wed 10 Jun 2026 is Wed 17 Jun.
    expect(stage).toMatchObject({ rulebookVersion: 'enfield@2', ruleId: 'IRO-02', clock: 'stage-1', dueDate: '2026-06-17' });
  });

  it('what-if evaluates the same @1 history under @2 without rewriting it', () => {
    const whatIf = deadlinesOf(foldCase(stored), '2026-06-02T00:00:00Z', { calendar, whatIf: { name: 'enfield', version: 2 } });
    expect(whatIf.map((d) => [d.key, d.rulebookVersion, d.dueDate])).toEqual([['icpc', 'enfield@2', '2026-06-11'], ['informal-resolution', 'enfield@2', '2026-06-08']]);
    expect(stored.filter((e) => e.type !== 'CaseOpened').map((e) => e.data['rulebookVersion'])).toEqual(['enfield@1', 'enfield@1']);
  });
});
