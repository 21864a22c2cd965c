import type { Command } from 'commander';
import { registerExport } from './export';
import { registerPreviewRulebook } from './preview-rulebook';
import { registerReplay } from './replay';
import { registerReport } from './report';

/** The audit and reporting commands: replay, report kpi, export annex-a, preview-rulebook. */
export function registerReporting(program: Command): void {
  registerReplay(program);
  registerReport(program);
  registerExport(program);
  registerPreviewRulebook(program);
}
