import type { Command } from 'commander';
import { parseRulebookVersion } from '@csc/case';
import { previewRulebook, previewSummary, type PreviewItem } from '@csc/reporting';
import { releaseId } from '@csc/rulebook';
import { CliInputError } from './calendar';
import { columns, readEverything, runWithStore, type ReportingDeps } from './reporting-io';

export interface PreviewOptions {
  readonly json?: boolean;
}

/** `csc preview-rulebook <name>[@version] [--json]`. */
export function registerPreviewRulebook(program: Command): void {
  program
    .command('preview-rulebook <rulebook>')
    .description('replay every open case under a proposed rulebook (name or name@version): what would fall due earlier, later or be overdue')
    .option('--json', 'print the items as JSON')
    .action((rulebook: string, options: PreviewOptions) => runWithStore((deps) => previewCommand(deps, rulebook, options)));
}

export async function previewCommand(deps: ReportingDeps, rulebook: string, options: PreviewOptions): Promise<void> {
  const proposed = parseRulebookVersion(rulebook);
  if (proposed.version !== undefined && !Number.isInteger(proposed.version)) throw new CliInputError(`rulebook: ${JSON.stringify(rulebook)} is not name or name@version`);
  const release = releaseId(deps.rulebooks.select(proposed));
  const now = deps.now().toISOString();
  const { cases } = await readEverything(deps);
  const items: PreviewItem[] = [];
  cases.forEach((c, index) => {
    items.push(...previewRulebook(c.state, { calendar: deps.calendar, rulebooks: deps.rulebooks, proposed, now }));
    if ((index + 1) % 1000 === 0) deps.progress(`\rreplayed ${index + 1}/${cases.length} cases`);
  });
  const summary = previewSummary(items);
  if (options.json) {
    deps.out(`${JSON.stringify({ proposed: release, now, cases: cases.length, summary, items }, null, 2)}\n`);
    return;
  }
  deps.out([
    `preview of ${release} over ${cases.length} cases as of ${now}: ${Object.entries(summary).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    items.length === 0 ? 'nothing would change' : columns([['deadline', 'rule', 'effect', 'due now', 'due proposed', 'status now', 'status proposed'], ...items.map((i) => [
      i.deadlineId, i.ruleId, i.effect, `${i.current.dueDate ?? '-'} (${i.current.rulebookVersion})`, i.proposed.dueDate ?? '-', i.current.status, i.proposed.status,
    ])]),
    '',
  ].join('\n'));
}
