import { shippedCalendar } from '@csc/calendar';

const calendar = shippedCalendar();

describe('working days (day 0 = trigger day)', () => {
  it.each([
    // TIMESCALES.md section 6 worked examples
    ['ICPC: Wed 20 May 2026 + 15 (Spring bank holiday skipped)', '2026-05-20', 15, '2026-06-11'],
    ['first LAC review: Mon 30 Mar 2026 + 20 (Easter skipped)', '2026-03-30', 20, '2026-04-29'],
    ['first core group: Thu 27 Aug 2026 + 10 (Summer bank holiday skipped)', '2026-08-27', 10, '2026-09-11'],
    // Christmas and New Year
    ['Mon 23 Dec 2024 + 1 skips Christmas and Boxing Day', '2024-12-23', 1, '2024-12-24'],
    ['Tue 24 Dec 2024 + 1 lands after Christmas and Boxing Day', '2024-12-24', 1, '2024-12-27'],
    ['Thu 24 Dec 2026 + 1 skips Christmas, the weekend and the Boxing Day substitute', '2026-12-24', 1, '2026-12-29'],
    ['Fri 24 Dec 2027 + 1 skips the weekend and both substitute days', '2027-12-24', 1, '2027-12-29'],
    ['Fri 31 Dec 2027 + 1 skips the New Year substitute of Mon 3 Jan 2028', '2027-12-31', 1, '2028-01-04'],
    ['Wed 24 Dec 2025 + 15 over Christmas and New Year', '2025-12-24', 15, '2026-01-19'],
    // Easter
    ['Thu 17 Apr 2025 + 1 skips Good Friday and Easter Monday', '2025-04-17', 1, '2025-04-22'],
    ['Thu 25 Mar 2027 + 2', '2027-03-25', 2, '2027-03-31'],
    ['Thu 13 Apr 2028 + 5', '2028-04-13', 5, '2028-04-24'],
    ['Thu 28 Mar 2024 + 1 (Easter 2024)', '2024-03-28', 1, '2024-04-02'],
    // triggers on non-working days
    ['Sat 23 May 2026: Tue 26 May is day 1 (Mon 25 is the Spring bank holiday)', '2026-05-23', 1, '2026-05-26'],
    ['Good Friday 2026 as trigger', '2026-04-03', 1, '2026-04-07'],
    ['Sun 29 Feb 2032 is never a weekday puzzle: Sun + 1 = Mon', '2032-02-29', 1, '2032-03-01'],
    // leap years
    ['Fri 25 Feb 2028 + 3 crosses 29 Feb', '2028-02-25', 3, '2028-03-01'],
    ['Wed 28 Feb 2024 + 1 = Thu 29 Feb 2024', '2024-02-28', 1, '2024-02-29'],
    // around both BST changes (dates are civil dates: the clocks do not matter)
    ['Fri 27 Mar 2026 + 1 over the spring-forward weekend', '2026-03-27', 1, '2026-03-30'],
    ['Fri 23 Oct 2026 + 1 over the fall-back weekend', '2026-10-23', 1, '2026-10-26'],
    // zero and long spans
    ['0 working days is the trigger day itself', '2026-05-20', 0, '2026-05-20'],
    ['45 working days from Mon 2 Jun 2025 (assessment)', '2025-06-02', 45, '2025-08-04'],
    ['LADO-01: allegation Fri 4 May 2029 (Mon 7 May bank holiday)', '2029-05-04', 1, '2029-05-08'],
  ])('%s', (_name, trigger, n, due) => {
    expect(calendar.addWorkingDays(trigger, n)).toBe(due);
    expect(calendar.isWorkingDay(due)).toBe(true);
    expect(calendar.workingDaysBetween(trigger, due)).toBe(n);
  });

  it('lists the non-working days passed over', () => {
    expect(calendar.nonWorkingDaysBetween('2026-05-20', '2026-06-11').map((d) => [d.date, d.reasons.join(', ')])).toEqual([
      ['2026-05-23', 'Saturday'],
      ['2026-05-24', 'Sunday'],
      ['2026-05-25', 'Spring bank holiday'],
      ['2026-05-30', 'Saturday'],
      ['2026-05-31', 'Sunday'],
      ['2026-06-06', 'Saturday'],
      ['2026-06-07', 'Sunday'],
    ]);
  });
});

describe('working days counted with the trigger as day 1', () => {
  it.each([
    ['a working-day trigger counts itself', '2026-05-20', 15, '2026-06-10'],
    ['a visit every 10 working days from and including Mon 7 Sep 2026', '2026-09-07', 10, '2026-09-18'],
    ['a non-working trigger cannot count itself: same as day 0', '2026-05-23', 1, '2026-05-26'],
  ])('%s', (_name, trigger, n, due) => {
    expect(calendar.addWorkingDays(trigger, n, 'day-1')).toBe(due);
  });
});

describe('working days before a date', () => {
  it.each([
    ['report 5 working days before a review on Fri 10 Apr 2026 (Easter skipped)', '2026-04-10', 5, '2026-04-01'],
    ['1 working day before Tue 29 Dec 2026', '2026-12-29', 1, '2026-12-24'],
    ['5 before Mon 4 Jan 2027 (New Year, Christmas substitute skipped)', '2027-01-04', 5, '2026-12-23'],
  ])('%s', (_name, trigger, n, due) => {
    expect(calendar.addWorkingDays(trigger, -n)).toBe(due);
    expect(calendar.workingDaysBetween(due, trigger)).toBe(n);
  });

  it('gives the last working day on or before a date', () => {
    expect(calendar.lastWorkingDayOnOrBefore('2027-02-28')).toBe('2027-02-26');
    expect(calendar.lastWorkingDayOnOrBefore('2027-12-28')).toBe('2027-12-24');
    expect(calendar.lastWorkingDayOnOrBefore('2026-06-11')).toBe('2026-06-11');
  });
});

describe('council closure days', () => {
  const council = shippedCalendar([
    { date: '2025-12-29', title: 'Christmas closure' },
    { date: '2025-12-30', title: 'Christmas closure' },
    { date: '2025-12-31', title: 'Christmas closure' },
  ]);

  it('are not working days, and say why', () => {
    expect(council.addWorkingDays('2025-12-24', 1)).toBe('2026-01-02');
    expect(calendar.addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
    expect(council.nonWorkingReasons('2025-12-30')).toEqual(['council closure: Christmas closure']);
  });

  it('change the calendar version', () => {
    expect(council.version).not.toBe(calendar.version);
  });
});

describe('the edges of the calendar', () => {
  it('refuses dates outside the covered years with a code and a way out', () => {
    expect(codeOf(() => calendar.addWorkingDays('2036-01-02', 1))).toBe('CALENDAR_OUT_OF_RANGE');
    expect(() => calendar.addWorkingDays('2035-12-28', 5)).toThrow(/csc calendar import/);
    expect(codeOf(() => calendar.isWorkingDay('2014-12-31'))).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('refuses malformed and impossible dates, naming the field', () => {
    expect(codeOf(() => calendar.isWorkingDay('2026-02-29'))).toBe('CALENDAR_INVALID_DATE');
    expect(() => calendar.isWorkingDay('20/05/2026')).toThrow(/date: "20\/05\/2026" is not a yyyy-mm-dd date/);
  });
});

/** The stable `code` of what `fn` throws. */
function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return undefined;
}
