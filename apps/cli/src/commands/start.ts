import type { INestApplication } from '@nestjs/common';
import type { Command } from 'commander';
import type { EngineConfig } from '@csc/config';
import { closeOnSignal, loadConfigOrExit } from '@csc/runtime';
import { startApi } from '../../../api/src/start';
import { startWorker } from '../../../worker/src/start';
import { seedConfiguredStore, storeIsEmpty, today } from './seed';

interface StartOptions {
  /** Commander's negation of --no-seed. */
  readonly seed: boolean;
  readonly seedProfile: string;
}

/** The demo council's seed: the same on every first run. */
export const DEMO_SEED = 'demo';

/**
 * `csc start`: the engine's main job, all in one process: the api and the
 * worker on the configured event store (the embedded one by default, which
 * only one process may open) and Redis. Deployments that want them apart run
 * `node dist/apps/api/src/main.js` and `node dist/apps/worker/src/main.js`
 * (see docker-compose.yml).
 *
 * Demo mode: with no identity provider configured (CSC_AUTH_ISSUER empty) and
 * CSC_AUTH_DEV_KEYS unset, the api accepts `csc token` development tokens; on
 * first run (an empty store) a small synthetic council is seeded, unless `--no-seed`.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the api and the worker in one process (embedded event store and local Redis unless configured otherwise); seeds a demo council into an empty store')
    .option('--no-seed', 'do not seed a demo council into an empty store')
    .option('--seed-profile <name>', 'the synthetic council seeded on first run (see csc seed)', 'small')
    .action((options: StartOptions) => start(options));
}

/** Development tokens in demo mode: no identity provider configured and CSC_AUTH_DEV_KEYS not set either way. */
export function demoEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const unset = (name: string) => env[name] === undefined || env[name] === '';
  return unset('CSC_AUTH_ISSUER') && unset('CSC_AUTH_DEV_KEYS') ? { ...env, CSC_AUTH_DEV_KEYS: 'true' } : env;
}

async function start(options: StartOptions): Promise<void> {
  const config = loadConfigOrExit('csc start', demoEnvironment(process.env));
  const store = config.eventStore === 'embedded' ? `the embedded store in ${config.dataDir}` : 'the configured event store';
  process.stdout.write(`csc: starting the engine on ${store} and Redis at ${redact(config.redisUrl)}\n`);
  const apps: INestApplication[] = [await startApi(config), await startWorker(config)];
  const stopping = new AbortController();
  closeOnSignal(apps, () => process.stdout.write('csc: stopped\n'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopping.abort());
  process.stdout.write(
    `csc: ready\n` +
      `csc:   pages    http://localhost:${config.apiPort}/app${config.authDevKeys ? '   (demo: pick a demo user to sign in)' : ''}\n` +
      `csc:   api      http://localhost:${config.apiPort}   readiness: http://localhost:${config.apiPort}/health/ready   OpenAPI: http://localhost:${config.apiPort}/api/docs\n` +
      `csc:   worker   http://localhost:${config.workerPort}   readiness: http://localhost:${config.workerPort}/health/ready\n`,
  );
  if (options.seed) await seedDemo(config, options.seedProfile, stopping.signal);
  if (stopping.signal.aborted) return;
  process.stdout.write(signIn(config));
  process.stdout.write(`csc: press Ctrl-C to stop\n`);
}

async function seedDemo(config: EngineConfig, profile: string, signal: AbortSignal): Promise<void> {
  try {
    if (!(await storeIsEmpty(config))) {
      process.stdout.write('csc: the store already holds events: no demo council seeded\n');
      return;
    }
    process.stdout.write(`csc: first run: seeding a demo council (profile ${profile}, seed ${DEMO_SEED}; csc start --no-seed skips this)\n`);
    const plan = { profile, years: 1, seed: DEMO_SEED, until: today(new Date()) };
    await seedConfiguredStore(config, plan, (line) => process.stdout.write(`csc: seed: ${line}\n`), signal);
  } catch (error) {
    process.stdout.write(`csc: seeding the demo council failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

function signIn(config: EngineConfig): string {
  if (!config.authDevKeys) return 'csc: sign in with a token from your identity provider (CSC_AUTH_ISSUER)\n';
  const token = 'node dist/apps/cli/src/main.js token';
  return [
    'csc: demo mode: the api accepts development tokens (CSC_AUTH_DEV_KEYS=true); mint one in another shell and send it as "Authorization: Bearer <token>":',
    `csc:   an IRO           ${token} --role iro --user iro-01`,
    `csc:   a team manager   ${token} --role team-manager --user tm-3 --team team-3`,
    `csc:   an auditor       ${token} --role auditor --user auditor-01`,
    `csc:   the LADO         ${token} --role lado --user lado-01`,
    `csc:   for example      curl -H "Authorization: Bearer $(${token} --role auditor --user auditor-01)" http://localhost:${config.apiPort}/cases/child-000001`,
    '',
  ].join('\n');
}

/** Hides a password in a Redis URL before printing it. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
