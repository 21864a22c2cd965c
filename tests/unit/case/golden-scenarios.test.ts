import fs from 'node:fs';
import path from 'node:path';
import { shippedCalendar } from '@csc/calendar';
import { deadlinesOf, foldCase, parseScenario, simulate, type CaseDeadline, type SimulatedEvent } from '@csc/case';
import { ENFIELD_1, NATIONAL_1, RulebookRegistry } from '@csc/rulebook';

/**
 * Stored histories must replay to the same outcome: each tests/scenarios/<name>.jsonl runs through
 * the real decide/fold and its events, refusals, deadlines and alerts must equal
 * tests/scenarios/expected/<name>.json. A change to a machine, a rule or the derivation that
 * alters them fails here. A new scenario has no expected file yet: WRITE_GOLDEN=1 creates
 * missing ones (it never overwrites); review and commit it.
 */
const DIR = path.join(__dirname, '..', '..', 'scenarios');
/** The releases the scenarios were recorded under: a later release never rewrites them. */
const rulebooks = new RulebookRegistry([NATIONAL_1, ENFIELD_1]);
const scenarios = fs.readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort();

describe('golden scenarios replay to identical events and deadlines', () => {
  it('there are scenarios to replay', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
  });

  it.each(scenarios)('%s', (file) => {
    const result = JSON.parse(JSON.stringify(simulate(parseScenario(fs.readFileSync(path.join(DIR, file), 'utf8')), { calendar: shippedCalendar(), rulebooks }))) as unknown;
    const expectedFile = path.join(DIR, 'expected', file.replace(/\.jsonl$/, '.json'));
    if (!fs.existsSync(expectedFile)) {
      if (process.env['WRITE_GOLDEN'] !== '1') throw new Error(`${expectedFile} is missing: run once with WRITE_GOLDEN=1, review and commit it`);
      fs.writeFileSync(expectedFile, `${JSON.stringify(result, null, 1)}\n`);
    }
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { asOf: string; events: SimulatedEvent[]; deadlines: CaseDeadline[] };
    expect(result).toEqual(expected);
    // The stored events themselves fold to the same deadlines (what a replay from the store does).
    const caseIds = [...new Set(expected.events.map((e) => e.caseId))];
    const replayed = caseIds.flatMap((id) => deadlinesOf(foldCase(expected.events.filter((e) => e.caseId === id)), expected.asOf, { calendar: shippedCalendar(), rulebooks }));
    expect(JSON.parse(JSON.stringify(replayed))).toEqual(expected.deadlines);
  });
});
