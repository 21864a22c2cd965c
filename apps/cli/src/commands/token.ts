import type { Command } from 'commander';
import { isRole, loadOrCreateDevKey, mintDevToken, parseTtl, ROLES, type Role } from '@csc/auth';
import { loadConfigOrExit } from '@csc/runtime';
import { demoEnvironment } from './start';

interface TokenOptions {
  readonly role: string[];
  readonly user: string;
  readonly team: string[];
  readonly ttl: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `csc token --role iro --user u1 [--team t1] [--ttl 8h]`: a bearer token
 * signed with the local development key (in CSC_DATA_DIR), for the demo and
 * tests. The api accepts it only when CSC_AUTH_DEV_KEYS=true.
 */
export function registerToken(program: Command): void {
  program
    .command('token')
    .description('mint a development bearer token (accepted only by an api running with CSC_AUTH_DEV_KEYS=true)')
    .requiredOption('--role <role>', `an engine role (${ROLES.join(', ')}); repeat for several`, collect, [])
    .requiredOption('--user <id>', 'the user reference (the token subject)')
    .option('--team <id>', 'a team reference; repeat for several', collect, [])
    .option('--ttl <duration>', 'lifetime: 30m, 8h, 2d (at most 7d)', '8h')
    .action((options: TokenOptions) => token(options));
}

async function token(options: TokenOptions): Promise<void> {
  // Judged as `csc start` judges it: demo mode turns development tokens on when no provider is configured.
  const config = loadConfigOrExit('csc token', demoEnvironment(process.env));
  const unknown = options.role.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new Error(`--role: ${unknown.join(', ')} is not an engine role (${ROLES.join(', ')})`);
  const ttlSeconds = parseTtl(options.ttl);
  if (!config.authDevKeys) process.stderr.write('csc: note: with this configuration the api does not accept development tokens (CSC_AUTH_DEV_KEYS=true turns them on; never with a real identity provider)\n');
  const key = await loadOrCreateDevKey(config.dataDir);
  const jwt = await mintDevToken(key, { userId: options.user, roles: options.role as Role[], teams: options.team, ttlSeconds, audience: config.authAudience, now: new Date() });
  process.stdout.write(`${jwt}\n`);
}
