import type { AlertNotice } from '../processor';

/** One way of telling people about an alert. `skipped`: nothing to send (no address, channel off). */
export interface DeliveryChannel {
  readonly name: string;
  deliver(notice: AlertNotice): Promise<'sent' | 'skipped'>;
}

/** A plain-text summary of an alert: references and times only (no names). */
export function noticeText(notice: AlertNotice): { subject: string; text: string } {
  const what = notice.kind === 'reminder' ? `reminder (${notice.workingDaysBefore ?? '?'} working days before act-by)` : notice.kind;
  const subject = `[csc] ${notice.ruleId} ${what}: deadline ${notice.deadlineId}`;
  const text = [
    `Alert: ${what}`,
    `Rule: ${notice.ruleId}`,
    `Deadline: ${notice.deadlineId} (case ${notice.caseId})`,
    `Due: ${notice.dueInstant ?? 'no timescale'}`,
    `Scheduled for: ${notice.scheduledFor}; raised at ${notice.raisedAt}${notice.late ? ` (late by ${Math.round(notice.lateByMs / 1000)} s)` : ''}`,
    `Event: ${notice.eventId}`,
  ].join('\n');
  return { subject, text };
}
