import { instantToMillis, londonDateOf, startOfLondonDay, type WorkingCalendar } from '@csc/calendar';
import { deadlinesOf, reminderOffsets, scheduledAlerts, type CaseDeadline, type StoredCaseEvent } from '@csc/case';
import type { RulebookRegistry } from '@csc/rulebook';
import { foldCaseWithAlerts, type AlertKind, type FoldedCase, type Recipient } from './events';
import type { AlertPolicy } from './policy';

export interface PlanContext {
  readonly calendar: WorkingCalendar;
  readonly rulebooks?: RulebookRegistry;
  readonly policy: AlertPolicy;
}

/** One alert a deadline raises: what, when, for whom. Pure data from the case's events. */
export interface PlannedAlert {
  /** `<deadlineId>/reminder-10`, `<deadlineId>/breach`, `<deadlineId>/escalation`. */
  readonly alertId: string;
  readonly kind: AlertKind;
  readonly deadlineId: string;
  readonly caseId: string;
  readonly ruleId: string;
  readonly workingDaysBefore: number | null;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly dueInstant: string | null;
  readonly rulebookVersion: string;
  readonly recipient: Recipient;
}

/** Far enough ahead that every recorded closing has happened and every open deadline is overdue. */
const END_OF_TIME = '9999-12-31T00:00:00.000Z';

/**
 * The escalation's instant: the breach's time of day, `workingDays` working days after the day
 * the deadline fell due (a date deadline due at the end of Monday escalates at the end of
 * Tuesday; a 72-hour interview due Tuesday 14:00 escalates Wednesday 14:00).
 */
export function escalationAt(dueInstant: string, workingDays: number, calendar: WorkingCalendar): number {
  const due = instantToMillis(dueInstant);
  const dueDay = londonDateOf(new Date(due - 1).toISOString());
  const offset = due - dayStart(dueDay);
  return dayStart(calendar.addWorkingDays(dueDay, workingDays)) + offset;
}

/**
 * Memo of the start of a London day (luxon is slow, and reconciliation plans every open
 * deadline): a pure function of the date; deadlines fall on a few thousand distinct days.
 */
const DAY_STARTS = new Map<string, number>();
const MEMO_LIMIT = 200_000;

function dayStart(day: string): number {
  let start = DAY_STARTS.get(day);
  if (start === undefined) {
    start = instantToMillis(startOfLondonDay(day));
    if (DAY_STARTS.size < MEMO_LIMIT) DAY_STARTS.set(day, start);
  }
  return start;
}

function recipientOf(deadline: CaseDeadline, kind: AlertKind, teamRef: string | undefined): Recipient | undefined {
  if (kind === 'escalation') return teamRef === undefined ? undefined : { kind: 'team-manager', ref: teamRef };
  return deadline.owner.ref === null ? undefined : { kind: deadline.owner.kind, ref: deadline.owner.ref };
}

/**
 * The alerts of one deadline that the engine raises, given everything recorded:
 * - reminders while the deadline is open, if it was already recorded at their time;
 * - the breach unless the deadline was closed (as recorded) before its due instant, and always
 *   for a lapse (the event it had to precede happened);
 * - the escalation while a breached deadline is still open (policy permitting).
 */
export function alertsOf(deadline: CaseDeadline, folded: FoldedCase, context: PlanContext): PlannedAlert[] {
  const open = deadline.closedBy === null;
  const closedAt = deadline.closedBy === null ? Infinity : instantToMillis(deadline.closedBy.recordedAt);
  const knownFrom = instantToMillis(deadline.trigger.recordedAt);
  const planned: PlannedAlert[] = [];
  const push = (kind: AlertKind, key: string, at: number, workingDaysBefore: number | null): void => {
    const recipient = recipientOf(deadline, kind, folded.state.teamRef);
    if (recipient === undefined) return;
    planned.push({
      alertId: `${deadline.id}/${key}`, kind, deadlineId: deadline.id, caseId: deadline.caseId, ruleId: deadline.ruleId, workingDaysBefore, at,
      dueInstant: deadline.dueInstant, rulebookVersion: deadline.rulebookVersion, recipient,
    });
  };
  for (const alert of scheduledAlerts(deadline, context.calendar)) {
    const at = instantToMillis(alert.at);
    const key = alert.id.slice(deadline.id.length + 1);
    if (alert.kind === 'reminder' && open && at >= knownFrom) push('reminder', key, at, alert.workingDaysBefore);
    if (alert.kind === 'breach' && (deadline.breach === 'lapsed' || at < closedAt)) push('breach', key, at, null);
  }
  const { escalation } = context.policy;
  if (escalation.enabled && open && deadline.dueInstant !== null) {
    push('escalation', 'escalation', escalationAt(deadline.dueInstant, escalation.workingDays, context.calendar), null);
  }
  return planned.sort((a, b) => a.at - b.at);
}

export interface CasePlan {
  readonly folded: FoldedCase;
  /** The case's deadlines (open and closed), as `deadlinesOf` gives them. */
  readonly deadlines: readonly CaseDeadline[];
  /** Every alert the case's deadlines raise (raised or not yet). */
  readonly alerts: readonly PlannedAlert[];
  /** Per deadline, the earliest alert not raised yet: the one job it keeps in BullMQ. */
  readonly next: readonly PlannedAlert[];
}

/** The alert plan of one case from its stream (alert events included). */
export function planCase(events: readonly StoredCaseEvent[], context: PlanContext): CasePlan {
  return planFolded(foldCaseWithAlerts(events), context);
}

export function planFolded(folded: FoldedCase, context: PlanContext): CasePlan {
  if (!folded.state.opened) return { folded, deadlines: [], alerts: [], next: [] };
  const alerts: PlannedAlert[] = [];
  const next: PlannedAlert[] = [];
  const deadlines = deadlinesOf(folded.state, END_OF_TIME, { calendar: context.calendar, rulebooks: context.rulebooks });
  for (const deadline of deadlines) {
    const mine = alertsOf(deadline, folded, context);
    alerts.push(...mine);
    const first = mine.find((a) => !folded.raised.has(a.alertId));
    if (first !== undefined) next.push(first);
  }
  return { folded, deadlines, alerts, next };
}

/** Every alert id a case could ever keep a job for (to find jobs that are no longer wanted). */
export function candidateAlertIds(plan: CasePlan): string[] {
  const ids = new Set<string>();
  for (const deadline of plan.deadlines) {
    for (const n of reminderOffsets(deadline)) ids.add(`${deadline.id}/reminder-${n}`);
    ids.add(`${deadline.id}/breach`);
    ids.add(`${deadline.id}/escalation`);
  }
  return [...ids];
}
