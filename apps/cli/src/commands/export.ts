import type { Command } from 'commander';
import { annexA, annexACsv, parseAnnexAList } from '@csc/reporting';
import { isIsoInstant } from '@workflows/shared';
import { CliInputError } from './calendar';
import { readEverything, runWithStore, type ReportingDeps } from './reporting-io';

export interface AnnexAOptions {
  readonly list: string;
  readonly asOf?: string;
}

/** `csc export annex-a --list 8 [--as-of <instant>]`: CSV on stdout. */
export function registerExport(program: Command): void {
  const exporter = program.command('export').description('exports for inspections and returns');
  exporter
    .command('annex-a')
    .description('Ofsted ILACS Annex A list 5, 7 or 8 as CSV (ids, never names; facts the engine does not hold are left empty)')
    .requiredOption('--list <n>', 'list number: 5, 7 or 8')
    .option('--as-of <instant>', 'the inspection instant (default: now)')
    .action((options: AnnexAOptions) => runWithStore((deps) => annexACommand(deps, options)));
}

export async function annexACommand(deps: ReportingDeps, options: AnnexAOptions): Promise<void> {
  const list = parseAnnexAList(options.list);
  if (options.asOf !== undefined && !isIsoInstant(options.asOf)) throw new CliInputError(`--as-of: ${JSON.stringify(options.asOf)} is not an instant such as 2026-09-30T12:00:00Z`);
  const asOf = options.asOf ?? deps.now().toISOString();
  const { cases } = await readEverything(deps);
  deps.out(annexACsv(annexA(list, cases, { asOf, calendar: deps.calendar, rulebooks: deps.rulebooks })));
}
