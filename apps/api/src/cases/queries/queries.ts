import { bodyClass, instant, note, oneOf, optional } from '../commands/fields';

const asOf = optional(instant('As it was known at this instant (only events recorded by then); default: now'));

export class CaseQuery extends bodyClass('CaseQuery', { asOf }) {}
export class DeadlinesQuery extends bodyClass('DeadlinesQuery', {
  asOf,
  status: optional(oneOf(['open', 'all'] as const, 'open (default): open and overdue deadlines; all: met, cancelled and breached too')),
}) {}
export class HistoryQuery extends bodyClass('HistoryQuery', {
  asOf,
  reason: optional(note(200, 'Why you are reading the record (kept in the access log); or send X-Access-Reason')),
}) {}
export const REASON_HEADER = 'X-Access-Reason';
