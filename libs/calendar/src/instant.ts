import { DateTime, IANAZone } from 'luxon';
import { InvalidDateError } from './errors';
import { daysInMonth, toEpochDay, type LocalDate } from './local-date';

/**
 * A point in time as a UTC ISO 8601 string, `yyyy-mm-ddTHH:mm:ss.sssZ` (the form
 * `Date.prototype.toISOString` gives). Every instant this library returns is in
 * this canonical form; instants it accepts may carry any explicit offset.
 */
export type Instant = string;

/** The zone statutory timescales are counted in; Europe/London rules come from luxon / tzdata. */
export const LONDON = 'Europe/London';
const ZONE = IANAZone.create(LONDON);

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Epoch milliseconds of an instant with an explicit offset (`Z` or `+01:00`); throws InvalidDateError. */
export function instantToMillis(instant: string, field = 'instant'): number {
  if (typeof instant === 'string') {
    const fast = canonicalInstantMillis(instant) ?? plainInstantMillis(instant);
    if (fast !== undefined) return fast;
  }
  if (typeof instant !== 'string' || !WITH_OFFSET.test(instant)) {
    throw new InvalidDateError(field, instant, 'is not an ISO 8601 instant with an offset (e.g. 2025-10-25T09:00:00Z)');
  }
  const parsed = DateTime.fromISO(instant, { setZone: true });
  if (!parsed.isValid) throw new InvalidDateError(field, instant, 'is not a real date and time');
  return parsed.toMillis();
}

/** Digit value of the character at `i`, or NaN. */
function digit(text: string, i: number): number {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/**
 * `yyyy-mm-ddTHH:mm:ssZ` and `yyyy-mm-ddTHH:mm:ss.sssZ` (the canonical form every instant the
 * engine stores has), read without a regular expression; undefined for any other text, or when a
 * field is outside its ordinary range (then `plainInstantMillis` and luxon decide).
 */
function canonicalInstantMillis(text: string): number | undefined {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 90 /* Z */) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || (length === 24 && text[19] !== '.')) return undefined;
  const two = (i: number) => digit(text, i) * 10 + digit(text, i + 1);
  const year = two(0) * 100 + two(2);
  const [month, day, hour, minute, second] = [two(5), two(8), two(11), two(14), two(17)];
  const millis = length === 24 ? digit(text, 20) * 100 + two(21) : 0;
  // NaN fails every comparison below, so a non-digit anywhere falls through to undefined.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

const PLAIN_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Epoch milliseconds of an instant whose every field is in its ordinary range (years 1000-9999,
 * hours 0-23, real dates), without luxon: what luxon gives for these, exactly (unit tests compare
 * them). Undefined for anything else (24:00, an offset of 24 hours, a date that does not exist),
 * which luxon decides as before.
 */
function plainInstantMillis(instant: string): number | undefined {
  const m = PLAIN_INSTANT.exec(instant);
  if (m === null) return undefined;
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const second = Number(m[6] ?? 0);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const [offsetHours, offsetMins] = [Number(m[9]), Number(m[10])];
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

export function millisToInstant(millis: number): Instant {
  return new Date(millis).toISOString();
}

/** Canonical UTC form of an instant given with any offset. */
export function normaliseInstant(instant: string, field = 'instant'): Instant {
  return millisToInstant(instantToMillis(instant, field));
}

/**
 * A London wall-clock time (`2025-10-25T10:00`, no offset) as an instant.
 * Refuses times that do not exist (the hour skipped when the clocks go forward)
 * and times that happen twice (the hour repeated when they go back): for those,
 * the caller must give an explicit offset.
 */
export function londonWallTimeToInstant(text: string, field = 'time'): Instant {
  const match = LOCAL_WALL_TIME.exec(text);
  if (!match) throw new InvalidDateError(field, text, 'is not a yyyy-mm-ddTHH:mm London time');
  toEpochDay(text.slice(0, 10), field);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) throw new InvalidDateError(field, text, 'is not a real time of day');
  const asIfUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour, minute, second, millis);
  const offsets = new Set([ZONE.offset(asIfUtc - 86_400_000), ZONE.offset(asIfUtc + 86_400_000)]);
  const candidates = [...offsets]
    .map((offsetMinutes) => asIfUtc - offsetMinutes * 60_000)
    .filter((utc) => ZONE.offset(utc) * 60_000 === asIfUtc - utc);
  if (candidates.length === 0) {
    throw new InvalidDateError(field, text, 'does not exist in Europe/London (the clocks go forward then)');
  }
  if (candidates.length > 1) {
    throw new InvalidDateError(field, text, 'happens twice in Europe/London (the clocks go back then): give an offset, e.g. +01:00 or Z');
  }
  return millisToInstant(candidates[0] ?? asIfUtc);
}

/** The London civil date an instant falls on. */
export function londonDateOf(instant: Instant): LocalDate {
  const millis = instantToMillis(instant);
  if (millis >= FAST_FROM && millis < FAST_UNTIL) return new Date(millis + londonOffsetMinutes(millis) * 60_000).toISOString().slice(0, 10);
  return DateTime.fromMillis(millis, { zone: ZONE }).toISODate() ?? '';
}

const HOUR_MS = 3_600_000;
/** Since 1900 London's offset has changed only on whole UTC hours; before it, and past 9999, luxon decides. */
const FAST_FROM = Date.UTC(1900, 0, 1);
const FAST_UNTIL = Date.UTC(9999, 11, 31);
/** Memo of London's UTC offset (minutes) per UTC hour: tzdata is fixed for the process. */
const OFFSET_BY_HOUR = new Map<number, number>();

function londonOffsetMinutes(millis: number): number {
  const hour = Math.floor(millis / HOUR_MS);
  const cached = OFFSET_BY_HOUR.get(hour);
  if (cached !== undefined) return cached;
  const offset = ZONE.offset(hour * HOUR_MS);
  if (OFFSET_BY_HOUR.size < 500_000) OFFSET_BY_HOUR.set(hour, offset);
  return offset;
}

/** The instant a London civil date begins (00:00 local; midnight always exists in London). */
export function startOfLondonDay(date: LocalDate): Instant {
  toEpochDay(date);
  const start = DateTime.fromISO(date, { zone: ZONE }).startOf('day');
  return millisToInstant(start.toMillis());
}

/**
 * The instant a London civil date ends: 00:00 local on the following day.
 * A deadline on `date` is met by anything strictly before this instant and is
 * overdue from it on.
 */
export function endOfLondonDay(date: LocalDate): Instant {
  const cached = DAY_ENDS.get(date);
  if (cached !== undefined) return cached;
  toEpochDay(date);
  const end = millisToInstant(DateTime.fromISO(date, { zone: ZONE }).plus({ days: 1 }).startOf('day').toMillis());
  if (DAY_ENDS.size < 100_000) DAY_ENDS.set(date, end);
  return end;
}

/** Memo of endOfLondonDay: a pure function of the date (tzdata is fixed for the process). */
const DAY_ENDS = new Map<LocalDate, Instant>();

/** Elapsed (clock) hours: 72 hours is always 259,200 seconds, whatever the clocks do. */
export function addElapsedHours(instant: Instant, hours: number): Instant {
  return millisToInstant(instantToMillis(instant) + hours * 3_600_000);
}

/** The given London date at a wall-clock time (used when only a date is known). */
export function londonDateAt(date: LocalDate, hour: number, minute: number): Instant {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return londonWallTimeToInstant(`${date}T${hh}:${mm}`);
}

/** `Tue 28 Oct 2025 09:00 GMT`: an instant as London shows it. */
export function formatLondonTime(instant: Instant): string {
  return DateTime.fromMillis(instantToMillis(instant), { zone: ZONE, locale: 'en-GB' }).toFormat('ccc dd LLL yyyy HH:mm ZZZZ');
}
