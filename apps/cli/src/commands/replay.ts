import type { Command } from 'commander';
import { recordAccess } from '@csc/access-log';
import { caseStreamId } from '@csc/case';
import { caseAsOf, caseHistory, diffViews, type CaseView } from '@csc/reporting';
import { isIsoInstant } from '@workflows/shared';
import { CliInputError } from './calendar';
import { columns, runWithStore, type ReportingDeps } from './reporting-io';

export interface ReplayOptions {
  readonly asOf: string;
  readonly knownAt?: string;
  readonly diff?: string;
  readonly json?: boolean;
  /** Who is reading (a user id, never a name): the read is access-logged under it. */
  readonly user: string;
  readonly reason?: string;
}

/** `csc replay <caseId> --as-of <instant> [--known-at <instant>] [--diff <instant>] [--json]`. */
export function registerReplay(program: Command): void {
  program
    .command('replay <caseId>')
    .description("a case's history (who recorded what, when), its state and deadlines as of an instant, as known at another; the stream's hash chain verified")
    .requiredOption('--as-of <instant>', 'what had happened by this instant (e.g. 2026-03-03T23:59:59Z)')
    .option('--known-at <instant>', 'as it was recorded by this instant (default: everything recorded)')
    .option('--diff <instant>', 'also show what changed between --as-of and this instant (same --known-at)')
    .option('--json', 'print the result as JSON')
    .option('--user <id>', 'your user id, recorded in the access log', 'cli')
    .option('--reason <text>', 'why you are reading this record (access log)')
    .action((caseId: string, options: ReplayOptions) => runWithStore((deps) => replayCommand(deps, caseId, options)));
}

function instant(name: string, value: string | undefined): void {
  if (value !== undefined && !isIsoInstant(value)) throw new CliInputError(`${name}: ${JSON.stringify(value)} is not an instant such as 2026-03-03T23:59:59Z`);
}

export async function replayCommand(deps: ReportingDeps, caseId: string, options: ReplayOptions): Promise<void> {
  instant('--as-of', options.asOf);
  instant('--known-at', options.knownAt);
  instant('--diff', options.diff);
  const streamId = caseStreamId(caseId);
  const events = await deps.store.readStream(streamId);
  if (events.length === 0) throw new CliInputError(`case ${caseId}: no such case (stream ${streamId} is empty)`);
  await recordAccess(deps.store, {
    streamId, what: 'history', userId: options.user, roles: ['cli'], grantedBy: 'cli', reason: options.reason ?? null,
    asOf: options.asOf, at: deps.now(), requestId: `cli-replay-${deps.now().getTime()}`,
  });
  const verification = await deps.store.verifyStream(streamId);
  const replay = { calendar: deps.calendar, rulebooks: deps.rulebooks };
  const known = options.knownAt === undefined ? {} : { knownAt: options.knownAt };
  const view = caseAsOf(events, { asOf: options.asOf, ...known }, replay);
  const diff = options.diff === undefined ? undefined : diffViews(view, caseAsOf(events, { asOf: options.diff, ...known }, replay));
  const history = caseHistory(events);
  if (options.json) {
    deps.out(`${JSON.stringify({ caseId, verification, history, view, ...(diff ? { diff } : {}) }, null, 2)}\n`);
    return;
  }
  const lines = [
    `case ${caseId}: ${events.length} events; hash chain ${verification.ok ? 'verified' : `BROKEN at revision ${verification.revision} (${verification.reason})`}`,
    '',
    columns([['rev', 'event', 'instance', 'occurred', 'recorded', 'by', 'rulebook'], ...history.map((h) => [
      String(h.revision), h.type, h.instanceId ?? '-', h.occurredAt, h.recordedAt, `${h.actor.userId} (${h.actor.role})`, h.rulebookVersion ?? '-',
    ])]),
    '',
    ...viewLines(view),
  ];
  if (diff) {
    lines.push('', `changes from ${view.asOf} to ${options.diff ?? ''}: events added ${diff.eventsAdded.join(', ') || 'none'}`);
    for (const c of [...diff.opened, ...diff.changed, ...diff.removed]) {
      lines.push(`  ${c.id} (${c.ruleId}): ${c.from ? `${c.from.status} due ${c.from.dueDate ?? '-'}` : 'not yet'} -> ${c.to ? `${c.to.status} due ${c.to.dueDate ?? '-'}` : 'gone'}`);
    }
  }
  deps.out(`${lines.join('\n')}\n`);
}

function viewLines(view: CaseView): string[] {
  return [
    `as of ${view.asOf}${view.knownAt ? `, as recorded by ${view.knownAt}` : ''}: team ${view.teamRef ?? '-'}, IRO ${view.iroRef ?? '-'}`,
    ...view.instances.map((i) => `  ${i.instanceId} ${i.pathway}: ${i.state}`),
    '',
    columns([['deadline', 'rule', 'trigger', 'due', 'status', 'rulebook'], ...view.deadlines.map((d) => [
      d.id, d.ruleId, d.trigger.occurredOn, d.dueDate ?? '-', d.status + (d.breach ? ` (${d.breach})` : d.cancelReason ? ` (${d.cancelReason})` : ''), d.rulebookVersion,
    ])]),
  ];
}
