import {
  allowedAssessmentEvents, applyAssessment, assessmentMachine, assessmentState, startAssessment,
  type AssessmentEvent, type AssessmentEventType, type AssessmentSnapshot,
} from '@workflows/assessment';
import type { EventFieldSpecs } from '../fields';
import type { CommandsOf, OwnerKind, PathwayDefinition } from './types';
import { once, replayer } from './replay';

export const ASSESSMENT_COMMANDS = {
  RecordReferral: 'ReferralReceived',
  RecordReferralDecision: 'ReferralDecisionMade',
  StartAssessment: 'AssessmentStarted',
  CompleteAssessment: 'AssessmentCompleted',
  ReturnAssessmentForRework: 'AssessmentReturnedForRework',
  AuthoriseAssessment: 'AssessmentAuthorised',
  EndAssessment: 'AssessmentEnded',
} as const satisfies Readonly<Record<string, AssessmentEventType>>;

export type AssessmentCommand = CommandsOf<AssessmentEvent, typeof ASSESSMENT_COMMANDS>;

/** The fields each event carries (anything else in a command is refused). */
const ASSESSMENT_FIELDS: EventFieldSpecs<AssessmentEvent> = {
  ReferralReceived: { source: true },
  ReferralDecisionMade: { decision: true, decidedByRef: true },
  AssessmentStarted: { workerRef: true },
  AssessmentCompleted: { workerRef: true },
  AssessmentReturnedForRework: { managerRef: true },
  AssessmentAuthorised: { managerRef: true, outcome: true, delayReason: true },
  AssessmentEnded: { reason: true },
};

/**
 * One referral and its single assessment per instance ('asm-3'). A new referral may be recorded
 * once the last one is closed (decided without an assessment, authorised, or ended).
 */
/** Replays stored events: the bare transition (see replay.ts). */
const replayAssessmentMachine = replayer(assessmentMachine);

export const assessmentPathway: PathwayDefinition<'assessment', AssessmentSnapshot, AssessmentEvent, typeof ASSESSMENT_COMMANDS> = {
  kind: 'assessment',
  instancePrefix: 'asm',
  commands: ASSESSMENT_COMMANDS,
  fields: ASSESSMENT_FIELDS,
  starts: ['ReferralReceived'],
  start: once(startAssessment),
  apply: applyAssessment,
  replay: replayAssessmentMachine,
  state: assessmentState,
  allowed: allowedAssessmentEvents,
  ledger: (snapshot) => snapshot.context.ledger,
  active: (snapshot) => snapshot.status === 'active',
  endedOn: (snapshot) => snapshot.context.endedOn ?? (snapshot.status === 'done' ? snapshot.context.decidedOn : undefined),
  // The decision and the assessment are the team's.
  owner: (): OwnerKind => 'team',
};

/** Whether an assessment's decision (or its authorised outcome) was to hold a strategy discussion. */
export function ledToStrategyDiscussion(snapshot: AssessmentSnapshot): true | string {
  const { decision, outcome } = snapshot.context;
  if (decision === 'strategy-discussion' || outcome === 'strategy-discussion') return true;
  return `its decision was ${decision ?? 'not yet made'}${outcome === undefined ? '' : ` and its outcome ${outcome}`}, not strategy-discussion`;
}
