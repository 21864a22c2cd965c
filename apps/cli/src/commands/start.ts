import type { INestApplication } from '@nestjs/common';
import type { Command } from 'commander';
import { closeOnSignal, loadConfigOrExit } from '@csc/runtime';
import { startApi } from '../../../api/src/start';
import { startWorker } from '../../../worker/src/start';

/**
 * `csc start`: the engine's main job, all in one process: the api and the
 * worker on the configured event store (the embedded one by default, which
 * only one process may open) and Redis. Deployments that want them apart run
 * `node dist/apps/api/src/main.js` and `node dist/apps/worker/src/main.js`
 * (see docker-compose.yml).
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the api and the worker in one process (embedded event store and local Redis unless configured otherwise)')
    .action(start);
}

async function start(): Promise<void> {
  const config = loadConfigOrExit('csc start');
  const store = config.eventStore === 'embedded' ? `the embedded store in ${config.dataDir}` : 'the configured event store';
  process.stdout.write(`csc: starting the engine on ${store} and Redis at ${redact(config.redisUrl)}\n`);
  const apps: INestApplication[] = [await startApi(config), await startWorker(config)];
  process.stdout.write(
    `csc: ready\n` +
      `csc:   api      http://localhost:${config.apiPort}   readiness: http://localhost:${config.apiPort}/health/ready\n` +
      `csc:   worker   http://localhost:${config.workerPort}   readiness: http://localhost:${config.workerPort}/health/ready\n` +
      `csc: press Ctrl-C to stop\n`,
  );
  closeOnSignal(apps, () => process.stdout.write('csc: stopped\n'));
}

/** Hides a password in a Redis URL before printing it. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
