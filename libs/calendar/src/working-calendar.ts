import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { DIVISION, yearsCovered, type BankHolidaysFile, type ClosureDay } from './bank-holidays';
import { CalendarDataError, CalendarRangeError } from './errors';
import { daysFromCivil, fromEpochDay, isoWeekday, toEpochDay, type EpochDay, type LocalDate } from './local-date';

/** How a working-day count treats the trigger day (TIMESCALES.md 2.1). */
export type DayCounting = 'day-0' | 'day-1';

export interface NonWorkingDay {
  readonly date: LocalDate;
  /** Why: `Saturday`, `Sunday`, a bank holiday's title, or `council closure: <title>`. */
  readonly reasons: readonly string[];
}

export interface WorkingCalendarInput {
  readonly bankHolidays: BankHolidaysFile;
  readonly closureDays?: readonly ClosureDay[];
}

/**
 * England and Wales working days: not Saturday, Sunday, a bank holiday (incl.
 * substitute and proclaimed days) or a council closure day. Built once from
 * data; every query is O(1) on precomputed tables over the covered years.
 * `version` is a hash of the data, to be recorded with every due date.
 */
export class WorkingCalendar {
  readonly version: string;
  readonly coverage: { readonly from: LocalDate; readonly to: LocalDate };
  /** The data it was built from: another thread builds the same calendar from it (`new WorkingCalendar(calendar.input)`). */
  readonly input: WorkingCalendarInput;
  private readonly firstDay: EpochDay;
  private readonly lastDay: EpochDay;
  private readonly reasons = new Map<EpochDay, string[]>();
  /** workingUpTo[i] = working days in [firstDay, firstDay + i]. */
  private readonly workingUpTo: Int32Array;
  /** Epoch days of every working day, ascending. */
  private readonly workingDays: Int32Array;
  private readonly labels: LocalDate[];

  constructor(input: WorkingCalendarInput) {
    this.input = input;
    const { first, last } = yearsCovered(input.bankHolidays);
    this.firstDay = daysFromCivil(first, 1, 1);
    this.lastDay = daysFromCivil(last, 12, 31);
    this.coverage = { from: fromEpochDay(this.firstDay), to: fromEpochDay(this.lastDay) };
    for (const event of input.bankHolidays[DIVISION].events) this.addReason(toEpochDay(event.date), event.title);
    const outside = (input.closureDays ?? []).filter((day) => day.date < this.coverage.from || day.date > this.coverage.to);
    if (outside.length > 0) {
      throw new CalendarDataError(outside.map((day) => `closure day ${day.date}: outside the calendar (${this.coverage.from} to ${this.coverage.to})`));
    }
    for (const day of input.closureDays ?? []) this.addReason(toEpochDay(day.date), `council closure: ${day.title}`);
    const size = this.lastDay - this.firstDay + 1;
    this.workingUpTo = new Int32Array(size);
    const working: number[] = [];
    this.labels = new Array<LocalDate>(size);
    for (let i = 0; i < size; i++) {
      const day = this.firstDay + i;
      this.labels[i] = fromEpochDay(day);
      if (this.isWorkingEpochDay(day)) working.push(day);
      this.workingUpTo[i] = working.length;
    }
    this.workingDays = Int32Array.from(working);
    this.version = calendarVersion(input);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingEpochDay(this.index(date) + this.firstDay);
  }

  /** Why a date is not a working day; empty for a working day. */
  nonWorkingReasons(date: LocalDate): readonly string[] {
    const day = this.index(date) + this.firstDay;
    const weekday = isoWeekday(day);
    const weekend = weekday === 6 ? ['Saturday'] : weekday === 7 ? ['Sunday'] : [];
    return [...weekend, ...(this.reasons.get(day) ?? [])];
  }

  /**
   * The working day `n` working days from `date`. With `day-0` (the national
   * default) the trigger day is not counted: n > 0 gives the nth working day
   * strictly after `date`, n < 0 the |n|th strictly before, 0 gives `date`.
   * With `day-1` a trigger that is itself a working day counts as day 1.
   */
  addWorkingDays(date: LocalDate, n: number, counting: DayCounting = 'day-0'): LocalDate {
    const i = this.index(date);
    if (n === 0) return date;
    const isWorking = this.isWorkingEpochDay(i + this.firstDay);
    const upTo = this.workingUpTo[i] ?? 0;
    const before = upTo - (isWorking ? 1 : 0);
    let position: number;
    if (n > 0) position = (counting === 'day-1' ? before : upTo) + n - 1;
    else position = (counting === 'day-1' && isWorking ? upTo : before) + n;
    const day = this.workingDays[position];
    if (position < 0 || day === undefined) {
      throw new CalendarRangeError(`${date} ${n > 0 ? '+' : '-'} ${Math.abs(n)} working days`, this.coverage);
    }
    return this.labels[day - this.firstDay] ?? fromEpochDay(day);
  }

  /** Working days d with from < d <= to (negative when `to` is before `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    return (this.workingUpTo[this.index(to)] ?? 0) - (this.workingUpTo[this.index(from)] ?? 0);
  }

  /** Non-working days d with from < d <= to, with their reasons. */
  nonWorkingDaysBetween(fromExclusive: LocalDate, toInclusive: LocalDate): readonly NonWorkingDay[] {
    const start = this.index(fromExclusive) + 1;
    const end = this.index(toInclusive);
    const days: NonWorkingDay[] = [];
    for (let i = start; i <= end; i++) {
      if (!this.isWorkingEpochDay(i + this.firstDay)) {
        const date = this.labels[i] ?? fromEpochDay(i + this.firstDay);
        days.push({ date, reasons: this.nonWorkingReasons(date) });
      }
    }
    return days;
  }

  /** `date` itself if it is a working day, else the last working day before it. */
  lastWorkingDayOnOrBefore(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, -1);
  }

  /** Bank holidays and closure days in a year (for display). */
  holidaysIn(year: number): readonly NonWorkingDay[] {
    return [...this.reasons.keys()]
      .filter((day) => fromEpochDay(day).startsWith(`${year}-`))
      .sort((a, b) => a - b)
      .map((day) => ({ date: fromEpochDay(day), reasons: this.reasons.get(day) ?? [] }));
  }

  private isWorkingEpochDay(day: EpochDay): boolean {
    return isoWeekday(day) < 6 && !this.reasons.has(day);
  }

  private index(date: LocalDate): number {
    const day = toEpochDay(date);
    if (day < this.firstDay || day > this.lastDay) throw new CalendarRangeError(date, this.coverage);
    return day - this.firstDay;
  }

  private addReason(day: EpochDay, reason: string): void {
    const existing = this.reasons.get(day);
    if (existing) existing.push(reason);
    else this.reasons.set(day, [reason]);
  }
}

/**
 * `cal-` and the first 16 hex digits of the sha256 of the data that decides
 * working days: division, covered years, each holiday's date and title, each
 * closure day. Notes, bunting and the order of events do not change it.
 */
export function calendarVersion(input: WorkingCalendarInput): string {
  const { first, last } = yearsCovered(input.bankHolidays);
  const holidays = input.bankHolidays[DIVISION].events.map((event) => [event.date, event.title]).sort(byFirst);
  const closures = (input.closureDays ?? []).map((day) => [day.date, day.title]).sort(byFirst);
  const canonical = JSON.stringify({ format: 1, division: DIVISION, years: [first, last], holidays, closures });
  return `cal-${bytesToHex(sha256(utf8ToBytes(canonical))).slice(0, 16)}`;
}

function byFirst(a: string[], b: string[]): number {
  const [x = '', y = ''] = [a[0], b[0]];
  return x < y ? -1 : x > y ? 1 : 0;
}
