import { applyDuration, startDate, type Duration, type Instant, type LocalDate, type NonWorkingDay, type Start, type WorkingCalendar } from '@csc/calendar';
import { NoTimescaleError, UnknownClockError } from './errors';
import { BUILT_IN_RULEBOOKS, type RulebookRegistry } from './registry';
import type { Evidence, LegalStatus, RulebookSelector } from './types';

/** What a pathway asks: which rule (and clock), what started it, under which rulebook and calendar. */
export interface DeadlineRequest {
  readonly ruleId: string;
  /** Which clock of the rule; default: its first running clock (most rules have one). */
  readonly clock?: string;
  /** The trigger: a London date (`{ date: '2026-05-20' }`) or an instant (`{ instant: '2025-10-25T09:00:00Z' }`). */
  readonly trigger: Start;
  readonly rulebook: RulebookSelector;
  readonly calendar: WorkingCalendar;
}

/**
 * A computed deadline: plain, JSON-serialisable data, to be recorded with the
 * event that opened it. `rulebookVersion`, `ruleVersion` and `calendarVersion`
 * are what a replay needs to get the same answer years later.
 */
export interface Deadline {
  readonly ruleId: string;
  readonly clock: string;
  /** What the deadline is shown as: the clock's own title (MIS-01 `offered`: "Return home interview offered"), else the rule's. */
  readonly title: string;
  readonly rulebookVersion: string;
  readonly ruleVersion: string;
  readonly calendarVersion: string;
  /** The trigger as counted: its London date, its instant if known, and whether the time was assumed. */
  readonly trigger: { readonly date: LocalDate; readonly instant?: Instant; readonly timeAssumed: boolean };
  /** `date`: due by the end of dueDate. `instant`: due at dueInstant exactly (hours). */
  readonly precision: 'date' | 'instant';
  /** The legal due date (London); never moved off weekends or bank holidays. */
  readonly dueDate: LocalDate;
  /** When it falls overdue: end of dueDate (00:00 London next day) for dates, the exact instant for hours. */
  readonly dueInstant: Instant;
  /** Last working day on or before dueDate: when reminders should aim. */
  readonly actByDate: LocalDate;
  readonly explanation: DeadlineExplanation;
}

/** Everything `explain` needs to say why the deadline is due when it is. */
export interface DeadlineExplanation {
  readonly rule: {
    readonly trigger: string;
    readonly deadline: string;
    readonly source: string;
    readonly status: readonly LegalStatus[];
    readonly evidence: Evidence;
    readonly effectiveFrom: LocalDate;
    readonly effectiveTo?: LocalDate;
    readonly definedBy: string;
    readonly overriddenBy: readonly { readonly rulebook: string; readonly effectiveFrom: LocalDate; readonly reason: string }[];
    readonly notes?: string;
  };
  readonly clockLabel: string;
  readonly duration: Duration;
  readonly direction: 'after' | 'before';
  readonly counting: 'day-0' | 'day-1';
  /** Settings that decided the duration or counting, e.g. `setting workingDayCounting`. */
  readonly fromSettings: readonly string[];
  readonly nonWorkingDaysSkipped: readonly NonWorkingDay[];
  readonly actByMovedOver: readonly NonWorkingDay[];
  readonly monthEndClamped: boolean;
}

/**
 * The due date of one clock of one rule. The rule definition in force on the
 * trigger's London date is used, from the selected rulebook release (an
 * overlay's changes over its base). Throws, with a stable `code`:
 * RULE_UNKNOWN (with close matches), RULE_NOT_IN_FORCE, RULE_CLOCK_UNKNOWN,
 * RULE_NO_TIMESCALE, RULEBOOK_UNKNOWN, CALENDAR_INVALID_DATE, CALENDAR_OUT_OF_RANGE.
 */
export function computeDeadline(request: DeadlineRequest, registry: RulebookRegistry = BUILT_IN_RULEBOOKS): Deadline {
  const release = registry.select(request.rulebook);
  const rule = registry.resolveRule(release, request.ruleId, startDate(request.trigger));
  const { definition } = rule;
  if (definition.clocks.length === 0) throw new NoTimescaleError(definition.id, definition.noClock ?? 'none given');
  const clock = request.clock === undefined ? rule.clocks[0] : rule.clocks.find((c) => c.key === request.clock);
  if (!clock) throw new UnknownClockError(definition.id, request.clock ?? 'default', rule.clocks.map((c) => c.key));
  const due = applyDuration(request.calendar, request.trigger, clock.duration, { direction: clock.direction, counting: clock.counting });
  return {
    ruleId: definition.id,
    clock: clock.key,
    title: clock.title,
    rulebookVersion: rule.rulebookVersion,
    ruleVersion: rule.ruleVersion,
    calendarVersion: request.calendar.version,
    trigger: due.start,
    precision: due.precision,
    dueDate: due.dueDate,
    dueInstant: due.dueInstant,
    actByDate: due.actByDate,
    explanation: {
      rule: {
        trigger: definition.trigger,
        deadline: definition.deadline,
        source: definition.source,
        status: definition.status,
        evidence: definition.evidence,
        effectiveFrom: definition.effectiveFrom,
        ...(definition.effectiveTo === undefined ? {} : { effectiveTo: definition.effectiveTo }),
        definedBy: rule.definedBy,
        overriddenBy: rule.overriddenBy,
        ...(definition.notes === undefined ? {} : { notes: definition.notes }),
      },
      clockLabel: clock.label,
      duration: clock.duration,
      direction: clock.direction,
      counting: clock.counting,
      fromSettings: clock.fromSettings,
      nonWorkingDaysSkipped: due.skipped,
      actByMovedOver: due.actByMovedOver,
      monthEndClamped: due.monthEndClamped,
    },
  };
}
