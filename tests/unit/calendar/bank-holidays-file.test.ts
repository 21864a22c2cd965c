import { CalendarDataError, DIVISION, SHIPPED_BANK_HOLIDAYS, WorkingCalendar, calendarVersion, mergeBankHolidays, parseBankHolidays, parseClosureDays } from '@csc/calendar';

const standing = (year: number) => [`${year}-01-01`, `${year}-04-03`, `${year}-04-06`, `${year}-05-04`, `${year}-05-25`, `${year}-08-31`, `${year}-12-25`, `${year}-12-28`];
const file = (dates: string[], extra: Record<string, unknown> = {}) => ({
  [DIVISION]: { division: DIVISION, events: dates.map((date) => ({ title: `Holiday ${date}`, date, notes: '', bunting: true })) },
  scotland: { division: 'scotland', events: [] },
  ...extra,
});

function problemsOf(input: unknown): readonly string[] {
  try {
    parseBankHolidays(input);
  } catch (error) {
    if (error instanceof CalendarDataError) return error.problems;
    throw error;
  }
  return [];
}

describe('importing a gov.uk bank-holidays.json', () => {
  it('accepts the gov.uk shape and ignores other divisions', () => {
    const parsed = parseBankHolidays(file(standing(2026)));
    expect(Object.keys(parsed)).toEqual([DIVISION]);
    expect(parsed[DIVISION].events).toHaveLength(8);
  });

  it('names what is wrong with each bad event, by its path', () => {
    const input = file(standing(2026));
    const events = input[DIVISION].events as unknown[];
    events[2] = { title: '', date: '2026-02-30', notes: 3, bunting: 'yes' };
    expect(problemsOf(input)).toEqual([
      'england-and-wales.events[2].title: must be a non-empty string',
      'england-and-wales.events[2].date: "2026-02-30" is not a real yyyy-mm-dd date',
      'england-and-wales.events[2].notes: must be a string',
      'england-and-wales.events[2].bunting: must be true or false',
      '2026: 7 bank holidays listed; England and Wales has at least 8 a year (is the file truncated?)',
    ]);
  });

  it('does not invent a year when no event is valid', () => {
    expect(problemsOf(file(['2027-13-01']))).toEqual(['england-and-wales.events[0].date: "2027-13-01" is not a real yyyy-mm-dd date']);
  });

  it('refuses a file without the England and Wales division', () => {
    expect(problemsOf({ scotland: { division: 'scotland', events: [] } })[0]).toMatch(/"england-and-wales": missing \(divisions found: scotland\)/);
    expect(problemsOf([])[0]).toMatch(/must be a JSON object/);
  });

  it('refuses duplicates, weekend dates and missing years', () => {
    const problems = problemsOf(file([...standing(2026), '2026-12-28', '2026-12-26', ...standing(2028).map((d) => d.replace('2028', '2028'))]));
    expect(problems).toEqual(
      expect.arrayContaining([
        '2026-12-28: listed twice',
        '2026-12-26 (Holiday 2026-12-26): falls on a Saturday; gov.uk lists the substitute weekday instead',
        '2027: 0 bank holidays listed; England and Wales has at least 8 a year (is the file truncated?)',
      ]),
    );
  });

  it('lays a download over the snapshot for the years it covers, keeping the snapshot elsewhere', () => {
    const imported = parseBankHolidays(file([...standing(2026), '2026-06-05']));
    const merged = mergeBankHolidays(imported, SHIPPED_BANK_HOLIDAYS);
    const calendar = new WorkingCalendar({ bankHolidays: merged });
    expect(calendar.isWorkingDay('2026-06-05')).toBe(false); // a new proclaimed day
    expect(calendar.isWorkingDay('2027-12-27')).toBe(false); // from the snapshot
    expect(calendar.coverage).toEqual({ from: '2015-01-01', to: '2035-12-31' });
    expect(calendar.version).not.toBe(new WorkingCalendar({ bankHolidays: SHIPPED_BANK_HOLIDAYS }).version);
  });
});

describe('the calendar version', () => {
  it('depends on dates and titles only, not on notes, bunting or order', () => {
    const base = parseBankHolidays(file(standing(2026)));
    const events = base[DIVISION].events;
    const shuffled = { [DIVISION]: { division: DIVISION, events: [...events].reverse().map((e) => ({ ...e, notes: 'x', bunting: false })) } } as const;
    expect(calendarVersion({ bankHolidays: shuffled })).toBe(calendarVersion({ bankHolidays: base }));
    const moved = { [DIVISION]: { division: DIVISION, events: events.map((e, i) => (i === 3 ? { ...e, date: '2026-05-05' } : e)) } } as const;
    expect(calendarVersion({ bankHolidays: moved })).not.toBe(calendarVersion({ bankHolidays: base }));
    expect(calendarVersion({ bankHolidays: base })).toMatch(/^cal-[0-9a-f]{16}$/);
  });
});

describe('closure days', () => {
  it('are checked and sorted', () => {
    expect(parseClosureDays([{ date: '2026-12-30', title: 'b' }, { date: '2026-12-29', title: 'a' }]).map((d) => d.date)).toEqual(['2026-12-29', '2026-12-30']);
    expect(() => parseClosureDays([{ date: '2026-12-32', title: 'x' }])).toThrow(/closureDays\[0\]\.date: "2026-12-32" is not a real yyyy-mm-dd date/);
    expect(() => parseClosureDays({})).toThrow(/must be an array/);
  });

  it('must lie inside the calendar', () => {
    expect(() => new WorkingCalendar({ bankHolidays: SHIPPED_BANK_HOLIDAYS, closureDays: [{ date: '2040-01-02', title: 'x' }] })).toThrow(/outside the calendar/);
  });
});
