import fc from 'fast-check';
import { runCase, type CaseRunResult } from './run-case';
import { stepArbitrary } from './steps';

/** FUZZ_RUNS=2000 FUZZ_SEED=7 npm run test:unit -- tests/unit/case/fuzz for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20260105);
const DAY_MS = 86_400_000;
const FROM = Date.parse('2024-01-01T00:00:00Z');

const runArbitrary = fc.record({
  start: fc.integer({ min: 0, max: 6 * 365 }).map((days) => new Date(FROM + days * DAY_MS + 9 * 3_600_000).toISOString()),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 40, size: 'max' }),
  options: fc.constantFrom({}, { defaultRulebook: 'national' }, { defaultRulebook: 'enfield' }),
});

describe('case decider under fuzzing (fast-check command sequences)', () => {
  it('given any sequence of mostly plausible, partly malformed commands, when each is decided, then every invariant holds after every step', () => {
    const totals = { runs: 0, accepted: 0, events: 0, deadlines: 0, refused: {} as Record<string, number> };
    fc.assert(
      fc.property(runArbitrary, (run) => {
        const result: CaseRunResult = runCase(run);
        totals.runs += 1;
        totals.accepted += result.accepted;
        totals.events += result.events;
        totals.deadlines = Math.max(totals.deadlines, result.deadlines);
        for (const [code, n] of Object.entries(result.refused)) totals.refused[code] = (totals.refused[code] ?? 0) + n;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK === '0' },
    );
    if (process.env.FUZZ_VERBOSE === '1') process.stdout.write(`${JSON.stringify(totals)}\n`);
    // The generator must reach past the opening: most runs accept pathway commands and derive deadlines.
    expect(totals.accepted).toBeGreaterThan(totals.runs * 3);
    expect(totals.deadlines).toBeGreaterThan(0);
  });
});
