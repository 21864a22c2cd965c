import type { DayCounting, Duration, LocalDate } from '@csc/calendar';

/** How binding a rule is (TIMESCALES.md section 0). */
export type LegalStatus = 'REG' | 'SG' | 'LOCAL' | 'DATA' | 'INSP';

/** How well the rule's source was verified: official text [V], third party [V3], recalled [R]. */
export type Evidence = 'V' | 'V3' | 'R';

export type Pathway = 'child-protection' | 'looked-after' | 'missing' | 'lado' | 'private-fostering' | 'iro';

/** A duration taken from a rulebook setting instead of fixed in the rule. */
export interface SettingDuration {
  readonly setting: 'cpVisitFrequency';
}

/** One clock a rule starts (most rules have one; MIS-01 has `offered` and `completed`). */
export interface Clock {
  /** Stable key within the rule: `default`, `offered`, `first-year`, ... */
  readonly key: string;
  /** What must have happened by the due date. */
  readonly label: string;
  /**
   * The title this clock's deadlines are shown under (queues, the API, calendar feeds), when it
   * is not the rule's own. Clocks that run side by side from one trigger (MIS-01's offered and
   * completed, LADO-06's three targets) each need one, or their deadlines look like one row
   * listed twice; clocks that are alternatives (one per deadline) keep the rule's title.
   */
  readonly title?: string;
  readonly duration: Duration | SettingDuration;
  /** `before`: the deadline precedes the trigger (a report due before a review). Default `after`. */
  readonly direction?: 'after' | 'before';
  /** Working days: fixes day-0 or day-1 for this clock, overriding the `workingDayCounting` setting. */
  readonly counting?: DayCounting;
  /** The clock runs only when the rulebook setting `rhiClocks` includes this value. */
  readonly whenRhiClock?: RhiClock;
}

/** One effective-dated definition of a rule (TIMESCALES.md sections 1 and 6a). */
export interface RuleDefinition {
  /** `CP-04`, `LAC-03`, `MIS-01`, `ENF-01`, ... */
  readonly id: string;
  readonly title: string;
  readonly pathway: Pathway;
  /** The event that starts the clock (day 0). */
  readonly trigger: string;
  /** The event that meets it. */
  readonly deadline: string;
  /** Empty when the sources set no numeric timescale; `noClock` says what they say instead. */
  readonly clocks: readonly Clock[];
  readonly noClock?: string;
  /** Document, paragraph or regulation, and version. */
  readonly source: string;
  readonly status: readonly LegalStatus[];
  readonly evidence: Evidence;
  /** First trigger date this definition applies to. */
  readonly effectiveFrom: LocalDate;
  /** Last trigger date it applies to (inclusive); open-ended when absent. */
  readonly effectiveTo?: LocalDate;
  readonly notes?: string;
}

/** An overlay's change to a base rule from a date: any field but the id and dates. */
export interface RuleOverride {
  readonly overrides: string;
  readonly effectiveFrom: LocalDate;
  readonly effectiveTo?: LocalDate;
  readonly changes: Partial<Omit<RuleDefinition, 'id' | 'effectiveFrom' | 'effectiveTo'>>;
  /** Why the council differs (its procedure, report or decision). */
  readonly reason: string;
}

export type RhiClock = 'offered' | 'completed';

/** Choices the sources leave open; each has a national default and may be changed by an overlay. */
export interface RulebookSettings {
  /** Day 0 (national default, DfE statistics) or day 1 (some local procedures) for working-day clocks. */
  readonly workingDayCounting: DayCounting;
  /** Which return-interview clocks of MIS-01 run: offered, completed, or both (the guidance is ambiguous). */
  readonly rhiClocks: readonly RhiClock[];
  /** CP-11: minimum frequency of CP statutory visits (no national frequency; set per council). */
  readonly cpVisitFrequency: Duration;
  /** LADO-06 portfolio targets: share of cases resolved within each clock (null = "all but the most exceptional"). */
  readonly ladoResolutionTargets: readonly { readonly clock: string; readonly share: number | null }[];
}

/** A change of settings from a date. */
export interface SettingsChange {
  readonly effectiveFrom: LocalDate;
  readonly values: Partial<RulebookSettings>;
  readonly source: string;
}

/**
 * One immutable release of a rulebook. A release never changes once
 * published: its due dates are pinned by a golden test. A change that would
 * move any due date is a new release with a higher version.
 */
export interface RulebookRelease {
  /** `national`, `enfield`, ... */
  readonly name: string;
  readonly version: number;
  readonly publishedOn: LocalDate;
  readonly description: string;
  /** Overlays name the exact base release they lie over; the national rulebook has none. */
  readonly base?: { readonly name: string; readonly version: number };
  readonly rules: readonly RuleDefinition[];
  readonly overrides: readonly RuleOverride[];
  /** Applied in order of effectiveFrom; the national release's first entry must set every setting. */
  readonly settings: readonly SettingsChange[];
}

/** Which rulebook to use: a name, and optionally an exact release or the release current on a date. */
export interface RulebookSelector {
  readonly name: string;
  /** Pin an exact release (what replays do, using the version recorded with the event). */
  readonly version?: number;
  /** Otherwise, the latest release published on or before this date (default: the latest). */
  readonly asOf?: LocalDate;
}
