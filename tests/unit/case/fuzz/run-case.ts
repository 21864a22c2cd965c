import { shippedCalendar } from '@csc/calendar';
import {
  decide, deadlinesOf, decodeCaseEvent, encodeCaseEvent, evolveEvent, foldCase, initialCaseState,
  type CaseCommand, type CaseState, type DecideOptions, type StoredCaseEvent,
} from '@csc/case';
import { caseCommand } from './case-commands';
import { check, checkDecision, checkDeadlines, noThrow } from './invariants';
import { minutes, type Step } from './steps';

const calendar = shippedCalendar();
export const CASE_ID = 'c-fuzz';
/** The recording clock never passes this (the shipped calendar ends in 2035). */
const CLOCK_LIMIT = Date.parse('2034-01-01T00:00:00Z');

/** A fingerprint of a case: what a refused command must leave unchanged. */
function fingerprint(state: CaseState): string {
  const instances = Object.values(state.instances).map((i) => {
    const { value, context } = i.snapshot as { readonly value?: unknown; readonly context?: unknown };
    return [i.instanceId, i.pathway, value, context, i.linkedTo, i.lastStep];
  });
  return JSON.stringify({ ...state, instances });
}

export interface CaseRun {
  readonly start: string;
  readonly steps: readonly Step[];
  readonly options: DecideOptions;
}

export interface CaseRunResult {
  readonly accepted: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly events: number;
  readonly deadlines: number;
}

/** Deadline invariants as of `asOf`; returns how many deadlines there were. */
function checkDeadlinesAt(state: CaseState, asOf: string, at: () => string): number {
  const deadlines = noThrow(`deadlinesOf(${asOf}) ${at()}`, () => deadlinesOf(state, asOf, { calendar }));
  checkDeadlines(deadlines, asOf, (d) => `${CASE_ID}/${d.instanceId}/${d.key}`);
  return deadlines.length;
}

/** The checks made after every step: deadline invariants, and replay from scratch equals the incremental fold. */
function checkAfterStep(state: CaseState, stored: readonly StoredCaseEvent[], now: string, at: () => string): number {
  const count = checkDeadlinesAt(state, now, at);
  const replayed = noThrow(`foldCase (replay from scratch) ${at()}`, () => foldCase(JSON.parse(JSON.stringify(stored)) as StoredCaseEvent[]));
  check(fingerprint(replayed) === fingerprint(state), () => `replayed state differs from the incremental fold ${at()}`);
  return count;
}

/** At the end of a run: deadlines much later (breaches), and folding the same events twice gives identical deadlines. */
function checkAtEnd(state: CaseState, stored: readonly StoredCaseEvent[], now: string): void {
  const at = () => `at the end (now ${now})`;
  const later = minutes(now, 400 * 24 * 60);
  checkDeadlinesAt(state, later, at);
  const once = JSON.stringify(deadlinesOf(foldCase(stored), later, { calendar }));
  check(JSON.stringify(deadlinesOf(foldCase(stored), later, { calendar })) === once, () => `folding the same events twice gives different deadlines ${at()}`);
  check(JSON.stringify(deadlinesOf(state, later, { calendar })) === once, () => `replayed deadlines differ from the incremental fold's ${at()}`);
}

/**
 * Runs the steps against one case, checking the invariants after every step; throws an
 * InvariantError naming the step and the command on the first failure.
 */
export function runCase({ start, steps, options }: CaseRun): CaseRunResult {
  let state = initialCaseState;
  const stored: StoredCaseEvent[] = [];
  const refused: Record<string, number> = {};
  let now = start;
  let accepted = 0;
  let deadlines = 0;
  steps.forEach((step, index) => {
    if (Date.parse(now) + step.advanceMinutes * 60_000 < CLOCK_LIMIT) now = minutes(now, step.advanceMinutes);
    const command = caseCommand(step, state, CASE_ID, minutes(now, -step.lagMinutes), now);
    const at = () => `at step ${index} (now ${now}): ${JSON.stringify(command)}`;
    const before = fingerprint(state);
    const decision = noThrow(`decide ${at()}`, () => decide(command as CaseCommand, state, now, options));
    checkDecision(decision, at);
    check(fingerprint(state) === before, () => `decide changed the state it was given ${at()}`);
    if (!decision.ok) {
      refused[decision.error.code] = (refused[decision.error.code] ?? 0) + 1;
      return;
    }
    accepted += 1;
    for (const event of decision.events) {
      check(event.recordedAt === now, () => `event recordedAt ${event.recordedAt} is not now ${at()}`);
      check(Date.parse(event.occurredAt) <= Date.parse(now), () => `accepted an event that occurs after now ${at()}`);
      const encoded = noThrow(`encodeCaseEvent ${at()}`, () => encodeCaseEvent(event));
      const decoded = noThrow(`decodeCaseEvent ${at()}`, () => decodeCaseEvent(JSON.parse(JSON.stringify(encoded)) as StoredCaseEvent));
      check(JSON.stringify(encodeCaseEvent(decoded)) === JSON.stringify(encoded), () => `event does not survive a store round trip ${at()}`);
      state = noThrow(`evolveEvent (accepted event) ${at()}`, () => evolveEvent(state, event));
      stored.push(encoded);
    }
    check(state.version === stored.length, () => `state.version ${state.version} is not the ${stored.length} events folded ${at()}`);
    deadlines = checkAfterStep(state, stored, now, at);
  });
  checkAtEnd(state, stored, now);
  return { accepted, refused, events: stored.length, deadlines };
}
