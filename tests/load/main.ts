/**
 * `npm run load -- --clients 50 --seconds 120`: the load test by hand, at any size (the CI size
 * runs as tests/e2e/load/load.test.ts). Builds the engine first (see package.json), prints
 * progress on stderr and the report as one JSON line on stdout; exits 1 when a server error was
 * answered, an invariant does not hold or personal data was found.
 */
import { Command, InvalidArgumentError } from 'commander';
import { runLoad } from './driver';

function positive(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number`);
    return n;
  };
}

async function main(): Promise<void> {
  const program = new Command('load')
    .description('many HTTP clients against the api and worker processes (PostgreSQL, Redis), then the invariant check and the privacy scan')
    .option('--clients <n>', 'concurrent HTTP clients', positive('--clients'), 50)
    .option('--seconds <n>', 'how long the clients run', positive('--seconds'), 120)
    .option('--profile <name>', 'synthetic council profile: small or enfield', 'enfield')
    .option('--seed <text>', 'synthetic council seed', 'load')
    .option('--query-share <p>', 'chance that a command is followed by a query (0 to 1)', positive('--query-share'), 0.6)
    .option('--log-level <level>', 'CSC_LOG_LEVEL of the engine processes', 'info')
    .option('--settle-timeout <s>', 'longest wait for projections and alerts to catch up, in seconds', positive('--settle-timeout'), 300)
    .option('--keep', 'keep the database, the Redis keys and the data folder afterwards', false)
    .option('--postgres <url>', 'PostgreSQL server (a database load_<id> is created on it)', process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
    .option('--redis <url>', 'Redis server (keys under a prefix load-<id>)', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379')
    .parse();
  const o = program.opts<{ clients: number; seconds: number; profile: string; seed: string; queryShare: number; logLevel: string; settleTimeout: number; keep: boolean; postgres: string; redis: string }>();
  const report = await runLoad({
    clients: Math.round(o.clients), seconds: o.seconds, profile: o.profile, seed: o.seed, queryShare: Math.min(1, o.queryShare), logLevel: o.logLevel,
    settleTimeoutMs: o.settleTimeout * 1000, keep: o.keep, postgresUrl: o.postgres, redisUrl: o.redis,
    progress: (message) => process.stderr.write(`load: ${message}\n`),
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  const failed = [
    report.serverErrors > 0 ? `${report.serverErrors} server errors` : '',
    report.invariants.ok ? '' : `${report.invariants.problems.length} invariant problems`,
    report.privacy.ok ? '' : `${report.privacy.findings.length} privacy findings`,
  ].filter(Boolean);
  if (failed.length > 0) {
    process.stderr.write(`load: FAILED: ${failed.join(', ')}\n`);
    process.exitCode = 1;
  } else process.stderr.write('load: passed: no server error, every invariant holds, no personal data found\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
