import { instantToMillis, type WorkingCalendar } from '@csc/calendar';
import type { RulebookRegistry } from '@csc/rulebook';
import { isIsoInstant, type IsoInstant } from '@workflows/shared';
import { alertsThatFire, type Alert } from './alerts';
import type { CaseCommand } from './commands';
import { decide } from './decide';
import { deadlinesOf, type CaseDeadline } from './deadlines';
import { encodeCaseEvent } from './events';
import { flagsOf, type CaseFlag, type RepeatSettings } from './flags';
import { evolveEvent, initialCaseState, type CaseState } from './state';

/** One line of a scenario: a command recorded at `at` (the virtual clock: decide's `now`). */
export interface ScenarioStep {
  readonly line: number;
  readonly at: IsoInstant;
  readonly command: CaseCommand;
}

export class ScenarioError extends Error {
  readonly code = 'SCENARIO_INVALID';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ScenarioError';
  }
}

/**
 * Parses a scenario: JSON lines `{"at": "<instant>", "command": {...}}`, in recording order
 * (`at` never goes back). Blank lines and lines starting with `#` or `//` are skipped.
 */
export function parseScenario(text: string): readonly ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new ScenarioError(line, `not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (parsed === null || typeof parsed !== 'object') throw new ScenarioError(line, 'expected {"at": ..., "command": {...}}');
    const { at, command } = parsed as { at?: unknown; command?: unknown };
    if (!isIsoInstant(at)) throw new ScenarioError(line, 'at: expected an ISO-8601 instant with an offset (when the command is recorded)');
    if (command === null || typeof command !== 'object' || typeof (command as { type?: unknown }).type !== 'string') {
      throw new ScenarioError(line, 'command: expected an object with a type');
    }
    const previous = steps[steps.length - 1];
    if (previous !== undefined && instantToMillis(at) < instantToMillis(previous.at)) {
      throw new ScenarioError(line, `at ${at} is before the previous line's ${previous.at}: the virtual clock only goes forward`);
    }
    steps.push({ line, at, command: command as CaseCommand });
  });
  return steps;
}

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

export interface SimulatedEvent {
  readonly caseId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export interface SimulationStep {
  readonly line: number;
  readonly at: IsoInstant;
  readonly command: string;
  readonly caseId: string;
  readonly outcome: 'accepted' | 'refused';
  readonly events: readonly string[];
  readonly error?: Record<string, unknown>;
}

export interface SimulatedAlert extends Alert {
  /** Fired by asOf, or still scheduled after it. */
  readonly state: 'fired' | 'scheduled';
}

export interface SimulationResult {
  readonly asOf: IsoInstant | null;
  readonly calendarVersion: string;
  readonly steps: readonly SimulationStep[];
  readonly events: readonly SimulatedEvent[];
  readonly deadlines: readonly CaseDeadline[];
  readonly alerts: readonly SimulatedAlert[];
  /** Flags the cases show as of asOf (repeated missing episodes); present only when some are raised. */
  readonly flags?: readonly CaseFlag[];
}

/**
 * Runs a scenario through the real decide and fold on a virtual clock, in memory: each line's
 * command is decided at its `at`; refusals are reported and change nothing. Then every case's
 * deadlines with their statuses, and the alerts that fire (and when), as of `asOf`.
 */
export function simulate(steps: readonly ScenarioStep[], options: SimulationOptions): SimulationResult {
  const cases = new Map<string, CaseState>();
  const events: SimulatedEvent[] = [];
  const results: SimulationStep[] = [];
  for (const { line, at, command } of steps) {
    const caseId = typeof command.caseId === 'string' ? command.caseId : '';
    const state = cases.get(caseId) ?? initialCaseState;
    const decision = decide(command, state, at, options);
    if (!decision.ok) {
      results.push({ line, at, command: command.type, caseId, outcome: 'refused', events: [], error: decision.error.toJSON() });
      continue;
    }
    let next = state;
    for (const event of decision.events) {
      next = evolveEvent(next, event);
      events.push({ caseId, revision: next.version - 1, ...encodeCaseEvent(event) });
    }
    cases.set(caseId, next);
    results.push({ line, at, command: command.type, caseId, outcome: 'accepted', events: decision.events.map((e) => encodeCaseEvent(e).type) });
  }
  const asOf = options.asOf ?? steps[steps.length - 1]?.at ?? null;
  if (asOf !== null && !isIsoInstant(asOf)) throw new ScenarioError(0, `asOf: ${String(asOf)} is not an instant`);
  const deadlines = asOf === null ? [] : [...cases.values()].flatMap((s) => deadlinesOf(s, asOf, options));
  const until = asOf === null ? 0 : instantToMillis(asOf);
  const alerts = deadlines
    .flatMap((d) => alertsThatFire(d, options.calendar))
    .map((a): SimulatedAlert => ({ ...a, state: instantToMillis(a.at) <= until ? 'fired' : 'scheduled' }))
    .sort((a, b) => instantToMillis(a.at) - instantToMillis(b.at) || a.id.localeCompare(b.id));
  const flags = asOf === null ? [] : [...cases.values()].flatMap((s) => flagsOf(s, asOf, options.repeatMissing));
  return { asOf, calendarVersion: options.calendar.version, steps: results, events, deadlines, alerts, ...(flags.length > 0 ? { flags } : {}) };
}

