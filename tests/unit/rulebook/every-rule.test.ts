import { shippedCalendar, type Start } from '@csc/calendar';
import { BUILT_IN_RULEBOOKS, computeDeadline } from '@csc/rulebook';

const calendar = shippedCalendar();

/**
 * One hand-checked case per clock of every rule in every shipped rulebook:
 * [rulebook, rule, clock, trigger, due date, act-by date (defaults to due), due instant for hours].
 */
type Row = readonly [string, string, string, Start, string, string?, string?];
const TABLE: readonly Row[] = [
  ['national', 'CP-01', 'default', { date: '2026-12-24' }, '2026-12-29'],
  ['national', 'CP-02', 'default', { date: '2025-06-02' }, '2025-08-04'],
  ['national', 'CP-04', 'default', { date: '2026-05-20' }, '2026-06-11'],
  ['national', 'CP-05', 'default', { date: '2026-05-21' }, '2026-05-21'],
  ['national', 'CP-06', 'default', { date: '2026-08-27' }, '2026-09-11'],
  ['national', 'CP-08', 'default', { date: '2026-08-31' }, '2026-11-30'],
  ['national', 'CP-09', 'default', { date: '2027-08-31' }, '2028-02-29'],
  ['national', 'CP-10', 'default', { date: '2026-12-20' }, '2026-12-30'],
  ['national', 'CP-10', 'mother-not-fit', { date: '2026-12-20' }, '2027-01-09', '2027-01-08'],
  ['national', 'CP-11', 'default', { date: '2026-04-10' }, '2026-04-24'],
  ['national', 'CP-12', 'default', { date: '2027-12-20' }, '2028-01-13'],
  ['national', 'LAC-01', 'default', { date: '2025-12-19' }, '2026-01-07'],
  ['national', 'LAC-02', 'default', { date: '2025-04-16' }, '2025-04-25'],
  ['national', 'LAC-03', 'default', { date: '2026-03-30' }, '2026-04-29'],
  ['national', 'LAC-04', 'default', { date: '2027-11-30' }, '2028-02-29'],
  ['national', 'LAC-05', 'default', { date: '2027-11-30' }, '2028-05-30'],
  ['national', 'LAC-08', 'first', { date: '2026-11-28' }, '2027-02-28', '2027-02-26'],
  ['national', 'LAC-08', 'subsequent', { date: '2027-06-28' }, '2027-12-28', '2027-12-24'],
  ['national', 'LAC-09', 'default', { date: '2024-12-02' }, '2025-01-02'],
  ['national', 'LAC-10', 'first', { date: '2026-12-18' }, '2026-12-25', '2026-12-24'],
  ['national', 'LAC-10', 'first-year', { date: '2026-03-25' }, '2026-05-06'],
  ['national', 'LAC-10', 'after-first-year-to-18', { date: '2025-11-30' }, '2026-02-28', '2026-02-27'],
  ['national', 'LAC-10', 'after-first-year', { date: '2024-02-29' }, '2024-04-11'],
  ['national', 'LAC-10', 'weekly', { date: '2028-04-10' }, '2028-04-17', '2028-04-13'],
  ['national', 'LAC-10', 'reg24-after-first-review', { date: '2027-03-01' }, '2027-03-29', '2027-03-25'],
  ['national', 'LAC-11', 'default', { date: '2027-03-22' }, '2027-04-21'],
  ['national', 'LAC-12', 'under-5', { date: '2024-08-31' }, '2025-02-28'],
  ['national', 'LAC-12', '5-and-over', { date: '2028-02-29' }, '2029-02-28'],
  ['national', 'LAC-13', 'initiated', { date: '2028-04-10' }, '2028-04-26'],
  ['national', 'LAC-13', 'available', { date: '2028-04-10' }, '2028-05-11'],
  ['national', 'LAC-14', 'default', { date: '2026-05-31' }, '2026-08-31', '2026-08-28'],
  ['national', 'LAC-16', 'default', { date: '2025-06-30' }, '2025-12-30'],
  ['national', 'MIS-01', 'offered', { instant: '2025-10-25T09:00:00Z' }, '2025-10-28', '2025-10-28', '2025-10-28T09:00:00.000Z'],
  ['national', 'MIS-01', 'completed', { instant: '2026-03-28T20:00:00Z' }, '2026-03-31', '2026-03-31', '2026-03-31T20:00:00.000Z'],
  ['national', 'LADO-01', 'default', { date: '2029-05-04' }, '2029-05-08'],
  ['national', 'LADO-03', 'default', { date: '2026-12-21' }, '2026-12-28', '2026-12-24'],
  ['national', 'LADO-04', 'default', { date: '2025-04-16' }, '2025-04-23'],
  ['national', 'LADO-05', 'default', { date: '2026-05-20' }, '2026-06-11'],
  ['national', 'LADO-06', 'within-1-month', { date: '2025-01-31' }, '2025-02-28'],
  ['national', 'LADO-06', 'within-3-months', { date: '2025-01-31' }, '2025-04-30'],
  ['national', 'LADO-06', 'within-12-months', { date: '2025-01-31' }, '2026-01-31', '2026-01-30'],
  ['national', 'PF-01', 'default', { date: '2026-06-12' }, '2026-05-01'],
  ['national', 'PF-02', 'default', { date: '2026-04-01' }, '2026-04-14'],
  ['national', 'PF-03', 'default', { date: '2026-05-20' }, '2026-06-01'],
  ['national', 'PF-04', 'first-year', { date: '2026-11-20' }, '2027-01-01', '2026-12-31'],
  ['national', 'PF-04', 'later-years', { date: '2026-11-20' }, '2027-02-12'],
  ['enfield', 'ENF-01', 'default', { date: '2026-04-10' }, '2026-04-01'],
  ['enfield', 'ENF-02', 'default', { date: '2026-12-10' }, '2027-01-12'],
  ['enfield', 'ENF-03', 'default', { date: '2026-12-21' }, '2026-12-26', '2026-12-24'],
  // enfield@2 (assumed 5 working days a stage): Summer bank holiday Mon 31 Aug skipped; Christmas and New Year skipped.
  ['enfield', 'IRO-01', 'default', { date: '2026-08-28' }, '2026-09-07'],
  ['enfield', 'IRO-02', 'stage-1', { date: '2026-12-23' }, '2027-01-04'],
  ['enfield', 'IRO-02', 'stage-2', { date: '2026-06-01' }, '2026-06-08'],
  ['enfield', 'IRO-02', 'stage-3', { date: '2026-06-05' }, '2026-06-12'],
];

/** Nationally: IRO-01/IRO-02 (national@2) leave the stage timescales to each council. */
const NO_TIMESCALE = ['CP-03', 'CP-07', 'CP-13', 'IRO-01', 'IRO-02', 'LAC-06', 'LAC-07', 'LAC-15', 'MIS-02', 'LADO-02', 'LADO-07'];

describe('every rule of the shipped rulebooks', () => {
  const cases = TABLE.map(([name, ruleId, clock, trigger, due, actBy, instant]) => ({ title: `${name} ${ruleId} (${clock}) from ${JSON.stringify(trigger)} is due ${due}`, name, ruleId, clock, trigger, due, actBy: actBy ?? due, instant }));
  it.each(cases)('$title', ({ name, ruleId, clock, trigger, due, actBy, instant }) => {
    for (const rulebook of name === 'national' ? ['national', 'enfield'] : [name]) {
      const deadline = computeDeadline({ ruleId, clock, trigger, rulebook: { name: rulebook }, calendar });
      expect([deadline.dueDate, deadline.actByDate]).toEqual([due, actBy]);
      if (instant) expect(deadline.dueInstant).toBe(instant);
      expect(calendar.isWorkingDay(deadline.actByDate)).toBe(true);
    }
  });

  it.each(NO_TIMESCALE)('%s is in the rulebook but sets no numeric timescale', (ruleId) => {
    expect(() => computeDeadline({ ruleId, trigger: { date: '2026-05-20' }, rulebook: { name: 'national' }, calendar })).toThrow(
      expect.objectContaining({ code: 'RULE_NO_TIMESCALE' }) as Error,
    );
  });

  it('the table above covers every clock of every rule, and the list every rule without one', () => {
    const covered = new Set([...TABLE.map(([, id, clock]) => `${id}/${clock}`), ...NO_TIMESCALE.map((id) => `${id}/-`)]);
    const expected = new Set<string>();
    for (const release of BUILT_IN_RULEBOOKS.releases()) {
      for (const id of BUILT_IN_RULEBOOKS.ruleIds(release)) {
        const rule = BUILT_IN_RULEBOOKS.resolveRule(release, id, '2026-06-01');
        if (rule.definition.clocks.length === 0) expected.add(`${id}/-`);
        for (const clock of rule.definition.clocks) expected.add(`${id}/${clock.key}`);
      }
    }
    expect([...covered].sort()).toEqual([...expected].sort());
  });

  it('holds every rule of TIMESCALES.md sections 1 and 6a under its id', () => {
    const ids = (name: string) => BUILT_IN_RULEBOOKS.ruleIds(BUILT_IN_RULEBOOKS.select({ name }));
    const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
    expect(ids('national')).toEqual([...range('CP', 13), ...range('IRO', 2), ...range('LAC', 16), ...range('LADO', 7), ...range('MIS', 2), ...range('PF', 4)]);
    expect(ids('enfield')).toEqual([...range('CP', 13), ...range('ENF', 3), ...range('IRO', 2), ...range('LAC', 16), ...range('LADO', 7), ...range('MIS', 2), ...range('PF', 4)]);
  });
});
