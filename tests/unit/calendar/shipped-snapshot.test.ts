import { DIVISION, SHIPPED_BANK_HOLIDAYS, shippedCalendar } from '@csc/calendar';
import { generateBankHolidays } from '@csc/calendar-files';

/** TIMESCALES.md section 5, transcribed by hand: every England and Wales bank holiday 2024-2028. */
const SECTION_5: Readonly<Record<number, readonly string[]>> = {
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
};

const datesIn = (year: number) => SHIPPED_BANK_HOLIDAYS[DIVISION].events.map((e) => e.date).filter((d) => d.startsWith(`${year}-`));

describe('the shipped bank-holiday snapshot', () => {
  it.each(Object.entries(SECTION_5))('matches TIMESCALES.md section 5 exactly for %s', (year, expected) => {
    expect(datesIn(Number(year))).toEqual(expected);
  });

  it('marks the substitute days of section 5 as substitutes, under the title of the day they replace', () => {
    const byDate = new Map(SHIPPED_BANK_HOLIDAYS[DIVISION].events.map((e) => [e.date, e]));
    expect(byDate.get('2026-12-28')).toMatchObject({ title: 'Boxing Day', notes: 'Substitute day' });
    expect(byDate.get('2027-12-27')).toMatchObject({ title: 'Christmas Day', notes: 'Substitute day' });
    expect(byDate.get('2027-12-28')).toMatchObject({ title: 'Boxing Day', notes: 'Substitute day' });
    expect(byDate.get('2028-01-03')).toMatchObject({ title: 'New Year’s Day', notes: 'Substitute day' });
  });

  it('holds the one-off proclaimed days gov.uk published for 2020, 2022 and 2023', () => {
    expect(datesIn(2020)).toContain('2020-05-08'); // VE day, replacing Mon 4 May
    expect(datesIn(2020)).not.toContain('2020-05-04');
    expect(datesIn(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(datesIn(2022)).not.toContain('2022-05-30');
    expect(datesIn(2023)).toContain('2023-05-08'); // coronation
  });

  it('covers 2015 to 2035 with 8 or more holidays in every year and none at a weekend', () => {
    const calendar = shippedCalendar();
    expect(calendar.coverage).toEqual({ from: '2015-01-01', to: '2035-12-31' });
    for (let year = 2015; year <= 2035; year++) expect(datesIn(year).length).toBeGreaterThanOrEqual(8);
    for (const event of SHIPPED_BANK_HOLIDAYS[DIVISION].events) expect(calendar.nonWorkingReasons(event.date)).toEqual([event.title]);
  });

  it('is exactly what the generator (date-holidays) produces, so it can be regenerated and reviewed', () => {
    expect(generateBankHolidays(2015, 2035)).toEqual(SHIPPED_BANK_HOLIDAYS);
  });

  it('has a pinned version: changing the snapshot changes every recorded calendar version', () => {
    expect(shippedCalendar().version).toBe(PINNED_VERSION);
  });
});

/** Update only together with a deliberate, reviewed change of the snapshot. */
const PINNED_VERSION = 'cal-d8046f11eb92eb44';
