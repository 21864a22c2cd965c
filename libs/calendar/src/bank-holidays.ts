import { CalendarDataError } from './errors';
import { isLocalDate, isoWeekday, toEpochDay, type LocalDate } from './local-date';

/** The only division a council in England may count working days by. */
export const DIVISION = 'england-and-wales';

/** One event of gov.uk's `bank-holidays.json`. */
export interface BankHolidayEvent {
  readonly title: string;
  readonly date: LocalDate;
  readonly notes: string;
  readonly bunting: boolean;
}

/** The `england-and-wales` part of gov.uk's `bank-holidays.json`. */
export interface BankHolidayDivision {
  readonly division: typeof DIVISION;
  readonly events: readonly BankHolidayEvent[];
}

/** gov.uk's `bank-holidays.json` (https://www.gov.uk/bank-holidays.json); other divisions are ignored. */
export interface BankHolidaysFile {
  readonly [DIVISION]: BankHolidayDivision;
}

/** A day the council's offices are closed (counted as a non-working day). */
export interface ClosureDay {
  readonly date: LocalDate;
  readonly title: string;
}

/** England and Wales always has at least this many bank holidays a year (8 standing days). */
const MIN_EVENTS_PER_YEAR = 8;

/**
 * Checks a parsed `bank-holidays.json` and returns its England and Wales part.
 * Throws CalendarDataError listing every problem by its path in the file, so a
 * council importing a download is told exactly what is wrong with it.
 */
export function parseBankHolidays(input: unknown): BankHolidaysFile {
  const problems: string[] = [];
  if (!isObject(input)) throw new CalendarDataError(['file: must be a JSON object, as https://www.gov.uk/bank-holidays.json is']);
  const division = input[DIVISION];
  if (!isObject(division)) {
    const found = Object.keys(input).join(', ') || 'none';
    throw new CalendarDataError([`"${DIVISION}": missing (divisions found: ${found}); this must be gov.uk's bank-holidays.json`]);
  }
  if (division['division'] !== DIVISION) problems.push(`${DIVISION}.division: must be "${DIVISION}", found ${JSON.stringify(division['division'])}`);
  const rawEvents = division['events'];
  if (!Array.isArray(rawEvents) || rawEvents.length === 0) {
    throw new CalendarDataError([...problems, `${DIVISION}.events: must be a non-empty array`]);
  }
  const events = rawEvents.map((raw: unknown, index) => parseEvent(raw, `${DIVISION}.events[${index}]`, problems));
  const valid = events.filter((event): event is BankHolidayEvent => event !== undefined);
  problems.push(...checkDates(valid));
  if (problems.length > 0) throw new CalendarDataError(problems);
  return { [DIVISION]: { division: DIVISION, events: sortEvents(valid) } };
}

function parseEvent(raw: unknown, path: string, problems: string[]): BankHolidayEvent | undefined {
  if (!isObject(raw)) {
    problems.push(`${path}: must be an object with title, date, notes and bunting`);
    return undefined;
  }
  const { title, date, notes, bunting } = raw;
  const before = problems.length;
  if (typeof title !== 'string' || title.trim() === '') problems.push(`${path}.title: must be a non-empty string`);
  if (!isLocalDate(date)) problems.push(`${path}.date: ${JSON.stringify(date)} is not a real yyyy-mm-dd date`);
  if (notes !== undefined && typeof notes !== 'string') problems.push(`${path}.notes: must be a string`);
  if (bunting !== undefined && typeof bunting !== 'boolean') problems.push(`${path}.bunting: must be true or false`);
  if (problems.length > before) return undefined;
  return { title: String(title), date: String(date), notes: typeof notes === 'string' ? notes : '', bunting: bunting === true };
}

function checkDates(events: readonly BankHolidayEvent[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const perYear = new Map<number, number>();
  for (const event of events) {
    if (seen.has(event.date)) problems.push(`${event.date}: listed twice`);
    seen.add(event.date);
    const weekday = isoWeekday(toEpochDay(event.date));
    if (weekday >= 6) {
      problems.push(`${event.date} (${event.title}): falls on a ${weekday === 6 ? 'Saturday' : 'Sunday'}; gov.uk lists the substitute weekday instead`);
    }
    const year = Number(event.date.slice(0, 4));
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const years = [...perYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) return problems;
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? 0;
  for (let year = first; year <= last; year++) {
    const count = perYear.get(year) ?? 0;
    if (count < MIN_EVENTS_PER_YEAR) {
      problems.push(`${year}: ${count} bank holidays listed; England and Wales has at least ${MIN_EVENTS_PER_YEAR} a year (is the file truncated?)`);
    }
  }
  return problems;
}

/** First and last year a file lists holidays for. */
export function yearsCovered(file: BankHolidaysFile): { readonly first: number; readonly last: number } {
  const years = file[DIVISION].events.map((event) => Number(event.date.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * A newer download (`primary`, e.g. imported from gov.uk) laid over an older or
 * rule-generated one (`fallback`, e.g. the shipped snapshot): the primary wins
 * for every year from its first to its last, the fallback fills years outside
 * them (gov.uk publishes only about two years ahead).
 */
export function mergeBankHolidays(primary: BankHolidaysFile, fallback: BankHolidaysFile): BankHolidaysFile {
  const { first, last } = yearsCovered(primary);
  const outside = fallback[DIVISION].events.filter((event) => {
    const year = Number(event.date.slice(0, 4));
    return year < first || year > last;
  });
  return { [DIVISION]: { division: DIVISION, events: sortEvents([...primary[DIVISION].events, ...outside]) } };
}

/** Checks a council's closure days (`[{ "date": "2025-12-29", "title": "..." }]`). */
export function parseClosureDays(input: unknown): readonly ClosureDay[] {
  if (!Array.isArray(input)) throw new CalendarDataError(['closureDays: must be an array of { date, title }']);
  const problems: string[] = [];
  const days: ClosureDay[] = [];
  const seen = new Set<string>();
  input.forEach((raw: unknown, index) => {
    const path = `closureDays[${index}]`;
    if (!isObject(raw)) return void problems.push(`${path}: must be an object with date and title`);
    if (!isLocalDate(raw['date'])) return void problems.push(`${path}.date: ${JSON.stringify(raw['date'])} is not a real yyyy-mm-dd date`);
    if (typeof raw['title'] !== 'string' || raw['title'].trim() === '') return void problems.push(`${path}.title: must be a non-empty string`);
    if (seen.has(raw['date'])) return void problems.push(`${path}.date: ${raw['date']} is listed twice`);
    seen.add(raw['date']);
    days.push({ date: raw['date'], title: raw['title'] });
  });
  if (problems.length > 0) throw new CalendarDataError(problems);
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function sortEvents(events: readonly BankHolidayEvent[]): BankHolidayEvent[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
