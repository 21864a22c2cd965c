import type { PathwayEvent } from '@workflows/shared';

/** SSDA903 MISSING: `missing` (M) starts the return interview clocks; `absent` (A, away without authorisation) does not. */
export const EPISODE_KINDS = ['missing', 'absent'] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

/** What the child was when the fact was recorded: decides who does the interview (see `interviewerFor`). */
export const CHILD_STATUSES = ['looked-after', 'child-protection-plan', 'child-in-need', 'other'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

export const RETURN_ROUTES = ['self-returned', 'found-by-police', 'found-by-family-or-carer', 'found-by-professional', 'other'] as const;
export type ReturnRoute = (typeof RETURN_ROUTES)[number];

/** Who offers and carries out the interview: an IRO, or a worker independent of the child's care. */
export const INTERVIEWER_ROLES = ['iro', 'independent-worker'] as const;
export type InterviewerRole = (typeof INTERVIEWER_ROLES)[number];

/** Push factors (what drove the child away), as codes for trend analysis. */
export const PUSH_FACTORS = [
  'conflict-at-home', 'unhappy-in-placement', 'abuse-or-neglect', 'domestic-abuse', 'boundaries-and-rules', 'bullying',
  'school-difficulties', 'mental-health', 'substance-misuse-at-home', 'bereavement-or-loss', 'other',
] as const;
export type PushFactor = (typeof PUSH_FACTORS)[number];

/** Pull factors (what drew the child away). */
export const PULL_FACTORS = [
  'friends', 'family', 'boyfriend-or-girlfriend', 'peer-group', 'adult-known-to-child', 'previous-placement-area',
  'substances', 'money-or-gifts', 'other',
] as const;
export type PullFactor = (typeof PULL_FACTORS)[number];

/** Risks identified at the interview. */
export const RISKS = [
  'child-sexual-exploitation', 'child-criminal-exploitation', 'county-lines', 'trafficking', 'gang-association',
  'substance-misuse', 'harmed-while-missing', 'slept-rough', 'radicalisation', 'other',
] as const;
export type Risk = (typeof RISKS)[number];

export const NOT_POSSIBLE_REASONS = ['missing-again', 'moved-out-of-area', 'in-custody', 'in-hospital', 'not-contactable', 'other'] as const;
export type NotPossibleReason = (typeof NOT_POSSIBLE_REASONS)[number];

export const WITHDRAWAL_REASONS = ['recorded-in-error', 'not-missing'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/** The child went missing (or was absent): `occurredAt` is when (SSDA903 MIS_START). */
export interface MissingReported extends PathwayEvent {
  readonly type: 'MissingReported';
  readonly kind: EpisodeKind;
  readonly childStatus: ChildStatus;
}

/**
 * The child returned or was found: `occurredAt` is the return instant, which starts the 72-hour
 * clocks. With `timeKnown: false` only `occurredOn` is known: the clocks count from that date.
 */
export interface ChildReturned extends PathwayEvent {
  readonly type: 'ChildReturned';
  readonly timeKnown: boolean;
  readonly childStatus: ChildStatus;
  readonly returnedHow: ReturnRoute;
}

/** The child's status changed during the episode (came into care): the interview may move to the IRO. */
export interface ChildStatusChanged extends PathwayEvent {
  readonly type: 'ChildStatusChanged';
  readonly childStatus: ChildStatus;
}

export interface ReturnInterviewOffered extends PathwayEvent {
  readonly type: 'ReturnInterviewOffered';
  readonly interviewerRole: InterviewerRole;
  readonly interviewerRef: string;
}

/** The interview took place; what it found is recorded as codes, never as free text about the child. */
export interface ReturnInterviewCompleted extends PathwayEvent {
  readonly type: 'ReturnInterviewCompleted';
  readonly interviewerRole: InterviewerRole;
  readonly interviewerRef: string;
  readonly pushFactors: readonly PushFactor[];
  readonly pullFactors: readonly PullFactor[];
  readonly risks: readonly Risk[];
}

export interface ReturnInterviewDeclined extends PathwayEvent {
  readonly type: 'ReturnInterviewDeclined';
}

export interface ReturnInterviewNotPossible extends PathwayEvent {
  readonly type: 'ReturnInterviewNotPossible';
  readonly reason: NotPossibleReason;
}

/** The report was a mistake (the child was not missing): the episode ends with nothing due. */
export interface MissingReportWithdrawn extends PathwayEvent {
  readonly type: 'MissingReportWithdrawn';
  readonly reason: WithdrawalReason;
}

export type MissingEpisodeEvent =
  | MissingReported
  | ChildReturned
  | ChildStatusChanged
  | ReturnInterviewOffered
  | ReturnInterviewCompleted
  | ReturnInterviewDeclined
  | ReturnInterviewNotPossible
  | MissingReportWithdrawn;

export type MissingEpisodeEventType = MissingEpisodeEvent['type'];

export const MISSING_EPISODE_EVENT_TYPES: readonly MissingEpisodeEventType[] = [
  'MissingReported', 'ChildReturned', 'ChildStatusChanged', 'ReturnInterviewOffered', 'ReturnInterviewCompleted',
  'ReturnInterviewDeclined', 'ReturnInterviewNotPossible', 'MissingReportWithdrawn',
];
