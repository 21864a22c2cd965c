import {
  allowedIroEscalationEvents, applyIroEscalation, iroEscalationMachine, iroEscalationState, startIroEscalation,
  type IroEscalationEvent, type IroEscalationEventType, type IroEscalationSnapshot,
} from '@workflows/iro-escalation';
import type { EventFieldSpecs } from '../fields';
import type { CommandsOf, OwnerKind, PathwayDefinition } from './types';
import { once, replayer } from './replay';

export const IRO_ESCALATION_COMMANDS = {
  RaiseEscalation: 'EscalationRaised',
  EscalateToFormalStage: 'EscalatedToFormalStage',
  RecordFormalStageResponse: 'FormalStageResponded',
  ResolveEscalation: 'EscalationResolved',
  WithdrawEscalation: 'EscalationWithdrawn',
  ReferToCafcass: 'ReferredToCafcass',
} as const satisfies Readonly<Record<string, IroEscalationEventType>>;

export type IroEscalationCommand = CommandsOf<IroEscalationEvent, typeof IRO_ESCALATION_COMMANDS>;

/** The fields each event carries (anything else in a command is refused). */
const IRO_ESCALATION_FIELDS: EventFieldSpecs<IroEscalationEvent> = {
  EscalationRaised: { iroRef: true, teamRef: true, plan: true, issues: true },
  EscalatedToFormalStage: { stage: true, escalatedToRef: true },
  FormalStageResponded: { response: true, responderRef: true },
  EscalationResolved: { resolution: true },
  EscalationWithdrawn: { reason: true },
  ReferredToCafcass: { cafcassRef: true },
};

/**
 * One IRO dispute per instance ('esc-2'). A child's IRO may have several disputes open at once
 * (about different issues), so instances never block each other.
 */
/** Replays stored events: the bare transition (see replay.ts). */
const replayIroEscalationMachine = replayer(iroEscalationMachine);

export const iroEscalationPathway: PathwayDefinition<'iro-escalation', IroEscalationSnapshot, IroEscalationEvent, typeof IRO_ESCALATION_COMMANDS> = {
  kind: 'iro-escalation',
  instancePrefix: 'esc',
  commands: IRO_ESCALATION_COMMANDS,
  fields: IRO_ESCALATION_FIELDS,
  starts: ['EscalationRaised'],
  start: once(startIroEscalation),
  apply: applyIroEscalation,
  replay: replayIroEscalationMachine,
  state: iroEscalationState,
  allowed: allowedIroEscalationEvents,
  ledger: (snapshot) => snapshot.context.ledger,
  active: () => false,
  endedOn: () => undefined,
  // The response is due from the team's managers at each stage (the IRO sees it in their register).
  owner: (): OwnerKind => 'team',
};
