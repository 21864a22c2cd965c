import { applyDuration, shippedCalendar, type Duration } from '@csc/calendar';

const calendar = shippedCalendar();
const months = (amount: number): Duration => ({ unit: 'calendar-months', amount });

describe('calendar months with the month-end clamp (TIMESCALES.md 2.2)', () => {
  it.each([
    ['31 Aug + 3 months = 30 Nov', '2026-08-31', 3, '2026-11-30', true],
    ['30 Nov 2027 + 3 months = 29 Feb 2028 (leap year)', '2027-11-30', 3, '2028-02-29', true],
    ['30 Nov 2025 + 3 months = 28 Feb 2026', '2025-11-30', 3, '2026-02-28', true],
    ['31 Aug 2027 + 6 months = 29 Feb 2028', '2027-08-31', 6, '2028-02-29', true],
    ['29 Feb 2028 + 12 months = 28 Feb 2029', '2028-02-29', 12, '2029-02-28', true],
    ['30 Nov 2027 + 6 months = 30 May 2028 (the clamp drifts)', '2027-11-30', 6, '2028-05-30', false],
    ['15 Jan 2026 + 3 months = 15 Apr 2026', '2026-01-15', 3, '2026-04-15', false],
    ['31 Oct 2026 + 6 months = 30 Apr 2027', '2026-10-31', 6, '2027-04-30', true],
  ])('%s', (_name, start, n, due, clamped) => {
    const result = applyDuration(calendar, { date: start }, months(n));
    expect(result.dueDate).toBe(due);
    expect(result.monthEndClamped).toBe(clamped);
  });

  it('a due date on a Sunday stays on the Sunday; act-by is the Friday before', () => {
    const result = applyDuration(calendar, { date: '2026-11-28' }, months(3));
    expect(result.dueDate).toBe('2027-02-28');
    expect(result.actByDate).toBe('2027-02-26');
    expect(result.actByMovedOver.map((d) => d.date)).toEqual(['2027-02-27', '2027-02-28']);
  });

  it('a due date on a bank holiday stays; act-by goes back over it and the weekend', () => {
    const result = applyDuration(calendar, { date: '2027-06-28' }, months(6));
    expect(result.dueDate).toBe('2027-12-28');
    expect(result.actByDate).toBe('2027-12-24');
  });

  it('the due instant is the end of the due date in London', () => {
    expect(applyDuration(calendar, { date: '2026-05-20' }, { unit: 'working-days', amount: 15 }).dueInstant).toBe('2026-06-11T23:00:00.000Z');
  });
});

describe('weeks and calendar days (TIMESCALES.md 2.2)', () => {
  it.each([
    ['within one week: trigger + 7 days', { unit: 'weeks', amount: 1 }, '2026-03-25', '2026-04-01'],
    ['six-weekly visits: + 42 days', { unit: 'weeks', amount: 6 }, '2026-03-25', '2026-05-06'],
    ['10 calendar days', { unit: 'calendar-days', amount: 10 }, '2026-12-20', '2026-12-30'],
    ['0 calendar days: the same day', { unit: 'calendar-days', amount: 0 }, '2026-12-25', '2026-12-25'],
  ] as const)('%s', (_name, duration, start, due) => {
    expect(applyDuration(calendar, { date: start }, duration).dueDate).toBe(due);
  });

  it('a weekly deadline on a bank holiday keeps its date and acts by the day before', () => {
    const result = applyDuration(calendar, { date: '2026-12-18' }, { unit: 'weeks', amount: 1 });
    expect(result.dueDate).toBe('2026-12-25');
    expect(result.actByDate).toBe('2026-12-24');
  });

  it('counts backwards when asked', () => {
    expect(applyDuration(calendar, { date: '2026-04-10' }, { unit: 'working-days', amount: 5 }, { direction: 'before' }).dueDate).toBe('2026-04-01');
    expect(applyDuration(calendar, { date: '2026-09-01' }, { unit: 'weeks', amount: 6 }, { direction: 'before' }).dueDate).toBe('2026-07-21');
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => applyDuration(calendar, { date: '2026-04-10' }, { unit: 'weeks', amount: 1.5 })).toThrow(/whole number/);
  });
});
