import type { PathwayEvent } from '@workflows/shared';

/** Categories as the LADO annual report counts them. */
export const ALLEGATION_CATEGORIES = ['physical', 'sexual', 'emotional', 'neglect', 'conduct', 'other'] as const;
export type AllegationCategory = (typeof ALLEGATION_CATEGORIES)[number];

/** The sector the adult works or volunteers in. */
export const WORK_SETTINGS = [
  'education', 'early-years', 'health', 'social-care', 'foster-care', 'residential-care', 'police', 'faith',
  'sport-and-leisure', 'transport', 'voluntary', 'other',
] as const;
export type WorkSetting = (typeof WORK_SETTINGS)[number];

export const REFERRER_TYPES = [
  'employer', 'police', 'children-social-care', 'parent-or-carer', 'young-person', 'ofsted', 'other-local-authority', 'partner-agency', 'other',
] as const;
export type ReferrerType = (typeof REFERRER_TYPES)[number];

export const CONSIDERATION_DECISIONS = ['threshold-met', 'below-threshold'] as const;
export type ConsiderationDecision = (typeof CONSIDERATION_DECISIONS)[number];

/**
 * What the LADO does with an allegation that meets the threshold: an ASV meeting; or (KCSIE)
 * clearly unsubstantiated or malicious, resolved within a week (LADO-03); or no possible offence
 * and no formal disciplinary, the employer acts within 3 working days (LADO-04).
 */
export const CONSIDERATION_ROUTES = ['asv-meeting', 'clearly-unsubstantiated', 'employer-action'] as const;
export type ConsiderationRoute = (typeof CONSIDERATION_ROUTES)[number];

export const ASV_MEETING_KINDS = ['initial', 'review'] as const;
export type AsvMeetingKind = (typeof ASV_MEETING_KINDS)[number];

export const ASV_AGENCIES = ['lado', 'police', 'employer', 'human-resources', 'children-social-care', 'health', 'education', 'ofsted', 'other'] as const;
export type AsvAgency = (typeof ASV_AGENCIES)[number];

export const INVESTIGATION_KINDS = ['police', 'social-care', 'employer-disciplinary'] as const;
export type InvestigationKind = (typeof INVESTIGATION_KINDS)[number];

export const CPS_DECISIONS = ['charge', 'no-further-action'] as const;
export type CpsDecision = (typeof CPS_DECISIONS)[number];

/** KCSIE Part four outcome definitions (LADO-07). */
export const ALLEGATION_OUTCOMES = ['substantiated', 'unsubstantiated', 'unfounded', 'malicious', 'false'] as const;
export type AllegationOutcome = (typeof ALLEGATION_OUTCOMES)[number];

export const EMPLOYER_ACTIONS = [
  'dismissal', 'resignation', 'dbs-referral', 'suspension', 'redeployment', 'final-warning', 'training-or-guidance', 'other',
] as const;
export type EmployerAction = (typeof EMPLOYER_ACTIONS)[number];

/** Whom the allegation is about and whom it concerns: references only, never names. */
export interface AllegationSubject {
  readonly adultRef: string;
  readonly employerRef: string;
  readonly childRefs: readonly string[];
  readonly category: AllegationCategory;
  readonly setting: WorkSetting;
}

/** The allegation came to the employer's attention (or was made to the police): LADO-01 starts. */
export interface AllegationKnownToEmployer extends PathwayEvent {
  readonly type: 'AllegationKnownToEmployer';
  readonly subject: AllegationSubject;
}

/** The LADO received the referral: the case opens. `subject` is required when nothing came before. */
export interface ReferredToLado extends PathwayEvent {
  readonly type: 'ReferredToLado';
  readonly referrerType: ReferrerType;
  readonly subject?: AllegationSubject;
}

export interface InitialConsiderationHeld extends PathwayEvent {
  readonly type: 'InitialConsiderationHeld';
  readonly decision: ConsiderationDecision;
  /** Required when the threshold is met; absent for a consultation. */
  readonly route?: ConsiderationRoute;
  readonly ladoRef: string;
}

/** An Allegations against Staff and Volunteers meeting (London procedures), or a review ASV meeting. */
export interface AsvMeetingHeld extends PathwayEvent {
  readonly type: 'AsvMeetingHeld';
  readonly kind: AsvMeetingKind;
  readonly agencies: readonly AsvAgency[];
}

export interface InvestigationStarted extends PathwayEvent {
  readonly type: 'InvestigationStarted';
  readonly kind: InvestigationKind;
  /** Employer disciplinary only: a hearing can be held without further investigation (LADO-05, 15 working days). */
  readonly hearingWithoutFurtherInvestigation?: boolean;
}

export interface ReferredToCps extends PathwayEvent {
  readonly type: 'ReferredToCps';
}

export interface CpsDecisionMade extends PathwayEvent {
  readonly type: 'CpsDecisionMade';
  readonly decision: CpsDecision;
}

export interface InvestigationConcluded extends PathwayEvent {
  readonly type: 'InvestigationConcluded';
  readonly kind: InvestigationKind;
}

export interface ActionTaken extends PathwayEvent {
  readonly type: 'ActionTaken';
  readonly action: EmployerAction;
}

export interface OutcomeRecorded extends PathwayEvent {
  readonly type: 'OutcomeRecorded';
  readonly outcome: AllegationOutcome;
}

export interface AllegationClosed extends PathwayEvent {
  readonly type: 'AllegationClosed';
}

export type LadoEvent =
  | AllegationKnownToEmployer
  | ReferredToLado
  | InitialConsiderationHeld
  | AsvMeetingHeld
  | InvestigationStarted
  | ReferredToCps
  | CpsDecisionMade
  | InvestigationConcluded
  | ActionTaken
  | OutcomeRecorded
  | AllegationClosed;

export type LadoEventType = LadoEvent['type'];

export const LADO_EVENT_TYPES: readonly LadoEventType[] = [
  'AllegationKnownToEmployer', 'ReferredToLado', 'InitialConsiderationHeld', 'AsvMeetingHeld', 'InvestigationStarted',
  'ReferredToCps', 'CpsDecisionMade', 'InvestigationConcluded', 'ActionTaken', 'OutcomeRecorded', 'AllegationClosed',
];
