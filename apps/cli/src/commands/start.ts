import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError, loadConfig } from '@csc/config';

const SERVICES = ['api', 'worker'] as const;

/**
 * `csc start`: the engine's main job. Runs the api and the worker as two
 * processes (so either can fail or be restarted alone) on the configured
 * event store and Redis, and stops both on Ctrl-C or when either exits.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the api and the worker (embedded event store and local Redis unless configured otherwise)')
    .action(() => start());
}

function start(): void {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const distApps = path.resolve(__dirname, '..', '..', '..');
  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children.values()) child.kill('SIGTERM');
    process.exitCode = code;
  };

  for (const service of SERVICES) {
    const child = fork(path.join(distApps, service, 'src', 'main.js'), [], { stdio: 'inherit' });
    children.set(service, child);
    child.on('exit', (code, signal) => {
      children.delete(service);
      if (!stopping) {
        process.stderr.write(`csc: ${service} stopped (${signal ?? `exit code ${code}`}); stopping the engine\n`);
        stopAll(code ?? 1);
      }
    });
  }
  process.stdout.write(
    `csc: engine starting on ${config.eventStore === 'embedded' ? `the embedded store in ${config.dataDir}` : 'the configured event store'}\n` +
      `csc:   api      http://localhost:${config.apiPort}  (readiness: /health/ready)\n` +
      `csc:   worker   http://localhost:${config.workerPort}  (readiness: /health/ready)\n` +
      `csc: press Ctrl-C to stop\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
}
