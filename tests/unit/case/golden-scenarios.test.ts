import fs from 'node:fs';
import path from 'node:path';
import { shippedCalendar } from '@csc/calendar';
import {
  allegationDeadlinesOf, deadlinesOf, foldAllegation, foldCase, parseScenario, scenarioRulebooks, simulate,
  type AllegationDeadline, type CaseDeadline, type SimulatedEvent,
} from '@csc/case';

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
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    // Each scenario pins the releases it was recorded under: a later release never rewrites it.
    const rulebooks = scenarioRulebooks(text);
    if (rulebooks === undefined) throw new Error(`${file} must pin its rulebook releases: a line {"releases": [...]}`);
    const result = JSON.parse(JSON.stringify(simulate(parseScenario(text), { calendar: shippedCalendar(), rulebooks }))) as unknown;
    const expectedFile = path.join(DIR, 'expected', file.replace(/\.jsonl$/, '.json'));
    if (!fs.existsSync(expectedFile)) {
      if (process.env['WRITE_GOLDEN'] !== '1') throw new Error(`${expectedFile} is missing: run once with WRITE_GOLDEN=1, review and commit it`);
      fs.writeFileSync(expectedFile, `${JSON.stringify(result, null, 1)}\n`);
    }
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { asOf: string; events: SimulatedEvent[]; deadlines: CaseDeadline[] };
    expect(result).toEqual(expected);
    // The stored events themselves fold to the same deadlines (what a replay from the store does).
    const options = { calendar: shippedCalendar(), rulebooks };
    const streamOf = (e: SimulatedEvent) => ('caseId' in e ? `case-${e.caseId}` : `allegation-${e.allegationId}`);
    const streams = [...new Set(expected.events.map(streamOf))];
    const replayed = streams.flatMap((stream): readonly (CaseDeadline | AllegationDeadline)[] => {
      const events = expected.events.filter((e) => streamOf(e) === stream);
      return stream.startsWith('case-') ? deadlinesOf(foldCase(events), expected.asOf, options) : allegationDeadlinesOf(foldAllegation(events), expected.asOf, options);
    });
    expect(JSON.parse(JSON.stringify(replayed))).toEqual(expected.deadlines);
  });
});
