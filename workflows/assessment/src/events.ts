import type { PathwayEvent } from '@workflows/shared';

/** What the decision on a referral (CP-01) was: the first two lead to a single assessment. */
export const REFERRAL_DECISIONS = ['single-assessment', 'strategy-discussion', 'early-help', 'signposted', 'no-further-action'] as const;
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number];

/** What the authorised assessment concluded. */
export const ASSESSMENT_OUTCOMES = ['child-in-need-plan', 'strategy-discussion', 'looked-after', 'early-help', 'no-further-action', 'other'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/** Why an assessment took longer than 45 working days (WT: reasons must be recorded if exceeded). */
export const DELAY_REASONS = ['complexity', 'family-not-engaging', 'awaiting-partner-information', 'staffing', 'other'] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];

export const ENDED_REASONS = ['moved-out-of-area', 'duplicate-referral', 'consent-withdrawn', 'child-died', 'other'] as const;
export type EndedReason = (typeof ENDED_REASONS)[number];

/** A referral received by children's social care: day 0 of CP-01 and CP-02. */
export interface ReferralReceived extends PathwayEvent {
  readonly type: 'ReferralReceived';
  /** CIN census referral source code, e.g. '5A' (school), '3A' (police). */
  readonly source: string;
}

export interface ReferralDecisionMade extends PathwayEvent {
  readonly type: 'ReferralDecisionMade';
  readonly decision: ReferralDecision;
  readonly decidedByRef: string;
}

export interface AssessmentStarted extends PathwayEvent {
  readonly type: 'AssessmentStarted';
  readonly workerRef: string;
}

/** The social worker concluded the assessment: the completion date is kept, the clock runs to authorisation. */
export interface AssessmentCompleted extends PathwayEvent {
  readonly type: 'AssessmentCompleted';
  readonly workerRef: string;
}

export interface AssessmentReturnedForRework extends PathwayEvent {
  readonly type: 'AssessmentReturnedForRework';
  readonly managerRef: string;
}

/** The manager authorised the assessment: meets CP-02 (the seeds' 61% was measured on this date). */
export interface AssessmentAuthorised extends PathwayEvent {
  readonly type: 'AssessmentAuthorised';
  readonly managerRef: string;
  readonly outcome: AssessmentOutcome;
  /** Why it took longer than 45 working days, when it did (the case lib knows the due date). */
  readonly delayReason?: DelayReason;
}

/** The referral or assessment ended without an authorised assessment. */
export interface AssessmentEnded extends PathwayEvent {
  readonly type: 'AssessmentEnded';
  readonly reason: EndedReason;
}

export type AssessmentEvent =
  | ReferralReceived
  | ReferralDecisionMade
  | AssessmentStarted
  | AssessmentCompleted
  | AssessmentReturnedForRework
  | AssessmentAuthorised
  | AssessmentEnded;

export type AssessmentEventType = AssessmentEvent['type'];

export const ASSESSMENT_EVENT_TYPES: readonly AssessmentEventType[] = [
  'ReferralReceived', 'ReferralDecisionMade', 'AssessmentStarted', 'AssessmentCompleted', 'AssessmentReturnedForRework',
  'AssessmentAuthorised', 'AssessmentEnded',
];
