import { transition } from 'xstate';
import {
  allowedChildProtectionEvents, applyChildProtection, childProtectionMachine, childProtectionState, startChildProtection,
  type ChildProtectionEvent, type ChildProtectionEventType, type ChildProtectionSnapshot,
} from '@workflows/child-protection';
import type { CommandsOf, OwnerKind, PathwayDefinition } from './types';

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

/** Conferences are chaired by the IRO; core groups are the team's. */
const IRO_SERIES = new Set(['icpc', 'transfer-in-conference', 'rcpc', 'post-birth-review']);

export const childProtectionPathway: PathwayDefinition<
  'child-protection', ChildProtectionSnapshot, ChildProtectionEvent, typeof CHILD_PROTECTION_COMMANDS
> = {
  kind: 'child-protection',
  instancePrefix: 'cp',
  commands: CHILD_PROTECTION_COMMANDS,
  starts: ['StrategyDiscussionHeld', 'TransferInNotified'],
  start: startChildProtection,
  apply: applyChildProtection,
  replay: (snapshot, event) => transition(childProtectionMachine, snapshot, event)[0],
  state: childProtectionState,
  allowed: allowedChildProtectionEvents,
  ledger: (snapshot) => snapshot.context.ledger,
  active: (snapshot) => snapshot.status === 'active',
  endedOn: (snapshot) => snapshot.context.endedOn,
  owner: (series): OwnerKind => (IRO_SERIES.has(series) ? 'iro' : 'team'),
};
