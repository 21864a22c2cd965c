import type { Command } from 'commander';
import { formatLocalDate, formatLondonTime, londonWallTimeToInstant, type Start } from '@csc/calendar';
import { computeDeadline, explain, type RulebookSelector } from '@csc/rulebook';
import { loadConfig } from '@csc/config';
import { loadEngineCalendar } from '@csc/calendar-files';
import { CliInputError, run } from './calendar';

interface DueOptions {
  readonly rulebook: string;
  readonly rulebookVersion?: string;
  readonly clock?: string;
  readonly json?: boolean;
}

/**
 * `csc due <rule-id> <trigger>`: the due date of a rule from a trigger, with
 * its act-by date and the explanation, on the engine's calendar
 * (`csc calendar show`).
 */
export function registerDue(program: Command): void {
  program
    .command('due <rule-id> <trigger>')
    .description('when is a rule due: trigger is a date (2026-05-20), a London time (2025-10-25T10:00) or an instant (2025-10-25T09:00Z)')
    .option('--rulebook <name>', 'rulebook (national, enfield, ...)', 'national')
    .option('--rulebook-version <n>', 'an exact release of the rulebook (default: the latest)')
    .option('--clock <key>', 'which clock of a rule with several (e.g. MIS-01: offered, completed)')
    .option('--json', 'print the deadline as JSON')
    .action((ruleId: string, trigger: string, options: DueOptions) => run(() => due(ruleId, trigger, options)));
}

function due(ruleId: string, triggerText: string, options: DueOptions): void {
  const { calendar } = loadEngineCalendar(loadConfig().dataDir);
  const rulebook: RulebookSelector = { name: options.rulebook, ...(options.rulebookVersion === undefined ? {} : { version: parseVersion(options.rulebookVersion) }) };
  const deadline = computeDeadline({ ruleId: ruleId.toUpperCase(), clock: options.clock, trigger: parseTrigger(triggerText), rulebook, calendar });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...deadline, explanationText: explain(deadline) }, null, 2)}\n`);
    return;
  }
  const dueText =
    deadline.precision === 'instant'
      ? `${formatLondonTime(deadline.dueInstant)} (${deadline.dueInstant})`
      : `${formatLocalDate(deadline.dueDate)} (overdue from ${formatLondonTime(deadline.dueInstant)})`;
  process.stdout.write(
    [
      `${deadline.ruleId} ${deadline.title}: ${deadline.explanation.clockLabel}`,
      `due:      ${dueText}`,
      `act by:   ${formatLocalDate(deadline.actByDate)}`,
      `versions: rulebook ${deadline.rulebookVersion}, calendar ${deadline.calendarVersion}`,
      '',
      explain(deadline),
      '',
    ].join('\n'),
  );
}

/** A date, a London wall time, or an instant with an offset. */
export function parseTrigger(text: string): Start {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text };
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) return { instant: text.replace(/T(\d{2}:\d{2})(Z|[+-])/, 'T$1:00$2') };
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return { instant: londonWallTimeToInstant(text, 'trigger') };
  throw new CliInputError(`trigger: "${text}" is not a date (2026-05-20), a London time (2025-10-25T10:00) or an instant (2025-10-25T09:00Z)`);
}

function parseVersion(text: string): number {
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw new CliInputError(`--rulebook-version: "${text}" is not a release number (1, 2, ...)`);
  return version;
}
