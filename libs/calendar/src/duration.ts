import { InvalidDateError } from './errors';
import { addElapsedHours, endOfLondonDay, londonDateAt, londonDateOf, normaliseInstant, type Instant } from './instant';
import { addCalendarDays, addCalendarMonths, toEpochDay, type LocalDate } from './local-date';
import type { DayCounting, NonWorkingDay, WorkingCalendar } from './working-calendar';

export type DurationUnit = 'working-days' | 'calendar-days' | 'weeks' | 'calendar-months' | 'hours';

/** A statutory duration, e.g. `{ unit: 'working-days', amount: 15 }`. */
export interface Duration {
  readonly unit: DurationUnit;
  /** A whole number >= 0. */
  readonly amount: number;
}

/** What starts a clock: a London civil date, or an instant (UTC ISO string with offset). */
export type Start = { readonly date: LocalDate } | { readonly instant: Instant };

export interface DurationOptions {
  /** `after` the start (the usual case) or `before` it (a report due 5 working days before a review). */
  readonly direction?: 'after' | 'before';
  /** Working days only: whether the start day counts as day 0 (default) or day 1. */
  readonly counting?: DayCounting;
}

/** The arithmetic of one due date, with what an explanation needs. */
export interface DueComputation {
  /** `date` for day-based units (due by the end of dueDate), `instant` for hours. */
  readonly precision: 'date' | 'instant';
  readonly start: { readonly date: LocalDate; readonly instant?: Instant; readonly timeAssumed: boolean };
  /** The legal due date in London; for hours, the date of the due instant. */
  readonly dueDate: LocalDate;
  /** For dates: the end of the due date (00:00 London next day, exclusive). For hours: the exact instant. */
  readonly dueInstant: Instant;
  /** The last working day on or before the due date (alerts aim at it; the law does not move the due date). */
  readonly actByDate: LocalDate;
  /** Working days: the non-working days passed over while counting. */
  readonly skipped: readonly NonWorkingDay[];
  /** Non-working days between the act-by date (exclusive) and the due date (inclusive). */
  readonly actByMovedOver: readonly NonWorkingDay[];
  /** Calendar months: whether the corresponding date did not exist and the month end was used. */
  readonly monthEndClamped: boolean;
}

/** London wall time assumed for a clock in hours started by a date alone (TIMESCALES.md 2.3). */
export const ASSUMED_TIME_OF_DAY = { hour: 23, minute: 59 } as const;

/**
 * Applies a duration to a start as TIMESCALES.md section 2 defines it: working
 * days per the calendar (day 0 = start day unless `counting` says day-1),
 * calendar days, weeks (7 days), calendar months (corresponding date, clamped
 * to month end), or elapsed hours (UTC arithmetic, so BST changes move the wall
 * clock, not the elapsed time). A date-only start of an hours clock is taken as
 * 23:59 London on that date and flagged `timeAssumed`.
 */
export function applyDuration(calendar: WorkingCalendar, start: Start, duration: Duration, options: DurationOptions = {}): DueComputation {
  if (!Number.isInteger(duration.amount) || duration.amount < 0) {
    throw new InvalidDateError('duration.amount', duration.amount, 'must be a whole number of units, 0 or more');
  }
  const sign = options.direction === 'before' ? -1 : 1;
  const from = resolveStart(start, duration.unit === 'hours');
  if (duration.unit === 'hours') {
    const dueInstant = addElapsedHours(from.instant ?? '', sign * duration.amount);
    const dueDate = londonDateOf(dueInstant);
    return { precision: 'instant', start: from, dueDate, dueInstant, ...actBy(calendar, dueDate), skipped: [], monthEndClamped: false };
  }
  let dueDate: LocalDate;
  let monthEndClamped = false;
  let skipped: readonly NonWorkingDay[] = [];
  switch (duration.unit) {
    case 'working-days':
      dueDate = calendar.addWorkingDays(from.date, sign * duration.amount, options.counting ?? 'day-0');
      skipped = sign > 0 ? calendar.nonWorkingDaysBetween(from.date, dueDate) : calendar.nonWorkingDaysBetween(addCalendarDays(dueDate, -1), addCalendarDays(from.date, -1));
      break;
    case 'calendar-days':
      dueDate = addCalendarDays(from.date, sign * duration.amount);
      break;
    case 'weeks':
      dueDate = addCalendarDays(from.date, sign * 7 * duration.amount);
      break;
    case 'calendar-months': {
      const result = addCalendarMonths(from.date, sign * duration.amount);
      dueDate = result.date;
      monthEndClamped = result.clamped;
      break;
    }
    default: {
      const unknown: never = duration.unit;
      throw new InvalidDateError('duration.unit', unknown, 'is not a known unit');
    }
  }
  return { precision: 'date', start: from, dueDate, dueInstant: endOfLondonDay(dueDate), ...actBy(calendar, dueDate), skipped, monthEndClamped };
}

/** The London date a start falls on (checked): what selects the rule definition in force. */
export function startDate(start: Start): LocalDate {
  return resolveStart(start, false).date;
}

function resolveStart(start: Start, needsInstant: boolean): DueComputation['start'] {
  if ('instant' in start) {
    const instant = normaliseInstant(start.instant, 'trigger.instant');
    return { date: londonDateOf(instant), instant, timeAssumed: false };
  }
  toEpochDay(start.date, 'trigger.date');
  if (!needsInstant) return { date: start.date, timeAssumed: false };
  return { date: start.date, instant: londonDateAt(start.date, ASSUMED_TIME_OF_DAY.hour, ASSUMED_TIME_OF_DAY.minute), timeAssumed: true };
}

function actBy(calendar: WorkingCalendar, dueDate: LocalDate): Pick<DueComputation, 'actByDate' | 'actByMovedOver'> {
  const actByDate = calendar.lastWorkingDayOnOrBefore(dueDate);
  return { actByDate, actByMovedOver: actByDate === dueDate ? [] : calendar.nonWorkingDaysBetween(actByDate, dueDate) };
}
