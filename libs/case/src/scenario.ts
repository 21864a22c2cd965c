import { instantToMillis } from '@csc/calendar';
import { BUILT_IN_RULEBOOKS, RulebookRegistry, releaseId } from '@csc/rulebook';
import { isIsoInstant, type IsoInstant } from '@workflows/shared';
import type { AllegationCommand } from './allegation/model';
import type { CaseCommand } from './commands';

/** One line of a scenario: a command recorded at `at` (the virtual clock: decide's `now`). */
export interface ScenarioStep {
  readonly line: number;
  readonly at: IsoInstant;
  /** A child's case command (`caseId`) or an allegation's (`allegationId`). */
  readonly command: CaseCommand | AllegationCommand;
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

/** The scenario's lines that are not blank or comments, parsed, with their line numbers. */
function jsonLines(text: string): { readonly line: number; readonly parsed: unknown }[] {
  const lines: { line: number; parsed: unknown }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
    try {
      lines.push({ line, parsed: JSON.parse(trimmed) as unknown });
    } catch (error) {
      throw new ScenarioError(line, `not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  return lines;
}

const isReleasesLine = (parsed: unknown): parsed is { releases: unknown } => parsed !== null && typeof parsed === 'object' && 'releases' in parsed;

/**
 * Parses a scenario: JSON lines `{"at": "<instant>", "command": {...}}`, in recording order
 * (`at` never goes back). Blank lines and lines starting with `#` or `//` are skipped. One line
 * may be `{"releases": ["national@1", "enfield@1"]}` (see `scenarioRulebooks`).
 */
export function parseScenario(text: string): readonly ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  jsonLines(text).forEach(({ line, parsed }) => {
    if (isReleasesLine(parsed)) return;
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
    steps.push({ line, at, command: command as CaseCommand | AllegationCommand });
  });
  return steps;
}

/**
 * The rulebook releases a scenario pins with a line `{"releases": [...]}` (usually its first or
 * last; one at most): the releases
 * that existed when it was recorded, so that it replays to the same output after later releases
 * ship (events record the latest release of the case's rulebook *then*). Undefined when the
 * scenario pins none (it runs under every release `known`, and records the latest).
 */
export function scenarioRulebooks(text: string, known: RulebookRegistry = BUILT_IN_RULEBOOKS): RulebookRegistry | undefined {
  const pins = jsonLines(text).filter((l) => isReleasesLine(l.parsed));
  const first = pins[0];
  if (first === undefined || !isReleasesLine(first.parsed)) return undefined;
  if (pins.length > 1) throw new ScenarioError(pins[1]?.line ?? first.line, 'releases: pinned twice (one releases line per scenario)');
  const { releases } = first.parsed;
  if (!Array.isArray(releases) || releases.length === 0 || !releases.every((r): r is string => typeof r === 'string')) {
    throw new ScenarioError(first.line, 'releases: expected a list of releases such as ["national@1", "enfield@1"]');
  }
  const byId = new Map(known.releases().map((r) => [releaseId(r), r]));
  const missing = releases.filter((r) => !byId.has(r));
  if (missing.length > 0) throw new ScenarioError(first.line, `releases: unknown ${missing.join(', ')} (known: ${[...byId.keys()].join(', ')})`);
  try {
    return new RulebookRegistry(releases.flatMap((r) => byId.get(r) ?? []));
  } catch (error) {
    throw new ScenarioError(first.line, `releases: ${error instanceof Error ? error.message : String(error)}`);
  }
}

