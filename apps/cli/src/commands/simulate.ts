import fs from 'node:fs';
import type { Command } from 'commander';
import { formatLondonTime } from '@csc/calendar';
import { isIsoInstant } from '@workflows/shared';
import { loadEngineCalendar } from '@csc/calendar-files';
import { parseScenario, scenarioRulebooks, simulate, type SimulationResult } from '@csc/case';
import { loadConfig } from '@csc/config';
import { CliInputError, run } from './calendar';

interface SimulateOptions {
  readonly json?: boolean;
  readonly rulebook: string;
  readonly asOf?: string;
}

/**
 * `csc simulate <scenario.jsonl>`: runs a scenario of timestamped commands through the real
 * decide and fold on a virtual clock (in memory; nothing is written) and prints the events,
 * the deadlines with their statuses and the alerts that would fire, and when.
 */
export function registerSimulate(program: Command): void {
  program
    .command('simulate <scenario>')
    .description('run a scenario (JSON lines {"at": instant, "command": {...}}) on a virtual clock: events, deadlines, alerts')
    .option('--json', 'print the result as JSON')
    .option('--rulebook <name>', 'rulebook of cases whose OpenCase names none (national, enfield, ...)', 'national')
    .option('--as-of <instant>', 'evaluate deadlines and alerts at this instant (default: the last line)')
    .action((file: string, options: SimulateOptions) => run(() => simulateFile(file, options)));
}

function simulateFile(file: string, options: SimulateOptions): void {
  if (options.asOf !== undefined && !isIsoInstant(options.asOf)) throw new CliInputError(`--as-of: ${JSON.stringify(options.asOf)} is not an instant such as 2026-07-01T00:00:00Z`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliInputError(`scenario: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
  const { calendar } = loadEngineCalendar(loadConfig().dataDir);
  // A scenario may pin the rulebook releases it was recorded under ({"releases": [...]}); else every built-in one.
  const rulebooks = scenarioRulebooks(text);
  const result = simulate(parseScenario(text), {
    calendar, defaultRulebook: options.rulebook, ...(rulebooks ? { rulebooks } : {}), ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : table(result));
}

function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

function table(result: SimulationResult): string {
  const steps = result.steps.map((s) => [
    String(s.line), s.at, s.command, s.outcome === 'accepted' ? s.events.join(', ') || '(nothing new)' : `REFUSED ${String(s.error?.['code'])}: ${String(s.error?.['message'])}`,
  ]);
  const deadlines = result.deadlines.map((d) => [
    d.id, d.ruleId + (d.clock && d.clock !== 'default' ? `/${d.clock}` : ''), d.trigger.occurredOn, d.dueDate ?? '-', d.actByDate ?? '-',
    `${d.owner.kind}:${d.owner.ref ?? '-'}`, d.status + (d.breach ? ` (${d.breach})` : d.cancelReason ? ` (${d.cancelReason})` : ''),
  ]);
  const alerts = result.alerts.map((a) => [formatLondonTime(a.at), a.state, a.kind + (a.workingDaysBefore === null ? '' : ` -${a.workingDaysBefore}wd`), a.deadlineId, `${a.owner.kind}:${a.owner.ref ?? '-'}`]);
  return [
    `scenario: ${result.steps.length} commands, ${result.events.length} events; as of ${result.asOf ?? '-'}; calendar ${result.calendarVersion}`,
    '',
    columns([['line', 'recorded at', 'command', 'events'], ...steps]),
    '',
    columns([['deadline', 'rule', 'trigger', 'due', 'act by', 'owner', 'status'], ...deadlines]),
    '',
    alerts.length > 0 ? columns([['when', 'state', 'alert', 'deadline', 'to'], ...alerts]) : 'no alerts',
    ...(result.flags ?? []).flatMap((f, i) => [...(i === 0 ? [''] : []), `flag ${f.kind} (${f.ruleId}) on ${f.caseId}: raised ${f.raisedOn} by ${f.raisedBy} (${f.episodeIds.join(', ')})`]),
    '',
  ].join('\n');
}
