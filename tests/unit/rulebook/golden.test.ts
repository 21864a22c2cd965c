import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IN_RULEBOOKS, NATIONAL_1, RulebookRegistry, releaseId, type RulebookRelease } from '@csc/rulebook';
import { differences, goldenFileName, goldenGrid } from './golden-grid';

/**
 * Published rulebook releases are immutable: a replay years later must get the
 * due dates it got then. Each release's due dates over a grid of rules and
 * triggers are pinned in golden/<name>@<version>.json. A change that moves any
 * of them fails here: publish it as a new release (version + 1) instead.
 * A new release has no golden file yet: create it with WRITE_GOLDEN=1 (this
 * never overwrites an existing file).
 */
const GOLDEN_DIR = path.join(__dirname, 'golden');

describe('published rulebook releases never change their due dates', () => {
  it.each(BUILT_IN_RULEBOOKS.releases().map((r) => [releaseId(r), r] as const))('%s matches its golden file', (_id, release) => {
    const file = path.join(GOLDEN_DIR, goldenFileName(release));
    const actual = goldenGrid(release, BUILT_IN_RULEBOOKS);
    if (!fs.existsSync(file)) {
      if (process.env['WRITE_GOLDEN'] !== '1') throw new Error(`${file} is missing: a new release needs its golden file (run with WRITE_GOLDEN=1 once, review and commit it)`);
      fs.writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    }
    const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    const changed = differences(expected, actual);
    if (changed.length > 0) {
      throw new Error(`${releaseId(release)} now gives different answers; publish a new release instead of editing this one:\n  ${changed.slice(0, 20).join('\n  ')}`);
    }
    expect(Object.keys(expected).length).toBeGreaterThan(1000);
  });

  it('catches an edit that would move a past due date without a version bump', () => {
    const edited: RulebookRelease = { ...NATIONAL_1, rules: NATIONAL_1.rules.map((r) => (r.id === 'CP-06' ? { ...r, clocks: [{ ...r.clocks[0]!, duration: { unit: 'working-days', amount: 11 } }] } : r)) };
    const expected = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, goldenFileName(NATIONAL_1)), 'utf8')) as Record<string, string>;
    const changed = differences(expected, goldenGrid(edited, new RulebookRegistry([edited])));
    expect(changed).toContain('CP-06/default 2026-08-27: was 2026-09-11 2026-09-11 2026-09-11T23:00:00.000Z, now 2026-09-14 2026-09-14 2026-09-14T23:00:00.000Z');
  });
});
