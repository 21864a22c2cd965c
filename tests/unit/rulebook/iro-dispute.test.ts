import fs from 'node:fs';
import path from 'node:path';
import { shippedCalendar } from '@csc/calendar';
import { ENFIELD_1, ENFIELD_2, NATIONAL_1, NATIONAL_2, PENDING_RULEBOOKS, computeDeadline, releaseId, type RulebookRelease } from '@csc/rulebook';
import { differences, goldenFileName, goldenGrid } from './golden-grid';

/**
 * national@2 and enfield@2 (IRO dispute resolution, prepared in PENDING_RULEBOOKS, not yet
 * built in): pinned by their own golden files, and proven not to move any answer of release 1.
 */
const GOLDEN_DIR = path.join(__dirname, 'golden');
const calendar = shippedCalendar();
const due = (ruleId: string, date: string, name: string, clock?: string) =>
  computeDeadline({ ruleId, clock, trigger: { date }, rulebook: { name }, calendar }, PENDING_RULEBOOKS);

describe('release 2 (IRO dispute resolution)', () => {
  it.each([[NATIONAL_2, NATIONAL_1], [ENFIELD_2, ENFIELD_1]] as const)('%#: gives every answer release 1 gives, and matches its golden file', (next: RulebookRelease, previous: RulebookRelease) => {
    const actual = goldenGrid(next, PENDING_RULEBOOKS);
    const earlier = goldenGrid(previous, PENDING_RULEBOOKS);
    const moved = differences(earlier, actual).filter((line) => !line.includes('was (absent)'));
    expect(moved).toEqual([]);
    const file = path.join(GOLDEN_DIR, goldenFileName(next));
    if (!fs.existsSync(file)) {
      if (process.env['WRITE_GOLDEN'] !== '1') throw new Error(`${file} is missing: run with WRITE_GOLDEN=1 once, review and commit it`);
      fs.writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    }
    const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    expect(differences(expected, actual)).toEqual([]);
  });

  it('the rules of release 1 keep their definitions and rule versions under release 2', () => {
    expect(due('CP-04', '2026-05-20', 'national').ruleVersion).toBe('CP-04/national@1/2013-04-15');
    expect(due('CP-04', '2026-05-20', 'national').rulebookVersion).toBe('national@2');
  });

  it('nationally IRO-01 and IRO-02 set no timescale', () => {
    for (const ruleId of ['IRO-01', 'IRO-02']) {
      expect(() => due(ruleId, '2026-06-01', 'national')).toThrow(expect.objectContaining({ code: 'RULE_NO_TIMESCALE' }) as Error);
    }
  });

  it('Enfield gives the informal stage and each formal stage 5 working days (assumed, evidence R)', () => {
    expect(due('IRO-01', '2026-12-21', 'enfield').dueDate).toBe('2026-12-30'); // Christmas and Boxing Day (substitute Mon 28 Dec) skipped
    expect(['stage-1', 'stage-2', 'stage-3'].map((clock) => due('IRO-02', '2026-05-20', 'enfield', clock).dueDate)).toEqual(['2026-05-28', '2026-05-28', '2026-05-28']); // Spring bank holiday Mon 25 May skipped
    expect(due('IRO-02', '2026-05-20', 'enfield', 'stage-2').ruleVersion).toBe('IRO-02/national@2/2011-04-01+enfield@2/2018-04-01');
    expect(PENDING_RULEBOOKS.resolveRule(ENFIELD_2, 'IRO-02', '2026-05-20').definition.evidence).toBe('R');
  });

  it('lists its releases by id', () => {
    expect(PENDING_RULEBOOKS.releases().map(releaseId)).toEqual(['national@1', 'enfield@1', 'national@2', 'enfield@2']);
  });
});
