import type { IsoInstant, LocalDate } from './dates';

/**
 * The deadline-intent vocabulary. Pathway machines never compute a due date: they say which
 * deadline opens (rule id + trigger), and which one is met, cancelled or lapses. The case lib
 * turns intents into deadlines with the rulebook (due date, act-by, owner, status).
 */

/**
 * Rule ids as in TIMESCALES.md. Its section 6a local rules have no ids there; ENF-01 (social
 * worker's report before a LAC review), ENF-02 (review record after it) and ENF-03 (managers'
 * queries on review decisions) are the ids the rulebook's Enfield overlay gives them. IRO-01
 * (informal stage) and IRO-02 (formal stages) of an IRO's dispute resolution have no national
 * timescale: a council's overlay gives them clocks.
 */
export type RuleId =
  | 'CP-01' | 'CP-02' | 'CP-04' | 'CP-06' | 'CP-07' | 'CP-08' | 'CP-09' | 'CP-10' | 'CP-12'
  | 'LAC-01' | 'LAC-03' | 'LAC-04' | 'LAC-05' | 'LAC-07' | 'LAC-09' | 'LAC-10' | 'LAC-11' | 'LAC-12' | 'LAC-13'
  | 'MIS-01'
  | 'LADO-01' | 'LADO-03' | 'LADO-04' | 'LADO-05' | 'LADO-06'
  | 'IRO-01' | 'IRO-02'
  | 'ENF-01' | 'ENF-02' | 'ENF-03';

/** Facts about the trigger that change how a rule counts (the rulebook reads them). */
export type Qualifier =
  | 'mother-not-medically-fit' // CP-10: 20 days instead of 10
  | 'child-under-5' // LAC-12: review health assessment every 6 months, not 12
  | 'placed-with-parent' // LAC-10: reg 19 / care order + parent visiting regimes
  | 'connected-person-temporary' // LAC-10: reg 24 temporary approval
  | 'long-term-placement' // LAC-10: placement intended to last until 18
  /**
   * Only the trigger's London date is known (a return recorded without a time): count from
   * `trigger.on` ({ date }), not from `trigger.at`; the rulebook assumes 23:59 London and marks
   * the deadline `timeAssumed` (TIMESCALES.md 2.3).
   */
  | 'time-unknown';

/** Dates other than the trigger's own that a rule counts from or towards. */
export interface Anchors {
  /** The planned date of a meeting a deadline counts back from (report N working days before). */
  readonly scheduledFor?: LocalDate;
  /** Start of the current placement (reg 28: "first year of the placement"). */
  readonly placementStartedOn?: LocalDate;
}

/** Why an open deadline stopped applying without being met. */
export type CancelReason =
  | 'icpc-not-required'
  | 'family-left-area'
  | 'no-significant-harm'
  | 'care-proceedings'
  | 'plan-ended'
  | 'placement-changed'
  | 'review-rescheduled'
  | 'change-withdrawn'
  | 'not-required-recent-assessment'
  | 'ceased-looked-after'
  | 'rhi-declined' // the child declined the return interview
  | 'rhi-not-possible' // a return interview could not take place (the reason is on the event)
  | 'below-threshold' // the LADO's initial consideration: a consultation, not an allegation
  | 'allegation-closed'
  | 'no-assessment-needed' // the referral decision needs no assessment
  | 'assessment-ended' // the referral or assessment ended without an authorised assessment
  | 'escalation-resolved'
  | 'escalation-withdrawn'
  | 'referred-to-cafcass';

/** An event of the pathway, by type and dates: what triggered or closed a deadline. */
export interface EventRef {
  readonly event: string;
  readonly at: IsoInstant;
  readonly on: LocalDate;
}

export type DeadlineIntent =
  | {
      readonly kind: 'open';
      readonly key: string;
      readonly series: string;
      readonly ruleId: RuleId;
      /** Which clock of a rule with several (MIS-01 `offered`/`completed`); absent: the rule's first running clock. */
      readonly clock?: string;
      readonly trigger: EventRef;
      readonly qualifiers: readonly Qualifier[];
      readonly anchors: Anchors;
    }
  | { readonly kind: 'meet'; readonly key: string; readonly by: EventRef }
  | { readonly kind: 'cancel'; readonly key: string; readonly reason: CancelReason; readonly by: EventRef }
  /** The event the deadline had to come before has happened without it (LAC-07): breached. */
  | { readonly kind: 'lapse'; readonly key: string; readonly by: EventRef };

export type OpenIntent = Extract<DeadlineIntent, { kind: 'open' }>;
export type ClosingIntent = Exclude<DeadlineIntent, OpenIntent>;

/**
 * What a pathway instance knows about its deadlines: the open ones by key, how many of each
 * series were ever opened (so keys are deterministic: 'rcpc-1', 'rcpc-2'...), and the journal of
 * every intent in order. Plain data: it lives in the machine's context and serialises with it.
 */
export interface DeadlineLedger {
  readonly open: Readonly<Record<string, OpenIntent>>;
  readonly opened: Readonly<Record<string, number>>;
  readonly journal: readonly DeadlineIntent[];
}

export const emptyLedger: DeadlineLedger = { open: {}, opened: {}, journal: [] };

export function openDeadlines(ledger: DeadlineLedger, series?: string): readonly OpenIntent[] {
  const all = Object.values(ledger.open);
  return series === undefined ? all : all.filter((d) => d.series === series);
}
