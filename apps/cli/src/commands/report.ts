import type { Command } from 'commander';
import { kpiReport, period, type Figure, type KpiReport } from '@csc/reporting';
import { columns, readEverything, runWithStore, type ReportingDeps } from './reporting-io';

export interface KpiOptions {
  readonly from: string;
  readonly to: string;
  readonly json?: boolean;
}

/** `csc report kpi --from <date> --to <date> [--json]`. */
export function registerReport(program: Command): void {
  const report = program.command('report').description('statutory reports from the event store');
  report
    .command('kpi')
    .description('the KPIs of TIMESCALES.md section 3 for a period, on the occurred date and on the recorded date side by side')
    .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day of the period (YYYY-MM-DD)')
    .option('--json', 'print the report as JSON')
    .action((options: KpiOptions) => runWithStore((deps) => kpiCommand(deps, options)));
}

export async function kpiCommand(deps: ReportingDeps, options: KpiOptions): Promise<void> {
  const p = period(options.from, options.to);
  const { cases, allegations } = await readEverything(deps);
  const result = kpiReport(cases, allegations, p, { calendar: deps.calendar, rulebooks: deps.rulebooks });
  deps.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : table(result));
}

const show = (f: Figure): string => `${f.percent === null ? '-' : `${f.percent.toFixed(1)}%`} (${f.numerator}/${f.denominator})`;
const lag = (a: Figure, b: Figure): string => (a.percent === null || b.percent === null ? '-' : `${(b.percent - a.percent).toFixed(1)}`);

function table(report: KpiReport): string {
  const rows = report.kpis.map((k) => [k.title, show(k.occurred), show(k.recorded), lag(k.occurred, k.recorded)]);
  return [
    `KPIs ${report.period.from} to ${report.period.to}: ${report.cases} cases, ${report.allegations} allegations; calendar ${report.calendarVersion}`,
    '',
    columns([['KPI', 'by occurred date', 'by recorded date', 'recording lag (points)'], ...rows]),
    '',
    'Detail (occurred | recorded):',
    ...report.kpis.map((k) => `  ${k.id}: ${JSON.stringify(k.occurred.detail)} | ${JSON.stringify(k.recorded.detail)}`),
    '',
  ].join('\n');
}
