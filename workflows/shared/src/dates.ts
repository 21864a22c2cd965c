/**
 * Dates as pathway events carry them. An instant (`occurredAt`) is an ISO-8601 string with an
 * offset or `Z`; a local date (`occurredOn`) is the Europe/London calendar date `YYYY-MM-DD` on
 * which statutory timescales are counted. Both are plain strings so that events and snapshots
 * serialise as JSON unchanged.
 *
 * These checks run as guards on every event a pathway applies or replays, so they read the
 * strings by character code instead of building `Date`s and ISO strings. Each answers exactly as
 * its definition (kept beside it in comments) does in Node's V8: tests/unit/workflows/shared/
 * dates-fast.test.ts compares both over random and edge inputs. Whatever the fast path cannot
 * settle with certainty goes to the definition itself.
 */
export type IsoInstant = string;
export type LocalDate = string;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;
/** Epoch days of 0000-01-01 and 9999-12-31, the 4-digit years `toISOString` writes as YYYY. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/** The number the two ASCII digits at `i` and `i + 1` spell, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The epoch day of `YYYY-MM-DD` when it is a real calendar date (any 4-digit year, 0000 too:
 * how `toISOString` writes days of those years), else NaN.
 */
function calendarDay(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const hi = two(value, 0);
  const lo = two(value, 2);
  const month = two(value, 5);
  const day = two(value, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const year = hi * 100 + lo;
  return day <= daysInMonth(year, month) ? epochDay(year, month, day) : NaN;
}

/*
 * Definition: /^(\d{4})-(\d{2})-(\d{2})$/ matches and `new Date(Date.UTC(y, m - 1, d))
 * .toISOString().slice(0, 10) === value`. Date.UTC reads years 0 to 99 as 1900 to 1999, so
 * years 0000 to 0099 never round-trip: they are not local dates.
 */
export function isLocalDate(value: unknown): value is LocalDate {
  return !Number.isNaN(calendarDay(value)) && !(value as string).startsWith('00');
}

/** The instant format's shape (INSTANT's), by character: the field values, or undefined. */
function instantFields(s: string): { month: number; day: number; hour: number; minute: number; second: number; offsetHour: number; offsetMinute: number } | undefined {
  const n = s.length;
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return undefined;
  if (two(s, 0) < 0 || two(s, 2) < 0) return undefined;
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (month < 0 || day < 0 || hour < 0 || minute < 0) return undefined;
  let i = 16;
  let second = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0) return undefined;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      let digits = 0;
      for (i++; i < n; i++, digits++) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
      }
      if (digits < 1 || digits > 9) return undefined;
    }
  }
  const zone = s.charCodeAt(i);
  if (zone === 90) return i + 1 === n ? { month, day, hour, minute, second, offsetHour: 0, offsetMinute: 0 } : undefined;
  if ((zone !== 43 && zone !== 45) || i + 6 !== n || s.charCodeAt(i + 3) !== 58) return undefined;
  const offsetHour = two(s, i + 1);
  const offsetMinute = two(s, i + 4);
  return offsetHour < 0 || offsetMinute < 0 ? undefined : { month, day, hour, minute, second, offsetHour, offsetMinute };
}

/*
 * Definition: INSTANT matches and `Date.parse(value)` is a number. For a string of this shape
 * V8 accepts months 1-12, days 1-31 whatever the month (2026-02-30 is 2026-03-02), hours 0-23
 * (and 24:00 exactly), minutes and seconds 0-59, offsets up to 23:59: inside those ranges the
 * answer is true without parsing; anything else (24:00, out of range) asks Date.parse.
 */
export function isIsoInstant(value: unknown): value is IsoInstant {
  if (typeof value !== 'string') return false;
  const f = instantFields(value);
  if (f === undefined) return false;
  const plain = f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= 31 && f.hour <= 23 && f.minute <= 59 && f.second <= 59
    && f.offsetHour <= 23 && f.offsetMinute <= 59;
  return plain || (INSTANT.test(value) && !Number.isNaN(Date.parse(value)));
}

/** Lexical order is date order for `YYYY-MM-DD`. */
export function isBefore(a: LocalDate, b: LocalDate): boolean {
  return a < b;
}

export function latest(dates: readonly (LocalDate | undefined)[]): LocalDate | undefined {
  let result: LocalDate | undefined;
  for (const date of dates) if (date !== undefined && (result === undefined || date > result)) result = date;
  return result;
}

/** The definition of `localDateFits`, for what the fast path leaves (it throws on an instant Date cannot read). */
function localDateFitsByDates(occurredAt: IsoInstant, occurredOn: LocalDate): boolean {
  const utc = Date.parse(occurredAt);
  const utcDate = new Date(utc).toISOString().slice(0, 10);
  const nextDate = new Date(utc + DAY_MS).toISOString().slice(0, 10);
  return occurredOn === utcDate || occurredOn === nextDate;
}

/**
 * London is UTC+0 or UTC+1, so the London date of an instant is its UTC date or the day after.
 * This catches a local date that cannot belong to the instant without needing a time-zone table.
 *
 * Definition: `occurredOn` is `new Date(utc).toISOString().slice(0, 10)` or the same of
 * `utc + 1 day`, where `utc = Date.parse(occurredAt)`. For a real calendar date `occurredOn`
 * and an instant in years 0000-9999, that is: its epoch day is the instant's or the next.
 */
export function localDateFits(occurredAt: IsoInstant, occurredOn: LocalDate): boolean {
  const day = calendarDay(occurredOn);
  const utc = Date.parse(occurredAt);
  const utcDay = Math.floor(utc / DAY_MS);
  if (Number.isNaN(day) || !(utcDay >= FIRST_DAY && utcDay < LAST_DAY)) return localDateFitsByDates(occurredAt, occurredOn);
  return day === utcDay || day === utcDay + 1;
}
