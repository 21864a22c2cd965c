import { shippedCalendar, type Start } from '@csc/calendar';
import { computeDeadline, explain } from '@csc/rulebook';

const calendar = shippedCalendar();
const compute = (ruleId: string, trigger: Start, clock?: string, name = 'national', version?: number) =>
  computeDeadline({ ruleId, clock, trigger, rulebook: version === undefined ? { name } : { name, version }, calendar });

describe('TIMESCALES.md section 6 worked examples', () => {
  it('ICPC: strategy discussion Wed 20 May 2026 -> Thu 11 Jun 2026', () => expect(compute('CP-04', { date: '2026-05-20' }).dueDate).toBe('2026-06-11'));
  it('first LAC review: looked after from Mon 30 Mar 2026 -> Wed 29 Apr 2026', () => expect(compute('LAC-03', { date: '2026-03-30' }).dueDate).toBe('2026-04-29'));
  it('first core group: ICPC Thu 27 Aug 2026 -> Fri 11 Sep 2026', () => expect(compute('CP-06', { date: '2026-08-27' }).dueDate).toBe('2026-09-11'));
  it('RCPC: 31 Aug + 3 months = 30 Nov', () => expect(compute('CP-08', { date: '2025-08-31' }).dueDate).toBe('2025-11-30'));
  it('LAC review: 30 Nov 2027 + 3 months = 29 Feb 2028', () => expect(compute('LAC-04', { date: '2027-11-30' }).dueDate).toBe('2028-02-29'));
  it('a due date on a Sunday stays on the Sunday; act-by is the Friday before', () => {
    const deadline = compute('CP-08', { date: '2026-11-28' });
    expect([deadline.dueDate, deadline.actByDate, deadline.dueInstant]).toEqual(['2027-02-28', '2027-02-26', '2027-03-01T00:00:00.000Z']);
  });
  it('RHI: return 10:00 BST Sat 25 Oct 2025 -> 09:00 GMT Tue 28 Oct 2025', () => {
    const deadline = compute('MIS-01', { instant: '2025-10-25T10:00:00+01:00' }, 'offered');
    expect([deadline.precision, deadline.dueInstant]).toEqual(['instant', '2025-10-28T09:00:00.000Z']);
  });
});

describe('more deadlines across 2024-2028', () => {
  it.each([
    // Christmas and New Year
    ['CP-04', '2024-12-16', '2025-01-09'],
    ['CP-04', '2027-12-17', '2028-01-12'],
    ['LAC-03', '2025-12-01', '2025-12-31'],
    ['LAC-03', '2026-12-01', '2026-12-31'],
    ['CP-06', '2028-12-18', '2029-01-04'],
    // Easter
    ['CP-04', '2024-03-20', '2024-04-12'],
    ['CP-06', '2025-04-14', '2025-04-30'],
    ['LAC-03', '2027-03-15', '2027-04-14'],
    ['CP-04', '2028-04-06', '2028-05-02'],
    // May and August bank holidays
    ['LADO-01', '2024-05-03', '2024-05-07'],
    ['LADO-01', '2027-08-27', '2027-08-31'],
    ['CP-01', '2025-05-23', '2025-05-27'],
    // leap years
    ['CP-09', '2027-08-31', '2028-02-29'],
    ['LAC-05', '2028-02-29', '2028-08-29'],
    ['LAC-12', '2028-02-29', '2028-08-29'],
    ['CP-08', '2023-11-30', '2024-02-29'],
    // weekend triggers
    ['CP-04', '2026-05-23', '2026-06-15'],
    ['LAC-03', '2024-06-01', '2024-06-28'],
  ])('%s from %s is due %s', (ruleId, trigger, due) => {
    const deadline = compute(ruleId, { date: trigger });
    expect(deadline.dueDate).toBe(due);
    if (deadline.explanation.duration.unit === 'working-days') expect(calendar.workingDaysBetween(trigger, due)).toBe(deadline.explanation.duration.amount);
  });

  it.each([
    ['spring forward 2024', '2024-03-30T10:00', '2024-04-02T10:00:00.000Z', 'Tue 02 Apr 2024 11:00 BST'],
    ['fall back 2024', '2024-10-26T10:00', '2024-10-29T09:00:00.000Z', 'Tue 29 Oct 2024 09:00 GMT'],
    ['spring forward 2027', '2027-03-27T18:30', '2027-03-30T18:30:00.000Z', 'Tue 30 Mar 2027 19:30 BST'],
    ['fall back 2028', '2028-10-28T23:15', '2028-10-31T22:15:00.000Z', 'Tue 31 Oct 2028 22:15 GMT'],
    ['no change in between', '2026-07-01T12:00', '2026-07-04T11:00:00.000Z', 'Sat 04 Jul 2026 12:00 BST'],
  ])('RHI across %s', (_name, londonTime, dueInstant, shown) => {
    const deadline = computeDeadline({ ruleId: 'MIS-01', trigger: { instant: `${londonTime}:00${offset(londonTime)}` }, rulebook: { name: 'national' }, calendar });
    expect(deadline.dueInstant).toBe(dueInstant);
    expect(explain(deadline)).toContain(`due ${shown}`);
  });
});

/** London offset of a wall time in these test cases (none falls in a changeover hour). */
function offset(londonTime: string): string {
  const summer: Record<string, [string, string]> = { 2024: ['2024-03-31', '2024-10-27'], 2026: ['2026-03-29', '2026-10-25'], 2027: ['2027-03-28', '2027-10-31'], 2028: ['2028-03-26', '2028-10-29'] };
  const [start = '', end = ''] = summer[londonTime.slice(0, 4)] ?? [];
  const date = londonTime.slice(0, 10);
  return date >= start && date < end ? '+01:00' : 'Z';
}

describe('explain', () => {
  it('says which rule and source, the trigger, the units counted, the days skipped and the versions', () => {
    const text = explain(compute('CP-04', { date: '2026-05-20' }, undefined, 'national', 1));
    expect(text).toContain('CP-04 Initial child protection conference (ICPC held): due Thu 11 Jun 2026.');
    expect(text).toContain('Working Together 2018 ch.1');
    expect(text).toContain('SG statutory guidance');
    expect(text).toContain('Trigger: Strategy discussion at which the s47 enquiry was initiated (the initiating one if several were held), on Wed 20 May 2026.');
    expect(text).toContain('15 working days after Wed 20 May 2026, the trigger day being day 0');
    expect(text).toContain('Skipped 7 non-working days: Sat 23 May, Sun 24 May, Mon 25 May (Spring bank holiday)');
    expect(text).toMatch(/Versions: rulebook national@1, rule CP-04\/national@1\/2013-04-15 .*calendar cal-[0-9a-f]{16}\./);
  });

  it('explains a clamped month and an act-by date', () => {
    const text = explain(compute('CP-08', { date: '2026-11-30' }));
    expect(text).toContain('due Sun 28 Feb 2027; act by Fri 26 Feb 2027');
    expect(text).toContain('which does not exist in that month, so its last day');
    expect(text).toContain('the law does not move it');
  });

  it('explains an hours clock across a clock change and an assumed time of day', () => {
    expect(explain(compute('MIS-01', { instant: '2025-10-25T09:00:00Z' }))).toContain('the clocks changed in between');
    expect(explain(compute('MIS-01', { date: '2025-10-25' }))).toContain('time of day not recorded: 23:59 assumed');
  });

  it('names the overlay that changed a rule', () => {
    expect(explain(compute('MIS-01', { instant: '2025-10-25T09:00:00Z' }, 'offered', 'enfield', 1))).toContain('changed by enfield@1 from 2018-04-01');
    // enfield@2 carries release 1's overrides forward under its own name; the due instant is the same.
    expect(explain(compute('MIS-01', { instant: '2025-10-25T09:00:00Z' }, 'offered', 'enfield'))).toContain('changed by enfield@2 from 2018-04-01');
  });
});

describe('bad requests get a clear answer', () => {
  const codeOf = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (error) {
      return (error as { code?: unknown }).code;
    }
    return undefined;
  };

  it('an unknown rule id lists close matches', () => {
    expect(() => compute('CP4', { date: '2026-05-20' })).toThrow(/no rule "CP4" in rulebook national@2 \(did you mean CP-04/);
    expect(() => compute('LAC-3', { date: '2026-05-20' })).toThrow(/did you mean LAC-03/);
    expect(codeOf(() => compute('XYZ-99', { date: '2026-05-20' }))).toBe('RULE_UNKNOWN');
  });

  it('a bad date names the field', () => {
    expect(() => compute('CP-04', { date: '2026-02-30' })).toThrow('trigger.date: "2026-02-30" is not a real date');
    expect(() => compute('MIS-01', { instant: '2026-02-03 10:00' })).toThrow(/trigger.instant: .* is not an ISO 8601 instant/);
  });

  it('an unknown clock lists the clocks', () => {
    expect(() => compute('LAC-10', { date: '2026-05-20' }, 'monthly')).toThrow(/clocks: first, first-year, after-first-year-to-18/);
  });

  it('a trigger outside the calendar says how to extend it', () => {
    expect(codeOf(() => compute('CP-04', { date: '2036-05-20' }))).toBe('CALENDAR_OUT_OF_RANGE');
  });
});

describe('the first day of the calendar', () => {
  it('a trigger on 1 Jan 2015 (a bank holiday, the first covered day) still computes', () => {
    expect(compute('CP-04', { date: '2015-01-01' }).dueDate).toBe('2015-01-22');
  });
});
