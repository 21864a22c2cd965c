import type { PathwayEvent } from '@workflows/shared';

/** The plan the IRO disputes. */
export const PLAN_KINDS = ['care-plan', 'child-protection-plan', 'pathway-plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** What the dispute is about, as codes for the IRO annual report. */
export const ESCALATION_ISSUES = [
  'care-plan-drift', 'permanence', 'placement', 'contact', 'education', 'health', 'legal-status', 'resources',
  'review-decisions-not-implemented', 'practice-quality', 'child-not-seen', 'other',
] as const;
export type EscalationIssue = (typeof ESCALATION_ISSUES)[number];

/** Internal formal stages before CAFCASS (stage 1 service manager, 2 head of service, 3 director, as local protocols set). */
export const FORMAL_STAGES = [1, 2, 3] as const;
export type FormalStage = (typeof FORMAL_STAGES)[number];

export const STAGE_RESPONSES = ['resolved', 'not-resolved'] as const;
export type StageResponse = (typeof STAGE_RESPONSES)[number];

export const RESOLUTIONS = ['plan-amended', 'action-taken', 'resources-agreed', 'iro-satisfied', 'other'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const WITHDRAWAL_REASONS = ['issue-overtaken', 'child-ceased-looked-after', 'raised-in-error', 'other'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/** The IRO raises a problem with the social worker or team manager: the informal stage (IRO-01). */
export interface EscalationRaised extends PathwayEvent {
  readonly type: 'EscalationRaised';
  readonly iroRef: string;
  readonly teamRef: string;
  readonly plan: PlanKind;
  readonly issues: readonly EscalationIssue[];
}

/** Not resolved in a timescale right for the child: the IRO escalates to the next formal stage (IRO-02). */
export interface EscalatedToFormalStage extends PathwayEvent {
  readonly type: 'EscalatedToFormalStage';
  readonly stage: FormalStage;
  readonly escalatedToRef: string;
}

/** The manager at the current formal stage responds. */
export interface FormalStageResponded extends PathwayEvent {
  readonly type: 'FormalStageResponded';
  readonly response: StageResponse;
  readonly responderRef: string;
}

export interface EscalationResolved extends PathwayEvent {
  readonly type: 'EscalationResolved';
  readonly resolution: Resolution;
}

export interface EscalationWithdrawn extends PathwayEvent {
  readonly type: 'EscalationWithdrawn';
  readonly reason: WithdrawalReason;
}

/** The IRO's last resort (Children Act 1989 s.25B(3)): a referral to CAFCASS. */
export interface ReferredToCafcass extends PathwayEvent {
  readonly type: 'ReferredToCafcass';
  readonly cafcassRef: string;
}

export type IroEscalationEvent =
  | EscalationRaised
  | EscalatedToFormalStage
  | FormalStageResponded
  | EscalationResolved
  | EscalationWithdrawn
  | ReferredToCafcass;

export type IroEscalationEventType = IroEscalationEvent['type'];

export const IRO_ESCALATION_EVENT_TYPES: readonly IroEscalationEventType[] = [
  'EscalationRaised', 'EscalatedToFormalStage', 'FormalStageResponded', 'EscalationResolved', 'EscalationWithdrawn', 'ReferredToCafcass',
];
