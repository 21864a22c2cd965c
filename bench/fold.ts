/**
 * `npm run bench -- fold`: the per-case cost of the pure case core that reconcile and rebuild pay
 * for every case: `foldCase` over the case's stored events, then `deadlinesOf` at the end of time.
 * The cases are a synthetic council's children (profile small, 2 years, every command decided by
 * the real `decide`), held as the store holds them: JSON text. The same-run baseline is a bare
 * `JSON.parse` of the same events (what any reader of the store pays at least); figures are in
 * CPU microseconds per case (user + system, steadier than wall time on a shared machine), averaged
 * over every case of the council.
 *
 * The loops see each case many times, so the due-date memo is warm; `coldMemo...` passes over
 * every case once with the memo emptied first (each case seen once, as a reconcile sees it: its
 * due dates are shared only with the cases before it with the same rule and counting date).
 */
import { shippedCalendar } from '@csc/calendar';
import {
  clearDeadlineMemo, decide, deadlinesOf, encodeCaseEvent, evolve, foldCase, initialCaseState, type CaseCommand, type CaseState, type StoredCaseEvent,
} from '@csc/case';
import { generateCouncil, PROFILES } from '@csc/synthetic';

export const description = 'case core per case: foldCase and deadlinesOf (µs/case) over a synthetic council, vs bare JSON.parse of the same events';

const END_OF_TIME = '9999-12-31T23:59:59.999Z';

function council(): string[] {
  const small = PROFILES['small'];
  if (small === undefined) throw new Error('the small profile is missing');
  const { commands } = generateCouncil({ profile: small, years: 2, seed: 'fold-bench', until: '2026-06-30T17:00:00Z' });
  const states = new Map<string, CaseState>();
  const stored = new Map<string, StoredCaseEvent[]>();
  for (const c of commands) {
    if (c.stream !== 'case') continue;
    const state = states.get(c.id) ?? initialCaseState;
    const decision = decide(c.command as CaseCommand, state, c.recordedAt, { defaultRulebook: 'national' });
    if (!decision.ok) throw new Error(`${c.id} ${c.command.type}: ${decision.error.message}`);
    const encoded = decision.events.map(encodeCaseEvent);
    states.set(c.id, encoded.reduce(evolve, state));
    stored.set(c.id, [...(stored.get(c.id) ?? []), ...encoded]);
  }
  return [...stored.values()].map((events) => JSON.stringify(events));
}

/** CPU microseconds (user + system) since `from`: steadier than wall time on a shared machine. */
function cpuUs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return used.user + used.system;
}

/** Mean CPU µs per case of `body` over every case, repeated for at least `ms` of CPU time. */
function perCase(cases: readonly string[], parsed: readonly StoredCaseEvent[][], ms: number, body: (text: string, events: StoredCaseEvent[]) => number): { us: number; sink: number } {
  let sink = 0;
  for (let i = 0; i < cases.length; i++) sink += body(cases[i]!, parsed[i]!);
  const started = process.cpuUsage();
  let done = 0;
  while (cpuUs(started) < ms * 1000) {
    for (let i = 0; i < cases.length; i++) sink += body(cases[i]!, parsed[i]!);
    done += cases.length;
  }
  return { us: cpuUs(started) / done, sink };
}

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

export function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const calendar = shippedCalendar();
  const cases = council();
  const parsed = cases.map((text) => JSON.parse(text) as StoredCaseEvent[]);
  const events = parsed.reduce((n, e) => n + e.length, 0);
  const states = parsed.map((e) => foldCase(e));
  const deadlines = states.reduce((n, s) => n + deadlinesOf(s, END_OF_TIME, { calendar }).length, 0);
  progress(`council: ${cases.length} cases, ${events} events, ${deadlines} deadlines`);

  const baseline = perCase(cases, parsed, 2000, (text) => (JSON.parse(text) as unknown[]).length);
  progress(`baseline JSON.parse: ${round(baseline.us)} µs/case`);
  const fold = perCase(cases, parsed, 3000, (_, e) => foldCase(e).version);
  progress(`foldCase: ${round(fold.us)} µs/case`);
  let i = 0;
  const deadlinesUs = perCase(cases, parsed, 3000, () => deadlinesOf(states[i++ % states.length]!, END_OF_TIME, { calendar }).length);
  progress(`deadlinesOf: ${round(deadlinesUs.us)} µs/case`);
  const both = perCase(cases, parsed, 3000, (text) => deadlinesOf(foldCase(JSON.parse(text) as StoredCaseEvent[]), END_OF_TIME, { calendar }).length);
  progress(`parse + fold + deadlinesOf: ${round(both.us)} µs/case`);
  // Cold memo: one pass over the council (after the code is warm), the due-date memo emptied first.
  clearDeadlineMemo();
  const started = process.cpuUsage();
  let coldSink = 0;
  for (const events of parsed) coldSink += deadlinesOf(foldCase(events), END_OF_TIME, { calendar }).length;
  const coldUs = cpuUs(started) / cases.length;
  progress(`cold memo: fold + deadlinesOf: ${round(coldUs)} µs/case`);
  if (coldSink !== deadlines) throw new Error(`cold pass found ${coldSink} deadlines, expected ${deadlines}`);

  return Promise.resolve({
    cases: cases.length,
    eventsPerCase: round(events / cases.length),
    deadlinesPerCase: round(deadlines / cases.length),
    foldCaseUsPerCase: round(fold.us),
    deadlinesOfUsPerCase: round(deadlinesUs.us),
    parseFoldDeadlinesUsPerCase: round(both.us),
    coldMemoFoldDeadlinesUsPerCase: round(coldUs),
    baselineJsonParseUsPerCase: round(baseline.us, 2),
    ratio: round(both.us / baseline.us, 2),
    coldMemoRatio: round(coldUs / baseline.us, 2),
  });
}
