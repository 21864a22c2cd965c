import { applyDuration, endOfLondonDay, formatLondonTime, londonDateOf, londonWallTimeToInstant, shippedCalendar } from '@csc/calendar';

const calendar = shippedCalendar();
const hours72 = { unit: 'hours', amount: 72 } as const;

describe('72 hours across the clock changes (TIMESCALES.md 2.3)', () => {
  it('a return at 10:00 BST on Sat 25 Oct 2025 is due at 09:00 GMT on Tue 28 Oct 2025', () => {
    const due = applyDuration(calendar, { instant: londonWallTimeToInstant('2025-10-25T10:00') }, hours72);
    expect(due.dueInstant).toBe('2025-10-28T09:00:00.000Z');
    expect(formatLondonTime(due.dueInstant)).toBe('Tue 28 Oct 2025 09:00 GMT');
    expect(due.precision).toBe('instant');
  });

  it('a return at 20:00 GMT on Sat 28 Mar 2026 is due at 21:00 BST on Tue 31 Mar 2026', () => {
    const due = applyDuration(calendar, { instant: '2026-03-28T20:00:00Z' }, hours72);
    expect(formatLondonTime(due.dueInstant)).toBe('Tue 31 Mar 2026 21:00 BST');
    expect(due.dueDate).toBe('2026-03-31');
  });

  it('weekends and bank holidays are not excluded from hours', () => {
    const due = applyDuration(calendar, { instant: londonWallTimeToInstant('2025-12-24T15:00') }, hours72);
    expect(formatLondonTime(due.dueInstant)).toBe('Sat 27 Dec 2025 15:00 GMT');
    expect(due.actByDate).toBe('2025-12-24');
  });

  it('a date-only return is taken as 23:59 London that day, and says so', () => {
    const due = applyDuration(calendar, { date: '2026-07-01' }, hours72);
    expect(due.start).toEqual({ date: '2026-07-01', instant: '2026-07-01T22:59:00.000Z', timeAssumed: true });
    expect(formatLondonTime(due.dueInstant)).toBe('Sat 04 Jul 2026 23:59 BST');
  });
});

describe('London wall times', () => {
  it('are read in the zone in force on that date', () => {
    expect(londonWallTimeToInstant('2026-01-15T09:30')).toBe('2026-01-15T09:30:00.000Z');
    expect(londonWallTimeToInstant('2026-07-15T09:30')).toBe('2026-07-15T08:30:00.000Z');
  });

  it('refuses the hour that does not exist when the clocks go forward', () => {
    expect(() => londonWallTimeToInstant('2026-03-29T01:30')).toThrow(/does not exist in Europe\/London/);
  });

  it('refuses the hour that happens twice when the clocks go back, asking for an offset', () => {
    expect(() => londonWallTimeToInstant('2026-10-25T01:30')).toThrow(/happens twice.*give an offset/);
    expect(londonWallTimeToInstant('2026-10-25T00:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(londonWallTimeToInstant('2026-10-25T02:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses malformed times', () => {
    expect(codeOf(() => londonWallTimeToInstant('2026-10-25T25:00'))).toBe('CALENDAR_INVALID_DATE');
    expect(() => londonWallTimeToInstant('2026-02-30T10:00')).toThrow(/not a real date/);
  });
});

describe('when a date falls due', () => {
  it.each([
    ['a winter day ends at midnight GMT', '2026-01-15', '2026-01-16T00:00:00.000Z'],
    ['a summer day ends at 23:00 UTC', '2026-06-11', '2026-06-11T23:00:00.000Z'],
    ['the spring-forward day is 23 hours long', '2026-03-29', '2026-03-29T23:00:00.000Z'],
    ['the day before it ends at midnight GMT', '2026-03-28', '2026-03-29T00:00:00.000Z'],
    ['the fall-back day is 25 hours long', '2026-10-25', '2026-10-26T00:00:00.000Z'],
    ['the day before it ends at 23:00 UTC', '2026-10-24', '2026-10-24T23:00:00.000Z'],
  ])('%s', (_name, date, end) => {
    expect(endOfLondonDay(date)).toBe(end);
  });

  it('uses the London date of an instant trigger for day-based rules', () => {
    // 23:30 BST on Wed 20 May 2026 is 22:30 UTC the same day; 00:30 BST on Thu 21 May is still Wed in UTC
    expect(londonDateOf('2026-05-20T23:30:00Z')).toBe('2026-05-21');
    const due = applyDuration(calendar, { instant: '2026-05-20T23:30:00Z' }, { unit: 'working-days', amount: 15 });
    expect(due.start.date).toBe('2026-05-21');
    expect(due.dueDate).toBe('2026-06-12');
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
