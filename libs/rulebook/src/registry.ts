import { isLocalDate, type DayCounting, type Duration, type LocalDate } from '@csc/calendar';
import { ENFIELD_1, ENFIELD_2 } from './enfield';
import { RuleNotInForceError, RulebookDefinitionError, UnknownRuleError, UnknownRulebookError } from './errors';
import { NATIONAL_1, NATIONAL_2 } from './national';
import { closeMatches } from './suggest';
import type { Clock, RuleDefinition, RuleOverride, RulebookRelease, RulebookSelector, RulebookSettings } from './types';

/** A clock as it runs under one rulebook on one date: duration and counting fixed. */
export interface ResolvedClock {
  readonly key: string;
  /** The title its deadlines are shown under: the clock's own, else the rule's. */
  readonly title: string;
  readonly label: string;
  readonly duration: Duration;
  readonly direction: 'after' | 'before';
  /** Working days only; `day-0` for other units. */
  readonly counting: DayCounting;
  /** Where the duration or counting came from when not the rule itself, e.g. `setting cpVisitFrequency`. */
  readonly fromSettings: readonly string[];
}

/** A rule as in force on a date under a rulebook release, with its provenance. */
export interface ResolvedRule {
  readonly definition: RuleDefinition;
  readonly rulebookVersion: string;
  /** The release whose definition is used, e.g. `national@1`. */
  readonly definedBy: string;
  readonly overriddenBy: readonly { readonly rulebook: string; readonly effectiveFrom: LocalDate; readonly reason: string }[];
  /** `LAC-03/national@1/2011-04-01`, plus `+enfield@1/2018-04-01` per override: recorded with the deadline. */
  readonly ruleVersion: string;
  readonly settings: RulebookSettings;
  /** The clocks that run (MIS-01's are filtered by the rhiClocks setting). */
  readonly clocks: readonly ResolvedClock[];
}

export const releaseId = (release: Pick<RulebookRelease, 'name' | 'version'>): string => `${release.name}@${release.version}`;

interface AppliedOverride {
  readonly override: RuleOverride;
  readonly rulebook: string;
}

const inForce = (entry: { effectiveFrom: LocalDate; effectiveTo?: LocalDate }, date: LocalDate) =>
  entry.effectiveFrom <= date && (entry.effectiveTo === undefined || date <= entry.effectiveTo);

/** The rulebook releases an engine knows; built-in ones plus any a deployment adds. */
export class RulebookRegistry {
  private readonly byId = new Map<string, RulebookRelease>();

  constructor(releases: readonly RulebookRelease[]) {
    for (const release of releases) this.byId.set(releaseId(release), release);
    const problems = releases.flatMap((release) => this.check(release));
    if (problems.length > 0) throw new RulebookDefinitionError(problems);
  }

  releases(): readonly RulebookRelease[] {
    return [...this.byId.values()];
  }

  /** The exact release, or the latest published on or before `asOf`, or the latest. */
  select(selector: RulebookSelector): RulebookRelease {
    const candidates = this.releases()
      .filter((r) => r.name === selector.name && (selector.version === undefined || r.version === selector.version))
      .filter((r) => selector.asOf === undefined || r.publishedOn <= selector.asOf)
      .sort((a, b) => b.version - a.version);
    const chosen = candidates[0];
    if (!chosen) {
      const wanted = `${selector.name}${selector.version === undefined ? '' : `@${selector.version}`}${selector.asOf ? ` as of ${selector.asOf}` : ''}`;
      throw new UnknownRulebookError(wanted, [...this.byId.keys()]);
    }
    return chosen;
  }

  /** Every rule id the release and its bases define. */
  ruleIds(release: RulebookRelease): readonly string[] {
    const ids = new Set(release.rules.map((rule) => rule.id));
    if (release.base) for (const id of this.ruleIds(this.baseOf(release))) ids.add(id);
    return [...ids].sort(compareRuleIds);
  }

  /** The settings in force on `date`: the base's, then this release's changes in date order. */
  settings(release: RulebookRelease, date: LocalDate): RulebookSettings {
    const base = release.base ? this.settings(this.baseOf(release), date) : undefined;
    const changes = release.settings.filter((change) => change.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    const merged = changes.reduce<Partial<RulebookSettings>>((acc, change) => ({ ...acc, ...change.values }), base ?? {});
    return merged as RulebookSettings;
  }

  /** The rule in force for a trigger on `date`; throws UnknownRuleError / RuleNotInForceError. */
  resolveRule(release: RulebookRelease, ruleId: string, date: LocalDate): ResolvedRule {
    const found = this.findDefinition(release, ruleId, date);
    if (!found) {
      const periods = this.allDefinitions(release, ruleId).map((d) => `${d.effectiveFrom} to ${d.effectiveTo ?? 'now'}`);
      if (periods.length > 0) throw new RuleNotInForceError(ruleId, date, periods);
      throw new UnknownRuleError(ruleId, releaseId(release), closeMatches(ruleId, this.ruleIds(release)));
    }
    const overrides = this.overridesFor(release, ruleId, date);
    const definition = overrides.reduce<RuleDefinition>((rule, o) => ({ ...rule, ...o.override.changes }), found.definition);
    const settings = this.settings(release, date);
    const overriddenBy = overrides.map((o) => ({ rulebook: o.rulebook, effectiveFrom: o.override.effectiveFrom, reason: o.override.reason }));
    const ruleVersion = [`${ruleId}/${found.definedBy}/${found.definition.effectiveFrom}`, ...overriddenBy.map((o) => `${o.rulebook}/${o.effectiveFrom}`)].join('+');
    return { definition, rulebookVersion: releaseId(release), definedBy: found.definedBy, overriddenBy, ruleVersion, settings, clocks: materialise(definition, settings) };
  }

  private findDefinition(release: RulebookRelease, ruleId: string, date: LocalDate): { definition: RuleDefinition; definedBy: string } | undefined {
    const own = release.rules.find((rule) => rule.id === ruleId && inForce(rule, date));
    if (own) return { definition: own, definedBy: releaseId(release) };
    return release.base ? this.findDefinition(this.baseOf(release), ruleId, date) : undefined;
  }

  private allDefinitions(release: RulebookRelease, ruleId: string): RuleDefinition[] {
    const own = release.rules.filter((rule) => rule.id === ruleId);
    return release.base ? [...this.allDefinitions(this.baseOf(release), ruleId), ...own] : own;
  }

  private overridesFor(release: RulebookRelease, ruleId: string, date: LocalDate): AppliedOverride[] {
    const base: AppliedOverride[] = release.base ? this.overridesFor(this.baseOf(release), ruleId, date) : [];
    const own = release.overrides
      .filter((o) => o.overrides === ruleId && inForce(o, date))
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
      .map((override) => ({ override, rulebook: releaseId(release) }));
    return [...base, ...own];
  }

  private baseOf(release: RulebookRelease): RulebookRelease {
    const base = release.base && this.byId.get(releaseId(release.base));
    if (!base) throw new RulebookDefinitionError([`${releaseId(release)}: base ${release.base ? releaseId(release.base) : '(none)'} is not registered`]);
    return base;
  }

  private check(release: RulebookRelease): string[] {
    const id = releaseId(release);
    const problems: string[] = [];
    if (release.base && !this.byId.has(releaseId(release.base))) problems.push(`${id}: base ${releaseId(release.base)} is not registered`);
    if (!release.base && release.settings[0]?.values.workingDayCounting === undefined) problems.push(`${id}: a base rulebook must set every setting in its first settings entry`);
    if (!isLocalDate(release.publishedOn)) problems.push(`${id}.publishedOn: not a yyyy-mm-dd date`);
    for (const rule of release.rules) {
      const where = `${id} ${rule.id} from ${rule.effectiveFrom}`;
      if (!/^[A-Z]+-\d{2}$/.test(rule.id)) problems.push(`${where}: id must look like CP-04`);
      if (!isLocalDate(rule.effectiveFrom) || (rule.effectiveTo !== undefined && !isLocalDate(rule.effectiveTo))) problems.push(`${where}: effective dates must be yyyy-mm-dd`);
      if (rule.clocks.length === 0 && !rule.noClock) problems.push(`${where}: a rule without clocks must say why (noClock)`);
      if (new Set(rule.clocks.map((c) => c.key)).size !== rule.clocks.length) problems.push(`${where}: clock keys must be unique`);
      problems.push(...clockTitleProblems(where, rule.clocks));
      const overlapping = release.rules.filter((other) => other !== rule && other.id === rule.id && other.effectiveFrom <= (rule.effectiveTo ?? '9999-12-31') && rule.effectiveFrom <= (other.effectiveTo ?? '9999-12-31'));
      if (overlapping.length > 0) problems.push(`${where}: overlaps another definition of ${rule.id}`);
    }
    for (const override of release.overrides) {
      if (override.changes.clocks !== undefined) problems.push(...clockTitleProblems(`${id} override of ${override.overrides} from ${override.effectiveFrom}`, override.changes.clocks));
    }
    return problems;
  }
}

/**
 * A rule's clock titles: none, or one per clock, each different (a clock falling back to the rule's
 * title beside a titled sibling would be shown as if it were the whole rule). Clocks chosen by the
 * rhiClocks setting run side by side from one trigger, so each needs its own title.
 */
function clockTitleProblems(where: string, clocks: readonly Clock[]): string[] {
  const titles = clocks.map((c) => c.title?.trim()).filter((t): t is string => t !== undefined);
  const problems: string[] = [];
  if (titles.some((t) => t === '')) problems.push(`${where}: a clock title must not be blank`);
  if (titles.length > 0 && titles.length !== clocks.length) problems.push(`${where}: give every clock a title or none`);
  if (new Set(titles).size !== titles.length) problems.push(`${where}: clock titles must be different`);
  if (clocks.some((c) => c.whenRhiClock !== undefined && c.title === undefined)) problems.push(`${where}: clocks run side by side by rhiClocks need their own titles`);
  return problems;
}

function materialise(rule: RuleDefinition, settings: RulebookSettings): ResolvedClock[] {
  return rule.clocks
    .filter((clock) => clock.whenRhiClock === undefined || settings.rhiClocks.includes(clock.whenRhiClock))
    .map((clock) => {
      const fromSettings: string[] = [];
      let duration: Duration;
      if ('setting' in clock.duration) {
        duration = settings[clock.duration.setting];
        fromSettings.push(`setting ${clock.duration.setting}`);
      } else duration = clock.duration;
      let counting: DayCounting = 'day-0';
      if (duration.unit === 'working-days') {
        counting = clock.counting ?? settings.workingDayCounting;
        if (clock.counting === undefined) fromSettings.push('setting workingDayCounting');
      }
      return { key: clock.key, title: clock.title ?? rule.title, label: clock.label, duration, direction: clock.direction ?? 'after', counting, fromSettings };
    });
}

/** CP-04 < CP-10 < LAC-01: by prefix, then number. */
export function compareRuleIds(a: string, b: string): number {
  const [pa = '', na = '0'] = a.split('-');
  const [pb = '', nb = '0'] = b.split('-');
  return pa === pb ? Number(na) - Number(nb) : pa < pb ? -1 : 1;
}

/**
 * The releases shipped with the engine: national@1 and @2 (IRO dispute resolution, IRO-01/IRO-02,
 * no national timescale) and the enfield@1 and @2 overlays (@2: stage timescales). `{ name }`
 * selects the latest; replays select the exact release recorded with each event, so nothing
 * recorded under @1 moves.
 */
export const BUILT_IN_RULEBOOKS = new RulebookRegistry([NATIONAL_1, ENFIELD_1, NATIONAL_2, ENFIELD_2]);

/**
 * Releases prepared but not yet shipped (none at present: national@2 and enfield@2 have shipped).
 * Kept so that a future release can be evaluated side by side before it is switched on.
 */
export const PENDING_RULEBOOKS = new RulebookRegistry([NATIONAL_1, ENFIELD_1, NATIONAL_2, ENFIELD_2]);
