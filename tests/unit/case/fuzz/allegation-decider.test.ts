import fc from 'fast-check';
import { runAllegation } from './run-lado';
import { stepArbitrary } from './steps';

/** FUZZ_RUNS / FUZZ_SEED as for the case decider (case-decider.test.ts). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20260105);
const FROM = Date.parse('2024-01-01T09:00:00Z');

const runArbitrary = fc.record({
  start: fc.integer({ min: 0, max: 6 * 365 }).map((days) => new Date(FROM + days * 86_400_000).toISOString()),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 30, size: 'max' }),
  options: fc.constantFrom({}, { defaultRulebook: 'enfield' }),
});

describe('LADO allegation decider under fuzzing (fast-check command sequences)', () => {
  it('given any sequence of mostly plausible, partly malformed allegation commands, when each is decided, then every invariant holds after every step', () => {
    let events = 0;
    fc.assert(
      fc.property(runArbitrary, (run) => {
        events += runAllegation(run);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK === '0' },
    );
    // The generator reaches past the opening: allegations record pathway events, not only refusals.
    expect(events).toBeGreaterThan(RUNS * 2);
  });
});
