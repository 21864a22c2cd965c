import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { loadEngineCalendar } from '@csc/calendar-files';
import { createEventStore } from '@csc/event-store';
import { PROJECTIONS, QueueProjector, type RebuildProgress } from '@csc/projections';
import { createRedis } from '@csc/redis';
import { loadConfigOrExit } from '@csc/runtime';

/** Threads `CSC_REBUILD_THREADS=0` means: one per core, at most this many. */
const MAX_AUTO_THREADS = 8;

/**
 * `csc rebuild [projection]`: rebuilds a read model in Redis from position zero of the event
 * store, with a progress bar and an ETA on stderr. A running worker hands its projector lease
 * over at its next renewal and takes it back afterwards. The rebuild writes a new generation of
 * the read model; readers keep using the previous one until it is complete. On PostgreSQL the log
 * is read and folded in CSC_REBUILD_THREADS threads (this one and worker threads), each a share of the streams. (The
 * embedded store admits one process: stop `csc start` first, or use a PostgreSQL store.)
 */
export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .argument('[projection]', `the projection to rebuild: ${PROJECTIONS.join(', ')} (default: all)`)
    .description('rebuild read models (team and IRO queues, open deadlines per case, case summaries, alert inboxes, open LADO allegations) from the events')
    .action((projection: string | undefined) => rebuildNow(projection));
}

/** `[#########...........] 45% 1200/2650 cases, about 3s left` (or a count and rate while the total is unknown). */
export function progressLine(p: RebuildProgress, elapsedMs: number, width = 24): string {
  const rate = elapsedMs > 0 ? (p.done / elapsedMs) * 1000 : 0;
  const unit = p.phase === 'reading' ? 'events' : 'cases';
  if (p.total === undefined || p.total === 0) return `${p.phase}: ${p.done} ${unit}, ${Math.round(rate)} ${unit}/s`;
  const share = Math.min(1, p.done / p.total);
  const filled = Math.round(share * width);
  const eta = rate > 0 ? Math.ceil((p.total - p.done) / rate) : 0;
  return `${p.phase}: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${p.done}/${p.total} ${unit}, about ${eta}s left`;
}

async function rebuildNow(projection: string | undefined): Promise<void> {
  if (projection !== undefined && !(PROJECTIONS as readonly string[]).includes(projection)) {
    process.stderr.write(`csc rebuild: projection: unknown '${projection}'; known: ${PROJECTIONS.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfigOrExit('csc rebuild');
  const redis = createRedis(config.redisUrl, { role: 'blocking', connectionName: 'csc-rebuild' });
  const store = await createEventStore({ eventStore: config.eventStore, dataDir: config.dataDir });
  const abort = new AbortController();
  const interrupt = (): void => abort.abort();
  process.once('SIGINT', interrupt);
  try {
    const count = config.rebuildThreads === 0 ? Math.min(availableParallelism(), MAX_AUTO_THREADS) : config.rebuildThreads;
    const projector = new QueueProjector({
      store, redis, prefix: config.redisPrefix, deadlines: { calendar: loadEngineCalendar(config.dataDir).calendar }, holder: 'csc-rebuild',
      rebuildThreads: { count, store: { eventStore: config.eventStore, dataDir: config.dataDir }, redisUrl: config.redisUrl },
    });
    process.stderr.write('csc rebuild queues: taking the projector lease (a running worker hands it over)\n');
    let phaseStarted = performance.now();
    let phase: RebuildProgress['phase'] = 'reading';
    let lastDrawn = 0;
    const tty = process.stderr.isTTY;
    const report = await projector.rebuildWithLease(abort.signal, (p) => {
      if (p.phase !== phase) {
        phase = p.phase;
        phaseStarted = performance.now();
        if (tty) process.stderr.write('\n');
      }
      const now = performance.now();
      if (now - lastDrawn < 200 && p.done !== p.total) return;
      lastDrawn = now;
      const line = `csc rebuild queues: ${progressLine(p, now - phaseStarted)}`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(
      `csc rebuild queues: ${report.events} events, ${report.cases} cases, ${report.deadlines} open deadlines, ${report.alerts} inbox alerts, ${report.allegations} open allegations; `
      + `read and folded in ${report.threads === 1 ? 'this thread' : `${report.threads} threads`} in ${((report.readMs + report.writeMs) / 1000).toFixed(1)} s; generation ${report.generation}, checkpoint ${report.position}\n`,
    );
  } catch (error) {
    process.stderr.write(`csc rebuild: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    process.off('SIGINT', interrupt);
    await store.close();
    redis.disconnect();
  }
}
