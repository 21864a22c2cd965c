import { shippedCalendar } from '@csc/calendar';
import { BUILT_IN_RULEBOOKS, ENFIELD_1, NATIONAL_1, RulebookRegistry, computeDeadline, type RulebookRelease } from '@csc/rulebook';

const calendar = shippedCalendar();

/** A council overlay (test only) that shortens CP-04, counts day 1, runs only the RHI "offered" clock, and visits every 4 weeks. */
const strictCouncil = (version: number, publishedOn: string, cp04Days: number): RulebookRelease => ({
  name: 'strict',
  version,
  publishedOn,
  description: 'test overlay',
  base: { name: 'national', version: 1 },
  rules: [],
  overrides: [{ overrides: 'CP-04', effectiveFrom: '2026-01-01', changes: { clocks: [{ key: 'default', label: 'ICPC held', duration: { unit: 'working-days', amount: cp04Days } }] }, reason: 'local procedure' }],
  settings: [
    { effectiveFrom: '2026-01-01', values: { workingDayCounting: 'day-1', rhiClocks: ['offered'] }, source: 'local procedure' },
    { effectiveFrom: '2026-06-01', values: { cpVisitFrequency: { unit: 'weeks', amount: 4 } }, source: 'local procedure' },
  ],
});
const registry = new RulebookRegistry([NATIONAL_1, ENFIELD_1, strictCouncil(1, '2026-01-01', 12), strictCouncil(2, '2026-09-01', 10)]);
const due = (ruleId: string, date: string, rulebook: { name: string; version?: number; asOf?: string }, clock?: string) =>
  computeDeadline({ ruleId, clock, trigger: { date }, rulebook, calendar }, registry).dueDate;

describe('council overlays', () => {
  it('change a duration from their effective date only', () => {
    expect(due('CP-04', '2025-12-31', { name: 'strict', version: 1 })).toBe('2026-01-22'); // national 15 wd (day 0)
    expect(due('CP-04', '2026-05-20', { name: 'strict', version: 1 })).toBe('2026-06-05'); // 12 wd, day 1
    expect(due('CP-04', '2026-05-20', { name: 'national' })).toBe('2026-06-11');
  });

  it('change settings from their effective dates: day-1 counting, CP visit frequency', () => {
    expect(due('CP-06', '2026-08-27', { name: 'strict', version: 1 })).toBe('2026-09-10');
    expect(due('CP-11', '2026-05-01', { name: 'strict', version: 1 })).toBe('2026-05-15'); // 10 wd, day 1 (Mon 4 May bank holiday)
    expect(due('CP-11', '2026-06-05', { name: 'strict', version: 1 })).toBe('2026-07-03'); // 4 weeks
  });

  it('can switch off the RHI "completed" clock', () => {
    expect(() => due('MIS-01', '2026-05-20', { name: 'strict', version: 1 }, 'completed')).toThrow(/no clock "completed".*clocks: offered/);
    expect(due('MIS-01', '2026-05-20', { name: 'national' }, 'completed')).toBe('2026-05-23');
  });

  it('record the rule version with the overlay that changed it', () => {
    const deadline = computeDeadline({ ruleId: 'CP-04', trigger: { date: '2026-05-20' }, rulebook: { name: 'strict' }, calendar }, registry);
    expect(deadline.rulebookVersion).toBe('strict@2');
    expect(deadline.ruleVersion).toBe('CP-04/national@1/2013-04-15+strict@2/2026-01-01');
  });
});

describe('choosing a release', () => {
  it('takes the latest by default, an exact version when pinned (replays), or the one published by a date (what-if)', () => {
    expect(due('CP-04', '2026-05-20', { name: 'strict' })).toBe('2026-06-03');
    expect(due('CP-04', '2026-05-20', { name: 'strict', version: 1 })).toBe('2026-06-05');
    expect(due('CP-04', '2026-05-20', { name: 'strict', asOf: '2026-08-31' })).toBe('2026-06-05');
    expect(due('CP-04', '2026-05-20', { name: 'strict', asOf: '2026-09-01' })).toBe('2026-06-03');
  });

  it('names the releases there are when none matches', () => {
    expect(() => due('CP-04', '2026-05-20', { name: 'camden' })).toThrow(/no rulebook release matches camden \(available: national@1, enfield@1, strict@1, strict@2\)/);
    expect(() => due('CP-04', '2026-05-20', { name: 'strict', asOf: '2025-01-01' })).toThrow(expect.objectContaining({ code: 'RULEBOOK_UNKNOWN' }) as Error);
  });
});

describe('effective-dated rules', () => {
  it('use the definition in force on the trigger date (LAC-03: four weeks before 1 Apr 2011, 20 working days after)', () => {
    const release = BUILT_IN_RULEBOOKS.select({ name: 'national' });
    expect(BUILT_IN_RULEBOOKS.resolveRule(release, 'LAC-03', '2011-03-31').clocks[0]?.duration).toEqual({ unit: 'weeks', amount: 4 });
    expect(BUILT_IN_RULEBOOKS.resolveRule(release, 'LAC-03', '2011-04-01').clocks[0]?.duration).toEqual({ unit: 'working-days', amount: 20 });
    expect(BUILT_IN_RULEBOOKS.resolveRule(release, 'LAC-03', '2011-04-01').ruleVersion).toBe('LAC-03/national@1/2011-04-01');
  });

  it('refuse a trigger before the rule existed, saying when it was in force', () => {
    expect(() => computeDeadline({ ruleId: 'ENF-01', trigger: { date: '2017-06-01' }, rulebook: { name: 'enfield' }, calendar })).toThrow(
      'ruleId: ENF-01 was not in force on 2017-06-01 (in force: 2018-04-01 to now)',
    );
  });
});

describe('rulebook definitions are checked when registered', () => {
  it('refuses an overlay whose base is missing and rules that overlap or lack a reason for having no clock', () => {
    const broken: RulebookRelease = {
      ...strictCouncil(3, '2026-01-01', 10),
      base: { name: 'national', version: 9 },
      rules: [
        { ...NATIONAL_1.rules[0]!, id: 'ENF-09', clocks: [], effectiveFrom: '2020-01-01' },
        { ...NATIONAL_1.rules[0]!, id: 'ENF-09', effectiveFrom: '2021-01-01' },
      ],
    };
    expect(() => new RulebookRegistry([NATIONAL_1, broken])).toThrow(/base national@9 is not registered[\s\S]*must say why \(noClock\)[\s\S]*overlaps another definition/);
  });
});
