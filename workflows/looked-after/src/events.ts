import type { LocalDate, PathwayEvent } from '@workflows/shared';

/** SSDA903 legal statuses (Annex A list 8). */
export const LEGAL_STATUSES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** SSDA903 review participation codes, one per review. */
export const PARTICIPATION_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;
export type ParticipationCode = (typeof PARTICIPATION_CODES)[number];

/** Which reg 28 visiting pattern applies to the placement (LAC-10); the rulebook owns the intervals. */
export const VISIT_REGIMES = ['standard', 'long-term', 'placed-with-parent', 'connected-person-temporary'] as const;
export type VisitRegime = (typeof VISIT_REGIMES)[number];

export interface Placement {
  readonly placementRef: string;
  /** SSDA903 PLACE code, e.g. 'U1', 'K2', 'P1'. */
  readonly placementType: string;
  readonly visitRegime: VisitRegime;
}

export const REVIEW_TIMINGS = ['scheduled', 'early', 'before-significant-change'] as const;
export type ReviewTiming = (typeof REVIEW_TIMINGS)[number];

/** The reg 33(3) reasons for an earlier review (LAC-06). */
export const EARLY_REVIEW_REASONS = ['iro-request', 'welfare-not-safeguarded', 'leaving-custody', 'ceasing-to-accommodate'] as const;
export type EarlyReviewReason = (typeof EARLY_REVIEW_REASONS)[number];

/** Significant changes that need a review first (LAC-07). */
export const SIGNIFICANT_CHANGES = ['placement-move', 'ceasing-to-be-looked-after', 'other-care-plan-change'] as const;
export type SignificantChange = (typeof SIGNIFICANT_CHANGES)[number];

export const HEALTH_ASSESSMENT_KINDS = ['initial', 'review'] as const;
export type HealthAssessmentKind = (typeof HEALTH_ASSESSMENT_KINDS)[number];

interface E<T extends string> extends PathwayEvent {
  readonly type: T;
}

export interface BecameLookedAfter extends E<'BecameLookedAfter'> {
  readonly legalStatus: LegalStatus;
  readonly placement: Placement;
}
export interface LegalStatusChanged extends E<'LegalStatusChanged'> {
  readonly legalStatus: LegalStatus;
}
export interface PlacementChanged extends E<'PlacementChanged'> {
  readonly placement: Placement;
}
/** A reg 28 visit by the child's social worker. */
export interface LacVisitMade extends E<'LacVisitMade'> {
  readonly seenAlone: boolean;
}
export interface CarePlanPrepared extends E<'CarePlanPrepared'> {
  readonly carePlanRef: string;
}
export interface HealthAssessmentCompleted extends E<'HealthAssessmentCompleted'> {
  readonly kind: HealthAssessmentKind;
  readonly childUnderFive: boolean;
}
/** No initial assessment: one was done in the 3 months before (LAC-11). */
export interface InitialHealthAssessmentNotRequired extends E<'InitialHealthAssessmentNotRequired'> {
  readonly previousAssessmentRef: string;
}
export interface PepCompleted extends E<'PepCompleted'> {
  readonly pepRef: string;
}
export interface LacReviewScheduled extends E<'LacReviewScheduled'> {
  readonly scheduledFor: LocalDate;
}
export interface SocialWorkerReportSubmitted extends E<'SocialWorkerReportSubmitted'> {
  readonly reportRef: string;
}
export interface LacReviewHeld extends E<'LacReviewHeld'> {
  readonly participation: ParticipationCode;
  readonly timing: ReviewTiming;
  /** Required when the timing is 'early'. */
  readonly earlyReason?: EarlyReviewReason;
  readonly iroRef: string;
}
/** The IRO opened the review meeting and adjourned it (LAC-09: once, completed within 20 wd). */
export interface LacReviewAdjourned extends E<'LacReviewAdjourned'> {
  readonly iroRef: string;
}
export interface LacReviewRecordCompleted extends E<'LacReviewRecordCompleted'> {
  readonly reviewNumber: number;
}
export interface LacReviewDecisionsQueried extends E<'LacReviewDecisionsQueried'> {
  readonly reviewNumber: number;
  readonly queryRef: string;
}
export interface LacReviewDecisionsFinalised extends E<'LacReviewDecisionsFinalised'> {
  readonly reviewNumber: number;
}
export interface SignificantChangeProposed extends E<'SignificantChangeProposed'> {
  readonly change: SignificantChange;
}
export interface SignificantChangeWithdrawn extends E<'SignificantChangeWithdrawn'> {
  readonly change: SignificantChange;
}
export interface CeasedLookedAfter extends E<'CeasedLookedAfter'> {
  /** SSDA903 REC code, e.g. 'E13', 'E4A'. */
  readonly reason: string;
}

export type LookedAfterEvent =
  | BecameLookedAfter | LegalStatusChanged | PlacementChanged | LacVisitMade | CarePlanPrepared
  | HealthAssessmentCompleted | InitialHealthAssessmentNotRequired | PepCompleted
  | LacReviewScheduled | SocialWorkerReportSubmitted | LacReviewHeld | LacReviewAdjourned
  | LacReviewRecordCompleted | LacReviewDecisionsQueried | LacReviewDecisionsFinalised
  | SignificantChangeProposed | SignificantChangeWithdrawn | CeasedLookedAfter;

export type LookedAfterEventType = LookedAfterEvent['type'];

export const LOOKED_AFTER_EVENT_TYPES: readonly LookedAfterEventType[] = [
  'BecameLookedAfter', 'LegalStatusChanged', 'PlacementChanged', 'LacVisitMade', 'CarePlanPrepared',
  'HealthAssessmentCompleted', 'InitialHealthAssessmentNotRequired', 'PepCompleted', 'LacReviewScheduled',
  'SocialWorkerReportSubmitted', 'LacReviewHeld', 'LacReviewAdjourned', 'LacReviewRecordCompleted',
  'LacReviewDecisionsQueried', 'LacReviewDecisionsFinalised', 'SignificantChangeProposed',
  'SignificantChangeWithdrawn', 'CeasedLookedAfter',
];
