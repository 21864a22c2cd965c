import type { DeadlineLedger, OpenIntent } from '@workflows/shared';
import { deadlineOf } from './deadline-of';

/** Each deadline of a ledger with its due instant and what became of it (as the case lib would judge it). */
export function timeliness(ledger: DeadlineLedger, rulebook?: { name: string; version?: number }): Record<string, string> {
  const result: Record<string, string> = {};
  for (const intent of ledger.journal) {
    if (intent.kind === 'open') {
      result[intent.key] = `due ${deadlineOf(intent, rulebook).dueInstant} open`;
      continue;
    }
    const opened = ledger.journal.find((i): i is OpenIntent => i.kind === 'open' && i.key === intent.key);
    const due = opened === undefined ? '' : deadlineOf(opened, rulebook).dueInstant;
    const late = Date.parse(intent.by.at) >= Date.parse(due);
    const outcome = intent.kind === 'meet' ? (late ? 'met-late' : 'met-on-time') : intent.kind === 'cancel' ? `cancelled (${intent.reason})` : 'breached';
    result[intent.key] = `due ${due} ${outcome}`;
  }
  return result;
}
