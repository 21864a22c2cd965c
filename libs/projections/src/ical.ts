import { addCalendarDays } from '@csc/calendar';
import type { OpenDeadline } from './view';

const escapeText = (text: string): string => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const basicDate = (date: string): string => date.replace(/-/g, '');
const stamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets (RFC 5545 3.1), continuation lines starting with a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + (start === 0 ? 75 : 74));
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    parts.push((start === 0 ? '' : ' ') + bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n');
}

/**
 * An iCalendar (RFC 5545) feed of due items: one all-day VEVENT on each deadline's due date,
 * with a stable UID (the deadline id), so a subscribed calendar updates in place. References
 * only: rule, case and instance ids, never names.
 */
export function icalendar(items: readonly OpenDeadline[], now: Date, name: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//csc//due-dates//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  for (const d of items) {
    if (d.dueDate === null) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(d.id)}@csc`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${basicDate(d.dueDate)}`,
      `DTEND;VALUE=DATE:${basicDate(addCalendarDays(d.dueDate, 1))}`,
      `SUMMARY:${escapeText(`${d.ruleId}${d.title === null ? '' : ` ${d.title}`} due: case ${d.caseId}`)}`,
      `DESCRIPTION:${escapeText(`Deadline ${d.id}; due ${d.dueInstant ?? d.dueDate}${d.actByDate !== null && d.actByDate !== d.dueDate ? `; act by ${d.actByDate}` : ''}; rulebook ${d.rulebookVersion}.`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
