import { shippedCalendar } from '@csc/calendar';
import { BUILT_IN_RULEBOOKS, NATIONAL_1, RulebookDefinitionError, RulebookRegistry, computeDeadline, releaseId, type RuleDefinition, type RulebookRelease } from '@csc/rulebook';

const calendar = shippedCalendar();
const titleOf = (ruleId: string, clock: string | undefined, rulebook: { name: string; version?: number }, registry = BUILT_IN_RULEBOOKS) =>
  computeDeadline({ ruleId, clock, trigger: { instant: '2026-05-20T09:00:00Z' }, rulebook, calendar }, registry).title;

/** national@1 with MIS-01's definition changed (test only). */
const withMis01 = (change: (rule: RuleDefinition) => RuleDefinition): RulebookRelease => ({
  ...NATIONAL_1, rules: NATIONAL_1.rules.map((r) => (r.id === 'MIS-01' ? change(r) : r)),
});
const problemsOf = (release: RulebookRelease): string[] => {
  try {
    new RulebookRegistry([release]);
    return [];
  } catch (error) {
    if (error instanceof RulebookDefinitionError) return [...error.problems];
    throw error;
  }
};

describe('the title a deadline is shown under', () => {
  it.each(BUILT_IN_RULEBOOKS.releases().map((r) => [releaseId(r), r.name, r.version] as const))(
    "%s: MIS-01's offered and completed clocks have their own titles (never the rule's alone, twice)",
    (_id, name, version) => {
      expect(titleOf('MIS-01', 'offered', { name, version })).toBe('Return home interview offered');
      expect(titleOf('MIS-01', 'completed', { name, version })).toBe('Return home interview completed');
    },
  );

  it("LADO-06's three resolution targets, which open together at referral, are told apart", () => {
    const titles = ['within-1-month', 'within-3-months', 'within-12-months'].map((clock) => titleOf('LADO-06', clock, { name: 'national' }));
    expect(titles).toEqual(['Allegation resolved within 1 month (target)', 'Allegation resolved within 3 months (target)', 'Allegation resolved within 12 months (target)']);
  });

  it("a clock without a title of its own keeps the rule's (single-clock rules and alternative regimes)", () => {
    expect(titleOf('CP-04', undefined, { name: 'national' })).toBe('Initial child protection conference');
    expect(titleOf('LAC-10', 'first-year', { name: 'national' })).toBe('Social worker visits');
    expect(titleOf('LAC-10', 'weekly', { name: 'national' })).toBe('Social worker visits');
  });

  it('the resolved rule lists each running clock with its title', () => {
    const rule = BUILT_IN_RULEBOOKS.resolveRule(BUILT_IN_RULEBOOKS.select({ name: 'enfield' }), 'MIS-01', '2026-05-20');
    expect(rule.clocks.map((c) => [c.key, c.title])).toEqual([['offered', 'Return home interview offered'], ['completed', 'Return home interview completed']]);
  });
});

describe('the registry refuses clock titles that would not tell deadlines apart', () => {
  it('accepts the shipped releases as they are', () => {
    expect(problemsOf(NATIONAL_1)).toEqual([]);
  });

  it('refuses MIS-01 clocks (run side by side by rhiClocks) without titles of their own', () => {
    const untitled = withMis01((r) => ({ ...r, clocks: r.clocks.map(({ title: _title, ...c }) => c) }));
    expect(problemsOf(untitled).join('\n')).toMatch(/MIS-01 from 2014-01-01: clocks run side by side by rhiClocks need their own titles/);
  });

  it('refuses a rule whose clocks are only partly titled, or whose titles repeat', () => {
    const partly = withMis01((r) => ({ ...r, clocks: r.clocks.map(({ title, ...c }) => (c.key === 'completed' ? c : { ...c, title })) }));
    expect(problemsOf(partly).join('\n')).toMatch(/MIS-01 from 2014-01-01: give every clock a title or none/);
    const same = withMis01((r) => ({ ...r, clocks: r.clocks.map((c) => ({ ...c, title: 'Return home interview' })) }));
    expect(problemsOf(same).join('\n')).toMatch(/MIS-01 from 2014-01-01: clock titles must be different/);
  });

  it("checks an overlay's replacement clocks too", () => {
    const overlay: RulebookRelease = {
      name: 'odd', version: 1, publishedOn: '2026-01-01', description: 'test overlay', base: { name: 'national', version: 1 }, rules: [], settings: [],
      overrides: [{
        overrides: 'MIS-01', effectiveFrom: '2026-01-01', reason: 'test',
        changes: { clocks: [{ key: 'offered', label: 'Offered', duration: { unit: 'hours', amount: 48 }, whenRhiClock: 'offered' }] },
      }],
    };
    expect(() => new RulebookRegistry([NATIONAL_1, overlay])).toThrow(/odd@1 override of MIS-01 from 2026-01-01: clocks run side by side by rhiClocks need their own titles/);
  });
});
