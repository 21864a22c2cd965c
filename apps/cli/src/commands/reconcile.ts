import type { Command } from 'commander';
import { FireQueue, alertSettingsFrom, assertEvictionPolicy, reconcile } from '@csc/alerts';
import { loadEngineCalendar } from '@csc/calendar-files';
import { createEventStore } from '@csc/event-store';
import { createRedis } from '@csc/redis';
import { loadConfigOrExit } from '@csc/runtime';

interface ReconcileOptions {
  readonly json?: boolean;
}

/**
 * `csc reconcile`: rebuilds the alert jobs from the event store on demand: adds missing jobs,
 * moves mistimed ones, removes orphans, and queues at once (to be raised marked late) any alert
 * whose time passed while Redis or the worker was down. The worker does the same at start-up
 * and periodically. (The embedded store admits one process: stop `csc start` first, or use a
 * PostgreSQL store.)
 */
export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('rebuild the alert jobs (reminders, breaches, escalations) from the events; raise missed ones, marked late')
    .option('--json', 'print the report as JSON')
    .action((options: ReconcileOptions) => reconcileNow(options));
}

async function reconcileNow(options: ReconcileOptions): Promise<void> {
  const config = loadConfigOrExit('csc reconcile');
  const redis = createRedis(config.redisUrl, { role: 'blocking', connectionName: 'csc-reconcile' });
  const store = await createEventStore({ eventStore: config.eventStore, dataDir: config.dataDir });
  const jobs = new FireQueue(redis, config.redisPrefix, alertSettingsFrom(config).fireAttempts);
  try {
    await assertEvictionPolicy(redis);
    const context = { calendar: loadEngineCalendar(config.dataDir).calendar, policy: alertSettingsFrom(config).policy };
    const report = await reconcile({ store, jobs, context, clock: () => new Date() }, (message) => process.stderr.write(`csc reconcile: ${message}\n`));
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stdout.write(
        `csc reconcile: ${report.cases} cases, ${report.planned} jobs planned: ${report.added} added, ${report.moved} moved, ${report.removed} removed, ` +
          `${report.retried} retried, ${report.overdue} overdue (raised at once, marked late), in ${report.durationMs} ms\n`,
      );
      for (const error of report.errors) process.stdout.write(`csc reconcile: case ${error.caseId} not planned: ${error.message}\n`);
    }
    if (report.errors.length > 0) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`csc reconcile: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await jobs.close();
    await store.close();
    redis.disconnect();
  }
}
