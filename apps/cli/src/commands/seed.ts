import type { Command } from 'commander';
import { createEventStore } from '@csc/event-store';
import { loadConfig, type EngineConfig } from '@csc/config';
import { generateCouncil, profileNamed, PROFILES, type SyntheticCouncil } from '@csc/synthetic';
import { CliInputError } from './calendar';
import { VirtualClock, describeProgress, writeCouncil, type SeedResult } from '../seeding/write';

interface SeedOptions {
  readonly profile: string;
  readonly years: string;
  readonly seed: string;
  readonly until?: string;
}

export interface SeedPlan {
  readonly profile: string;
  readonly years: number;
  readonly seed: string;
  /** YYYY-MM-DD: the period ends at the start of this day (UTC). */
  readonly until: string;
}

/** Today's date (UTC) from the clock: the default end of the period. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function councilFor(plan: SeedPlan): SyntheticCouncil {
  const profile = profileNamed(plan.profile);
  if (profile === undefined) throw new CliInputError(`--profile: ${JSON.stringify(plan.profile)} is not a profile (${Object.keys(PROFILES).join(', ')})`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(plan.until) || Number.isNaN(Date.parse(plan.until))) throw new CliInputError(`--until: ${JSON.stringify(plan.until)} is not a date such as 2026-03-31`);
  if (!(Number.isFinite(plan.years) && plan.years > 0 && plan.years <= 20)) throw new CliInputError(`--years: ${plan.years} must be a number above 0 and at most 20`);
  return generateCouncil({ profile, years: plan.years, seed: plan.seed, until: `${plan.until}T00:00:00.000Z` });
}

/** Whether the configured store holds no event yet (a first run). */
export async function storeIsEmpty(config: EngineConfig): Promise<boolean> {
  const store = await createEventStore({ eventStore: config.eventStore, dataDir: config.dataDir });
  try {
    return (await store.readAll({ maxCount: 1 })).length === 0;
  } finally {
    await store.close();
  }
}

/**
 * Generates the council and writes it to the configured store through the command handlers,
 * with progress on stderr. The store is opened with the seeding's virtual clock (its own handle
 * on the embedded folder, beside any the api and worker hold in the same process).
 */
export async function seedConfiguredStore(config: EngineConfig, plan: SeedPlan, say: (line: string) => void, signal?: AbortSignal): Promise<SeedResult> {
  const council = councilFor(plan);
  say(`generated ${council.children} children and ${council.allegations} LADO referrals: ${council.commands.length} commands from ${council.from.slice(0, 10)} to ${council.until.slice(0, 10)} (profile ${plan.profile}, seed ${plan.seed})`);
  const clock = new VirtualClock();
  const store = await createEventStore({ eventStore: config.eventStore, dataDir: config.dataDir, clock: clock.now });
  try {
    const profile = profileNamed(plan.profile);
    const result = await writeCouncil(store, clock, council, { rulebook: profile?.rulebook ?? config.rulebook, onProgress: (p) => say(describeProgress(p)), ...(signal ? { signal } : {}) });
    say(`${describeProgress(result)}: ${result.events} new events${result.repeated > 0 ? `, ${result.repeated} commands were already recorded` : ''} in ${(result.elapsedMs / 1000).toFixed(1)}s`);
    return result;
  } finally {
    await store.close();
  }
}

/** `csc seed --profile enfield --years 3 --seed 42 [--until 2026-03-31]`. */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('write a deterministic synthetic council (children, pathways, LADO referrals) through the command handlers into the configured store')
    .option('--profile <name>', `volumes: ${Object.values(PROFILES).map((p) => `${p.name} (${p.description})`).join('; ')}`, 'small')
    .option('--years <n>', 'years of history ending at --until', '1')
    .option('--seed <s>', 'the seed: the same seed writes the same commands and event ids (re-running appends nothing)', '1')
    .option('--until <date>', 'the period ends at the start of this day, UTC (default: today)')
    .action(async (options: SeedOptions) => {
      try {
        const plan = { profile: options.profile, years: Number(options.years), seed: options.seed, until: options.until ?? today(new Date()) };
        await seedConfiguredStore(loadConfig(), plan, (line) => process.stderr.write(`csc seed: ${line}\n`));
      } catch (error) {
        if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
          process.stderr.write(`csc seed: ${error.message}\n`);
          if ((error as { code?: unknown }).code === 'CASE_ALREADY_OPEN') process.stderr.write('csc seed: the store already holds a different synthetic council (another --until, --years or --seed): use a fresh store\n');
          process.exitCode = 65;
          return;
        }
        throw error;
      }
    });
}
