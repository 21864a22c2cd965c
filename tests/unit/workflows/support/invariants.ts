import type { DeadlineIntent, DeadlineLedger, OpenIntent } from '@workflows/shared';

/**
 * The deadline invariants every history must keep. Returns the broken ones as sentences (empty
 * when all hold), so a failing path prints what went wrong.
 */
export function brokenInvariants(ledger: DeadlineLedger): string[] {
  const problems: string[] = [];
  const opened = new Map<string, OpenIntent>();
  const closed = new Map<string, DeadlineIntent>();
  for (const intent of ledger.journal) {
    if (intent.kind === 'open') {
      if (opened.has(intent.key)) problems.push(`'${intent.key}' opened twice`);
      opened.set(intent.key, intent);
      continue;
    }
    const open = opened.get(intent.key);
    if (open === undefined) problems.push(`'${intent.key}' ${intent.kind} without being opened`);
    if (closed.has(intent.key)) problems.push(`'${intent.key}' closed twice (${closed.get(intent.key)?.kind}, ${intent.kind})`);
    closed.set(intent.key, intent);
    if (open !== undefined && intent.by.on < open.trigger.on) {
      problems.push(`'${intent.key}' ${intent.kind} on ${intent.by.on} before its trigger on ${open.trigger.on}`);
    }
  }
  const stillOpen = [...opened.keys()].filter((key) => !closed.has(key)).sort();
  const ledgerOpen = Object.keys(ledger.open).sort();
  if (JSON.stringify(stillOpen) !== JSON.stringify(ledgerOpen)) {
    problems.push(`open set ${ledgerOpen.join(',')} differs from the journal's ${stillOpen.join(',')}`);
  }
  for (const [key, open] of opened) {
    const expected = open.key === open.series ? open.series : `${open.series}-`;
    if (!(key === expected || (key.startsWith(expected) && /^\d+$/.test(key.slice(expected.length))))) {
      problems.push(`'${key}' is not a deterministic key of series '${open.series}'`);
    }
  }
  return problems;
}
