import { londonDateOf, type WorkingCalendar } from '@csc/calendar';
import type { CaseDeadline } from '@csc/case';
import type { IsoInstant } from '@workflows/shared';
import { before, bump, dateOn, figure, inPeriod, instantOn, periodEnd, type Basis, type Figure, type Period } from './basis';

type Ref = { readonly occurredAt: IsoInstant; readonly recordedAt: IsoInstant };
const dated = (ref: Ref) => ({ ...ref, occurredOn: londonDateOf(ref.occurredAt), recordedOn: londonDateOf(ref.recordedAt) });

export interface TimelinessOptions {
  /** Count deadlines still not met at the period's end (due by then) as failures in the denominator. */
  readonly overdueCountsAsLate: boolean;
  /** Working-day bands of the time taken (DfE C4 for ICPCs): needs the calendar. */
  readonly bands?: { readonly calendar: WorkingCalendar; readonly limits: readonly number[] };
}

/** Was the deadline closed (met, cancelled, lapsed) by the period's end, on this basis? */
function closedByEnd(d: CaseDeadline, basis: Basis, end: IsoInstant): boolean {
  return d.closedBy !== null && before(instantOn(d.closedBy, basis), end);
}

/**
 * Timeliness of a set of deadlines in a period: those met in the period (their closing event's
 * date on the basis), on time when that event's instant on the basis is before the due instant.
 * Detail: held, onTime, late, overdueAtEnd (due by the period's end, triggered by then and not
 * closed by then), cancelled:<reason> (closed in the period), bands.
 * `deadlines` must be evaluated as of the period's end (deadlinesOf(state, periodEnd(period))).
 */
export function timeliness(deadlines: readonly CaseDeadline[], p: Period, basis: Basis, options: TimelinessOptions): Figure {
  const end = periodEnd(p);
  const detail: Record<string, number> = { held: 0, onTime: 0, late: 0, overdueAtEnd: 0 };
  for (const d of deadlines) {
    if (d.dueInstant === null) continue;
    const closing = d.closedBy;
    if (closing !== null && inPeriod(dateOn(dated(closing), basis), p)) {
      if (closing.kind === 'meet') {
        const onTime = before(instantOn(closing, basis), d.dueInstant);
        bump(detail, 'held');
        bump(detail, onTime ? 'onTime' : 'late');
        if (options.bands) bump(detail, band(options.bands.calendar.workingDaysBetween(d.trigger.occurredOn, dateOn(dated(closing), basis)), options.bands.limits));
      } else if (closing.kind === 'cancel') {
        bump(detail, `cancelled:${d.cancelReason ?? 'unknown'}`);
      }
      continue;
    }
    const triggered = before(instantOn(d.trigger, basis), end);
    if (triggered && !before(end, d.dueInstant) && !closedByEnd(d, basis, end)) bump(detail, 'overdueAtEnd');
  }
  const held = detail['held'] ?? 0;
  const overdue = options.overdueCountsAsLate ? (detail['overdueAtEnd'] ?? 0) : 0;
  return figure(detail['onTime'] ?? 0, held + overdue, detail);
}

/** 'wd:0-10', 'wd:11-15', 'wd:16-20', 'wd:21+' for limits [10, 15, 20]. */
function band(days: number, limits: readonly number[]): string {
  let lower = 0;
  for (const limit of limits) {
    if (days <= limit) return `wd:${lower}-${limit}`;
    lower = limit + 1;
  }
  return `wd:${lower}+`;
}
