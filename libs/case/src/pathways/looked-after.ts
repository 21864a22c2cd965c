import {
  allowedLookedAfterEvents, applyLookedAfter, lookedAfterMachine, lookedAfterState, startLookedAfter,
  type LookedAfterEvent, type LookedAfterEventType, type LookedAfterSnapshot,
} from '@workflows/looked-after';
import type { EventFieldSpecs } from '../fields';
import type { CommandsOf, OwnerKind, PathwayDefinition } from './types';
import { once, replayer } from './replay';

export const LOOKED_AFTER_COMMANDS = {
  RecordBecameLookedAfter: 'BecameLookedAfter',
  RecordLegalStatusChange: 'LegalStatusChanged',
  RecordPlacementChange: 'PlacementChanged',
  RecordLacVisit: 'LacVisitMade',
  RecordCarePlan: 'CarePlanPrepared',
  RecordHealthAssessment: 'HealthAssessmentCompleted',
  RecordInitialHealthAssessmentNotRequired: 'InitialHealthAssessmentNotRequired',
  RecordPep: 'PepCompleted',
  ScheduleLacReview: 'LacReviewScheduled',
  RecordSocialWorkerReport: 'SocialWorkerReportSubmitted',
  RecordLacReview: 'LacReviewHeld',
  AdjournLacReview: 'LacReviewAdjourned',
  CompleteLacReviewRecord: 'LacReviewRecordCompleted',
  QueryLacReviewDecisions: 'LacReviewDecisionsQueried',
  FinaliseLacReviewDecisions: 'LacReviewDecisionsFinalised',
  ProposeSignificantChange: 'SignificantChangeProposed',
  WithdrawSignificantChange: 'SignificantChangeWithdrawn',
  RecordCeasedLookedAfter: 'CeasedLookedAfter',
} as const satisfies Readonly<Record<string, LookedAfterEventType>>;

export type LookedAfterCommand = CommandsOf<LookedAfterEvent, typeof LOOKED_AFTER_COMMANDS>;

const placement = { placementRef: true, placementType: true, visitRegime: true } as const;

/** The fields each event carries (anything else in a command is refused). */
const LOOKED_AFTER_FIELDS: EventFieldSpecs<LookedAfterEvent> = {
  BecameLookedAfter: { legalStatus: true, placement },
  LegalStatusChanged: { legalStatus: true },
  PlacementChanged: { placement },
  LacVisitMade: { seenAlone: true },
  CarePlanPrepared: { carePlanRef: true },
  HealthAssessmentCompleted: { kind: true, childUnderFive: true },
  InitialHealthAssessmentNotRequired: { previousAssessmentRef: true },
  PepCompleted: { pepRef: true },
  LacReviewScheduled: { scheduledFor: true },
  SocialWorkerReportSubmitted: { reportRef: true },
  LacReviewHeld: { participation: true, timing: true, earlyReason: true, iroRef: true },
  LacReviewAdjourned: { iroRef: true },
  LacReviewRecordCompleted: { reviewNumber: true },
  LacReviewDecisionsQueried: { reviewNumber: true, queryRef: true },
  LacReviewDecisionsFinalised: { reviewNumber: true },
  SignificantChangeProposed: { change: true },
  SignificantChangeWithdrawn: { change: true },
  CeasedLookedAfter: { reason: true },
};

/** What the IRO does (reviews and their records); visits, plans, health, PEP and decisions are the team's. */
const IRO_SERIES = new Set([
  'lac-review', 'adjourned-review', 'review-record', 'review-before-move', 'review-before-ceasing', 'review-before-change',
]);

/** Replays stored events: the bare transition (see replay.ts). */
const replayLookedAfterMachine = replayer(lookedAfterMachine);

export const lookedAfterPathway: PathwayDefinition<'looked-after', LookedAfterSnapshot, LookedAfterEvent, typeof LOOKED_AFTER_COMMANDS> = {
  kind: 'looked-after',
  instancePrefix: 'lac',
  commands: LOOKED_AFTER_COMMANDS,
  fields: LOOKED_AFTER_FIELDS,
  starts: ['BecameLookedAfter'],
  start: once(startLookedAfter),
  apply: applyLookedAfter,
  replay: replayLookedAfterMachine,
  state: lookedAfterState,
  allowed: allowedLookedAfterEvents,
  ledger: (snapshot) => snapshot.context.ledger,
  // A new period of care may begin once the child has ceased to be looked after, even while
  // the last review's record is outstanding.
  active: (snapshot) => snapshot.context.ceasedOn === undefined,
  endedOn: (snapshot) => snapshot.context.ceasedOn,
  owner: (series): OwnerKind => (IRO_SERIES.has(series) ? 'iro' : 'team'),
};
