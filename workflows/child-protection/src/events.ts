import type { PathwayEvent } from '@workflows/shared';

/** What a strategy discussion decided. `section-47` with `initiatesS47` starts the ICPC clock. */
export const STRATEGY_DECISIONS = ['section-47', 'reconvene', 'child-in-need', 'no-further-action'] as const;
export type StrategyDecision = (typeof STRATEGY_DECISIONS)[number];

/** Annex A list 7 categories of abuse. */
export const CP_CATEGORIES = ['neglect', 'physical', 'sexual', 'emotional', 'multiple'] as const;
export type CpCategory = (typeof CP_CATEGORIES)[number];

export const CONFERENCE_OUTCOMES = ['plan', 'no-plan'] as const;
export type ConferenceOutcome = (typeof CONFERENCE_OUTCOMES)[number];

/** Why an initial (or transfer-in) conference that was due did not take place. */
export const NOT_HELD_REASONS = ['family-left-area', 'no-significant-harm', 'care-proceedings'] as const;
export type NotHeldReason = (typeof NOT_HELD_REASONS)[number];

export const REVIEW_DECISIONS = ['continue-plan', 'end-plan'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Plan endings other than a review conference's decision (CP-13). */
export const PLAN_END_REASONS = ['moved-away', 'transferred-out', 'became-looked-after', 'turned-18', 'died', 'other'] as const;
export type PlanEndReason = (typeof PLAN_END_REASONS)[number];

/** Who took part. Other agencies by code (for example 'probation', 'housing'), never by name. */
export interface Attendance {
  readonly police: boolean;
  readonly health: boolean;
  readonly education: boolean;
  readonly others: readonly string[];
}

export interface StrategyDiscussionHeld extends PathwayEvent {
  readonly type: 'StrategyDiscussionHeld';
  readonly attendance: Attendance;
  readonly decision: StrategyDecision;
  /** Reference to the recorded rationale (a document or record id), not free text. */
  readonly rationaleRef: string;
  readonly initiatesS47: boolean;
}

export interface InitialConferenceHeld extends PathwayEvent {
  readonly type: 'InitialConferenceHeld';
  readonly outcome: ConferenceOutcome;
  /** Required when the outcome is a plan. */
  readonly category?: CpCategory;
  /** The child is not yet born: the review clock starts at birth (CP-10). */
  readonly preBirth: boolean;
}

/** The section 47 enquiry concluded that no conference is needed (CIN census ICPCnotRequired). */
export interface InitialConferenceNotRequired extends PathwayEvent {
  readonly type: 'InitialConferenceNotRequired';
  readonly decisionRef: string;
}

export interface InitialConferenceNotHeld extends PathwayEvent {
  readonly type: 'InitialConferenceNotHeld';
  readonly reason: NotHeldReason;
}

/** Notice that a child on another authority's plan has moved into the area (CP-12). */
export interface TransferInNotified extends PathwayEvent {
  readonly type: 'TransferInNotified';
  readonly fromAuthorityRef: string;
}

export interface TransferInConferenceHeld extends PathwayEvent {
  readonly type: 'TransferInConferenceHeld';
  readonly outcome: ConferenceOutcome;
  readonly category?: CpCategory;
}

export interface TransferInConferenceNotHeld extends PathwayEvent {
  readonly type: 'TransferInConferenceNotHeld';
  readonly reason: NotHeldReason;
}

export interface ChildBorn extends PathwayEvent {
  readonly type: 'ChildBorn';
  /** False gives the mother's recovery its longer post-birth window (CP-10: 20 days). */
  readonly motherMedicallyFit: boolean;
}

export interface CoreGroupHeld extends PathwayEvent {
  readonly type: 'CoreGroupHeld';
}

export interface ReviewConferenceHeld extends PathwayEvent {
  readonly type: 'ReviewConferenceHeld';
  readonly decision: ReviewDecision;
  /** The latest category of abuse, when the conference changed it. */
  readonly category?: CpCategory;
}

export interface PlanEnded extends PathwayEvent {
  readonly type: 'PlanEnded';
  readonly reason: PlanEndReason;
}

export type ChildProtectionEvent =
  | StrategyDiscussionHeld
  | InitialConferenceHeld
  | InitialConferenceNotRequired
  | InitialConferenceNotHeld
  | TransferInNotified
  | TransferInConferenceHeld
  | TransferInConferenceNotHeld
  | ChildBorn
  | CoreGroupHeld
  | ReviewConferenceHeld
  | PlanEnded;

export type ChildProtectionEventType = ChildProtectionEvent['type'];

export const CHILD_PROTECTION_EVENT_TYPES: readonly ChildProtectionEventType[] = [
  'StrategyDiscussionHeld', 'InitialConferenceHeld', 'InitialConferenceNotRequired', 'InitialConferenceNotHeld',
  'TransferInNotified', 'TransferInConferenceHeld', 'TransferInConferenceNotHeld', 'ChildBorn', 'CoreGroupHeld',
  'ReviewConferenceHeld', 'PlanEnded',
];
