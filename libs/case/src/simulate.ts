import { instantToMillis, type WorkingCalendar } from '@csc/calendar';
import type { RulebookRegistry } from '@csc/rulebook';
import { isIsoInstant, type IsoInstant } from '@workflows/shared';
import { alertsThatFire, type Alert } from './alerts';
import { allegationDeadlinesOf, type AllegationDeadline } from './allegation/deadlines';
import { decideAllegation, isAllegationCommand } from './allegation/decide';
import { encodeAllegationEvent, evolveAllegationEvent, initialAllegationState, type AllegationState } from './allegation/model';
import { decide, type Decision } from './decide';
import { deadlinesOf, type CaseDeadline } from './deadlines';
import { encodeCaseEvent } from './events';
import { flagsOf, type CaseFlag, type RepeatSettings } from './flags';
import { ScenarioError, type ScenarioStep } from './scenario';
import { evolveEvent, initialCaseState, type CaseState } from './state';

export interface SimulationOptions {
  readonly calendar: WorkingCalendar;
  readonly rulebooks?: RulebookRegistry;
  /** Rulebook for cases whose OpenCase names none. */
  readonly defaultRulebook?: string;
  /** Evaluate deadlines and alerts as of this instant (default: the last line's `at`). */
  readonly asOf?: IsoInstant;
  /** The council's repeated-missing setting (default: 3 episodes within 30 days). */
  readonly repeatMissing?: RepeatSettings;
}

/** Which stream an event or step belongs to: a child's case, or an allegation. */
export type SimulatedStream = { readonly caseId: string } | { readonly allegationId: string };

export type SimulatedEvent = SimulatedStream & {
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
};

export type SimulationStep = SimulatedStream & {
  readonly line: number;
  readonly at: IsoInstant;
  readonly command: string;
  readonly outcome: 'accepted' | 'refused';
  readonly events: readonly string[];
  readonly error?: Record<string, unknown>;
};

export type SimulatedAlert = Alert<CaseDeadline['owner'] | AllegationDeadline['owner']> & {
  /** Fired by asOf, or still scheduled after it. */
  readonly state: 'fired' | 'scheduled';
};

export interface SimulationResult {
  readonly asOf: IsoInstant | null;
  readonly calendarVersion: string;
  readonly steps: readonly SimulationStep[];
  readonly events: readonly SimulatedEvent[];
  readonly deadlines: readonly (CaseDeadline | AllegationDeadline)[];
  readonly alerts: readonly SimulatedAlert[];
  /** Flags the cases show as of asOf (repeated missing episodes); present only when some are raised. */
  readonly flags?: readonly CaseFlag[];
}


/**
 * Runs a scenario through the real decide and fold on a virtual clock, in memory: each line's
 * command is decided at its `at` on its stream (a child's case, or an allegation for the LADO
 * commands); refusals are reported and change nothing. Then every stream's deadlines with their
 * statuses, the alerts that fire (and when), and the cases' flags, as of `asOf`.
 */
export function simulate(steps: readonly ScenarioStep[], options: SimulationOptions): SimulationResult {
  const cases = new Map<string, CaseState>();
  const allegations = new Map<string, AllegationState>();
  const events: SimulatedEvent[] = [];
  const results: SimulationStep[] = [];
  const stepOf = (line: number, at: IsoInstant, command: string, stream: SimulatedStream, decision: Decision<unknown>, types: readonly string[]): SimulationStep =>
    decision.ok
      ? { line, at, command, ...stream, outcome: 'accepted', events: types }
      : { line, at, command, ...stream, outcome: 'refused', events: [], error: decision.error.toJSON() };
  for (const { line, at, command } of steps) {
    if (isAllegationCommand(command)) {
      const allegationId = typeof command.allegationId === 'string' ? command.allegationId : '';
      let state = allegations.get(allegationId) ?? initialAllegationState;
      const decision = decideAllegation(command, state, at, options);
      for (const event of decision.ok ? decision.events : []) {
        state = evolveAllegationEvent(state, event);
        events.push({ allegationId, revision: state.version - 1, ...encodeAllegationEvent(event) });
      }
      if (decision.ok) allegations.set(allegationId, state);
      results.push(stepOf(line, at, command.type, { allegationId }, decision, decision.ok ? decision.events.map((e) => encodeAllegationEvent(e).type) : []));
      continue;
    }
    const caseId = typeof command.caseId === 'string' ? command.caseId : '';
    let state = cases.get(caseId) ?? initialCaseState;
    const decision = decide(command, state, at, options);
    for (const event of decision.ok ? decision.events : []) {
      state = evolveEvent(state, event);
      events.push({ caseId, revision: state.version - 1, ...encodeCaseEvent(event) });
    }
    if (decision.ok) cases.set(caseId, state);
    results.push(stepOf(line, at, command.type, { caseId }, decision, decision.ok ? decision.events.map((e) => encodeCaseEvent(e).type) : []));
  }
  const asOf = options.asOf ?? steps[steps.length - 1]?.at ?? null;
  if (asOf !== null && !isIsoInstant(asOf)) throw new ScenarioError(0, `asOf: ${String(asOf)} is not an instant`);
  const deadlines: (CaseDeadline | AllegationDeadline)[] = asOf === null ? [] : [
    ...[...cases.values()].flatMap((s) => deadlinesOf(s, asOf, options)),
    ...[...allegations.values()].flatMap((s) => allegationDeadlinesOf(s, asOf, options)),
  ];
  const until = asOf === null ? 0 : instantToMillis(asOf);
  const alerts = deadlines
    .flatMap((d) => alertsThatFire<CaseDeadline | AllegationDeadline>(d, options.calendar))
    .map((a): SimulatedAlert => ({ ...a, state: instantToMillis(a.at) <= until ? 'fired' : 'scheduled' }))
    .sort((a, b) => instantToMillis(a.at) - instantToMillis(b.at) || a.id.localeCompare(b.id));
  const flags = asOf === null ? [] : [...cases.values()].flatMap((s) => flagsOf(s, asOf, options.repeatMissing));
  return { asOf, calendarVersion: options.calendar.version, steps: results, events, deadlines, alerts, ...(flags.length > 0 ? { flags } : {}) };
}
