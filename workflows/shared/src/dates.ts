/**
 * Dates as pathway events carry them. An instant (`occurredAt`) is an ISO-8601 string with an
 * offset or `Z`; a local date (`occurredOn`) is the Europe/London calendar date `YYYY-MM-DD` on
 * which statutory timescales are counted. Both are plain strings so that events and snapshots
 * serialise as JSON unchanged.
 */
export type IsoInstant = string;
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).toISOString().slice(0, 10) === value;
}

export function isIsoInstant(value: unknown): value is IsoInstant {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
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

/**
 * London is UTC+0 or UTC+1, so the London date of an instant is its UTC date or the day after.
 * This catches a local date that cannot belong to the instant without needing a time-zone table.
 */
export function localDateFits(occurredAt: IsoInstant, occurredOn: LocalDate): boolean {
  const utc = Date.parse(occurredAt);
  const utcDate = new Date(utc).toISOString().slice(0, 10);
  const nextDate = new Date(utc + DAY_MS).toISOString().slice(0, 10);
  return occurredOn === utcDate || occurredOn === nextDate;
}
