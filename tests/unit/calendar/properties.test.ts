import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addCalendarMonths,
  addElapsedHours,
  applyDuration,
  instantToMillis,
  londonDateOf,
  shippedCalendar,
  toEpochDay,
  type LocalDate,
} from '@csc/calendar';

const calendar = shippedCalendar();

/** Any date from Apr 2015 to 2034 (leaving room either side for the arithmetic to land in the calendar). */
const localDate = fc.integer({ min: toEpochDay('2015-04-01'), max: toEpochDay('2034-12-31') }).map((day) => DateTime.fromMillis(day * 86_400_000, { zone: 'utc' }).toISODate() as LocalDate);
const instant = fc.integer({ min: Date.UTC(2015, 3, 1), max: Date.UTC(2034, 11, 31) }).map((ms) => new Date(ms).toISOString());

describe('working-day arithmetic', () => {
  it('adding N working days lands on a working day with exactly N working days after the trigger', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 1, max: 60 }), (trigger, n) => {
        const due = calendar.addWorkingDays(trigger, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(trigger, due)).toBe(n);
        // and it is the first such day: the day before it has only N - 1
        expect(calendar.workingDaysBetween(trigger, DateTime.fromISO(due, { zone: 'utc' }).minus({ days: 1 }).toISODate() ?? '')).toBe(n - 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('day-1 counting is day-0 counting of N - 1 when the trigger is a working day, and the same otherwise', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 1, max: 60 }), (trigger, n) => {
        const expected = calendar.isWorkingDay(trigger) ? calendar.addWorkingDays(trigger, n - 1) : calendar.addWorkingDays(trigger, n);
        expect(calendar.addWorkingDays(trigger, n, 'day-1')).toBe(expected);
      }),
    );
  });

  it('counting back N working days lands on a working day N working days before the trigger', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 1, max: 60 }), (trigger, n) => {
        const due = calendar.addWorkingDays(trigger, -n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        // working days d with due <= d < trigger: exactly n
        expect(1 + calendar.workingDaysBetween(due, trigger) - (calendar.isWorkingDay(trigger) ? 1 : 0)).toBe(n);
      }),
    );
  });
});

describe('calendar months', () => {
  it('never overshoot the target month and keep the day of month unless it does not exist', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 24 }), (start, months) => {
        const { date, clamped } = addCalendarMonths(start, months);
        const [y, m, d] = start.split('-').map(Number) as [number, number, number];
        const targetIndex = y * 12 + (m - 1) + months;
        expect(Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1).toBe(targetIndex);
        const day = Number(date.slice(8, 10));
        expect(clamped ? day < d : day === d).toBe(true);
        // luxon clamps the same way: the corresponding-date rule
        expect(date).toBe(DateTime.fromISO(start, { zone: 'utc' }).plus({ months }).toISODate());
      }),
      { numRuns: 2000 },
    );
  });

  it('act-by is the last working day on or before the due date, never after it', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 1, max: 12 }), (start, months) => {
        const due = applyDuration(calendar, { date: start }, { unit: 'calendar-months', amount: months });
        expect(due.actByDate <= due.dueDate).toBe(true);
        expect(calendar.isWorkingDay(due.actByDate)).toBe(true);
        expect(calendar.workingDaysBetween(due.actByDate, due.dueDate)).toBe(0);
      }),
    );
  });
});

describe('elapsed hours', () => {
  it('72 hours is always 259,200 seconds of elapsed time, across any clock change', () => {
    fc.assert(
      fc.property(instant, (start) => {
        const due = applyDuration(calendar, { instant: start }, { unit: 'hours', amount: 72 });
        expect((instantToMillis(due.dueInstant) - instantToMillis(start)) / 1000).toBe(259_200);
        expect(due.dueDate).toBe(londonDateOf(due.dueInstant));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows a wall-clock shift of exactly one hour when one clock change falls inside the 72 hours', () => {
    fc.assert(
      fc.property(instant, (start) => {
        const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });
        const [from, to] = [london(start), london(addElapsedHours(start, 72))];
        const shiftMinutes = to.offset - from.offset;
        expect([-60, 0, 60]).toContain(shiftMinutes);
        const wallClockMinutes = (t: DateTime) => t.hour * 60 + t.minute;
        expect((((wallClockMinutes(to) - wallClockMinutes(from) - shiftMinutes) % 1440) + 1440) % 1440).toBe(0);
        expect(shiftMinutes !== 0).toBe(from.offset !== to.offset);
      }),
    );
  });
});

describe('independence from the machine time zone', () => {
  const sample = fc.sample(fc.tuple(localDate, instant, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 })), { numRuns: 300, seed: 42 });
  const computeAll = () =>
    sample.map(([date, when, n, months]) => [
      calendar.addWorkingDays(date, n),
      applyDuration(calendar, { date }, { unit: 'calendar-months', amount: months }),
      applyDuration(calendar, { instant: when }, { unit: 'hours', amount: 72 }),
      applyDuration(calendar, { instant: when }, { unit: 'working-days', amount: n }),
    ]);

  it('gives the same answers whatever TZ the process runs in', () => {
    const original = process.env['TZ'];
    const results = ['UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kolkata'].map((tz) => {
      process.env['TZ'] = tz;
      return computeAll();
    });
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
    for (const result of results) expect(result).toEqual(results[0]);
  });
});
