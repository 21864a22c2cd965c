import fs from 'node:fs';
import path from 'node:path';
import { shippedCalendar } from '@csc/calendar';
import { parseScenario, simulate } from '@csc/case';

/**
 * Stored histories must replay to the same outcome: each tests/scenarios/<name>.jsonl runs through
 * the real decide/fold and its events, refusals, deadlines and alerts must equal
 * tests/scenarios/expected/<name>.json. A change to a machine, a rule or the derivation that
 * alters them fails here. A new scenario has no expected file yet: WRITE_GOLDEN=1 creates
 * missing ones (it never overwrites); review and commit it.
 */
const DIR = path.join(__dirname, '..', '..', 'scenarios');
const scenarios = fs.readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort();

describe('golden scenarios replay to identical events and deadlines', () => {
  it('there are scenarios to replay', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
  });

  it.each(scenarios)('%s', (file) => {
    const result = JSON.parse(JSON.stringify(simulate(parseScenario(fs.readFileSync(path.join(DIR, file), 'utf8')), { calendar: shippedCalendar() }))) as unknown;
    const expectedFile = path.join(DIR, 'expected', file.replace(/\.jsonl$/, '.json'));
    if (!fs.existsSync(expectedFile)) {
      if (process.env['WRITE_GOLDEN'] !== '1') throw new Error(`${expectedFile} is missing: run once with WRITE_GOLDEN=1, review and commit it`);
      fs.writeFileSync(expectedFile, `${JSON.stringify(result, null, 1)}\n`);
    }
    expect(result).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });
});
