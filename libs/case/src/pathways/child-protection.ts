import type { AssessmentSnapshot } from '@workflows/assessment';
import {
  allowedChildProtectionEvents, applyChildProtection, childProtectionMachine, childProtectionState, startChildProtection,
  type ChildProtectionEvent, type ChildProtectionEventType, type ChildProtectionSnapshot,
} from '@workflows/child-protection';
import type { EventFieldSpecs } from '../fields';
import { ledToStrategyDiscussion } from './assessment';
import type { CommandsOf, OwnerKind, PathwayDefinition } from './types';
import { once, replayer } from './replay';

export const CHILD_PROTECTION_COMMANDS = {
  RecordStrategyDiscussion: 'StrategyDiscussionHeld',
  RecordInitialConference: 'InitialConferenceHeld',
  RecordInitialConferenceNotRequired: 'InitialConferenceNotRequired',
  RecordInitialConferenceNotHeld: 'InitialConferenceNotHeld',
  RecordTransferIn: 'TransferInNotified',
  RecordTransferInConference: 'TransferInConferenceHeld',
  RecordTransferInConferenceNotHeld: 'TransferInConferenceNotHeld',
  RecordBirth: 'ChildBorn',
  RecordCoreGroup: 'CoreGroupHeld',
  RecordReviewConference: 'ReviewConferenceHeld',
  EndPlan: 'PlanEnded',
} as const satisfies Readonly<Record<string, ChildProtectionEventType>>;

export type ChildProtectionCommand = CommandsOf<ChildProtectionEvent, typeof CHILD_PROTECTION_COMMANDS>;

/** The fields each event carries (anything else in a command is refused). */
const CHILD_PROTECTION_FIELDS: EventFieldSpecs<ChildProtectionEvent> = {
  StrategyDiscussionHeld: { attendance: { police: true, health: true, education: true, others: true }, decision: true, rationaleRef: true, initiatesS47: true },
  InitialConferenceHeld: { outcome: true, category: true, preBirth: true },
  InitialConferenceNotRequired: { decisionRef: true },
  InitialConferenceNotHeld: { reason: true },
  TransferInNotified: { fromAuthorityRef: true },
  TransferInConferenceHeld: { outcome: true, category: true },
  TransferInConferenceNotHeld: { reason: true },
  ChildBorn: { motherMedicallyFit: true },
  CoreGroupHeld: {},
  ReviewConferenceHeld: { decision: true, category: true },
  PlanEnded: { reason: true },
};

/** Conferences are chaired by the IRO; core groups are the team's. */
const IRO_SERIES = new Set(['icpc', 'transfer-in-conference', 'rcpc', 'post-birth-review']);

/** Replays stored events: the bare transition (see replay.ts). */
const replayChildProtectionMachine = replayer(childProtectionMachine);

export const childProtectionPathway: PathwayDefinition<
  'child-protection', ChildProtectionSnapshot, ChildProtectionEvent, typeof CHILD_PROTECTION_COMMANDS
> = {
  kind: 'child-protection',
  instancePrefix: 'cp',
  commands: CHILD_PROTECTION_COMMANDS,
  fields: CHILD_PROTECTION_FIELDS,
  starts: ['StrategyDiscussionHeld', 'TransferInNotified'],
  // A strategy discussion decided on a referral (or concluded by its assessment) names it: linkedTo 'asm-1'.
  linksFrom: [{ from: 'assessment', leadsHere: (snapshot) => ledToStrategyDiscussion(snapshot as AssessmentSnapshot) }],
  start: once(startChildProtection),
  apply: applyChildProtection,
  replay: replayChildProtectionMachine,
  state: childProtectionState,
  allowed: allowedChildProtectionEvents,
  ledger: (snapshot) => snapshot.context.ledger,
  active: (snapshot) => snapshot.status === 'active',
  endedOn: (snapshot) => snapshot.context.endedOn,
  owner: (series): OwnerKind => (IRO_SERIES.has(series) ? 'iro' : 'team'),
};
