import { instantToMillis, londonWallTimeToInstant, type WorkingCalendar } from '@csc/calendar';
import type { IsoInstant, LocalDate } from '@workflows/shared';
import type { CaseDeadline } from './deadlines';

/** Meetings the IRO or a conference must prepare for: reminded 10 and 5 working days ahead. */
const MEETING_SERIES = new Set(['icpc', 'transfer-in-conference', 'rcpc', 'post-birth-review', 'lac-review', 'adjourned-review']);

export const DEFAULT_REMINDER_OFFSETS = { meetings: [10, 5], others: [2] } as const;

/**
 * The reminder policy: how many working days before a deadline's act-by date reminders go out.
 * Conferences and reviews: 10 and 5; everything else: 2. Pure, so the alert scheduler reuses it.
 */
export function reminderOffsets(deadline: Pick<CaseDeadline, 'series'>): readonly number[] {
  return MEETING_SERIES.has(deadline.series) ? DEFAULT_REMINDER_OFFSETS.meetings : DEFAULT_REMINDER_OFFSETS.others;
}

/** Reminders go out at 09:00 London on their working day. */
export const REMINDER_TIME = '09:00';

export interface Alert<O = CaseDeadline['owner']> {
  /** `<deadlineId>/reminder-10`, `<deadlineId>/breach`: deterministic, for idempotent scheduling. */
  readonly id: string;
  readonly deadlineId: string;
  readonly kind: 'reminder' | 'breach';
  /** Working days before act-by (reminders). */
  readonly workingDaysBefore: number | null;
  readonly at: IsoInstant;
  readonly owner: O;
}

/** What alerts need of a deadline: a case's, or an allegation's (owned by the LADO). */
export type AlertableDeadline = Pick<CaseDeadline, 'id' | 'series' | 'actByDate' | 'trigger' | 'dueInstant' | 'breach' | 'closedBy'> & { readonly owner: unknown };

/**
 * Every alert a deadline schedules, whatever happens later: reminders at the policy's offsets
 * before act-by (none on or before the trigger's day) and the breach at the due instant (or,
 * for a lapse, when the lapsing event was recorded).
 */
export function scheduledAlerts<D extends AlertableDeadline = CaseDeadline>(deadline: D, calendar: WorkingCalendar): readonly Alert<D['owner']>[] {
  const base = { deadlineId: deadline.id, owner: deadline.owner };
  const alerts: Alert<D['owner']>[] = [];
  if (deadline.actByDate !== null) {
    for (const n of reminderOffsets(deadline)) {
      const date: LocalDate = calendar.addWorkingDays(deadline.actByDate, -n);
      if (date <= deadline.trigger.occurredOn) continue;
      alerts.push({ ...base, id: `${deadline.id}/reminder-${n}`, kind: 'reminder', workingDaysBefore: n, at: londonWallTimeToInstant(`${date}T${REMINDER_TIME}`) });
    }
  }
  if (deadline.dueInstant !== null) alerts.push({ ...base, id: `${deadline.id}/breach`, kind: 'breach', workingDaysBefore: null, at: deadline.dueInstant });
  else if (deadline.breach === 'lapsed' && deadline.closedBy !== null) {
    alerts.push({ ...base, id: `${deadline.id}/breach`, kind: 'breach', workingDaysBefore: null, at: deadline.closedBy.recordedAt });
  }
  return alerts;
}

/**
 * The alerts that fire: those due before the deadline's closing was recorded (the engine only
 * knows what has been recorded: a review held on time but typed up late still raises its
 * breach alert). A lapse's breach always fires. Sorted by time.
 */
export function alertsThatFire<D extends AlertableDeadline = CaseDeadline>(deadline: D, calendar: WorkingCalendar): readonly Alert<D['owner']>[] {
  const closedAt = deadline.closedBy === null ? Infinity : instantToMillis(deadline.closedBy.recordedAt);
  return scheduledAlerts(deadline, calendar)
    .filter((a) => (deadline.breach === 'lapsed' && a.kind === 'breach') || instantToMillis(a.at) < closedAt)
    .sort((a, b) => instantToMillis(a.at) - instantToMillis(b.at));
}
