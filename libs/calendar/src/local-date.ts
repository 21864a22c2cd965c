import { InvalidDateError } from './errors';

/**
 * A civil date in England, `yyyy-mm-dd` (ISO 8601), with no time and no zone.
 * Statutory arithmetic is done on these; they never pass through a `Date`, so
 * nothing here depends on the machine's time zone.
 */
export type LocalDate = string;

/** Days since 1970-01-01 (proleptic Gregorian): the internal form of a LocalDate. */
export type EpochDay = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses and checks a LocalDate; throws InvalidDateError naming `field`. */
export function toEpochDay(date: string, field = 'date'): EpochDay {
  if (typeof date !== 'string') throw new InvalidDateError(field, date, 'is not a yyyy-mm-dd date');
  const match = ISO_DATE.exec(date);
  if (!match) throw new InvalidDateError(field, date, 'is not a yyyy-mm-dd date');
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(field, date, 'is not a real date');
  }
  return daysFromCivil(year, month, day);
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function fromEpochDay(day: EpochDay): LocalDate {
  const [year, month, dayOfMonth] = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: EpochDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year, month (1-12) and day of a LocalDate. */
export function dateParts(date: LocalDate): readonly [number, number, number] {
  return civilFromDays(toEpochDay(date));
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` plus `months` calendar months by the corresponding-date rule: the same
 * day of the month, or the last day of the target month when it has no such day
 * (31 Aug + 3 months = 30 Nov; 30 Nov 2027 + 3 months = 29 Feb 2028).
 */
export function addCalendarMonths(date: LocalDate, months: number): { readonly date: LocalDate; readonly clamped: boolean } {
  const [year, month, day] = civilFromDays(toEpochDay(date));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const last = daysInMonth(targetYear, targetMonth);
  const clamped = day > last;
  return { date: fromEpochDay(daysFromCivil(targetYear, targetMonth, clamped ? last : day)), clamped };
}

/** Days from 1970-01-01 of a civil date (H. Hinnant's algorithm; no zones involved). */
export function daysFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(epochDay: EpochDay): [number, number, number] {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `Thu 11 Jun 2026`: how people in the service write dates. */
export function formatLocalDate(date: LocalDate): string {
  const day = toEpochDay(date);
  const [year, month, dayOfMonth] = civilFromDays(day);
  return `${WEEKDAYS[isoWeekday(day) - 1]} ${String(dayOfMonth).padStart(2, '0')} ${MONTHS[month - 1]} ${year}`;
}

export function weekdayName(date: LocalDate): string {
  return ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][isoWeekday(toEpochDay(date)) - 1] ?? '';
}
