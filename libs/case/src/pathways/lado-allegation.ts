import {
  allowedLadoEvents, applyLadoAllegation, ladoAllegationMachine, ladoState, startLadoAllegation,
  type LadoEvent, type LadoEventType, type LadoSnapshot,
} from '@workflows/lado-allegation';
import type { EventFieldSpecs } from '../fields';
import type { PathwayDefinition } from './types';
import { once, replayer } from './replay';

export const LADO_COMMANDS = {
  RecordAllegationKnownToEmployer: 'AllegationKnownToEmployer',
  ReferToLado: 'ReferredToLado',
  RecordInitialConsideration: 'InitialConsiderationHeld',
  RecordAsvMeeting: 'AsvMeetingHeld',
  StartInvestigation: 'InvestigationStarted',
  ReferToCps: 'ReferredToCps',
  RecordCpsDecision: 'CpsDecisionMade',
  ConcludeInvestigation: 'InvestigationConcluded',
  RecordEmployerAction: 'ActionTaken',
  RecordAllegationOutcome: 'OutcomeRecorded',
  CloseAllegation: 'AllegationClosed',
} as const satisfies Readonly<Record<string, LadoEventType>>;

const subject = { adultRef: true, employerRef: true, childRefs: true, category: true, setting: true } as const;

/** The fields each event carries (anything else in a command is refused). */
const LADO_FIELDS: EventFieldSpecs<LadoEvent> = {
  AllegationKnownToEmployer: { subject },
  ReferredToLado: { referrerType: true, subject },
  InitialConsiderationHeld: { decision: true, route: true, ladoRef: true },
  AsvMeetingHeld: { kind: true, agencies: true },
  InvestigationStarted: { kind: true, hearingWithoutFurtherInvestigation: true },
  ReferredToCps: {},
  CpsDecisionMade: { decision: true },
  InvestigationConcluded: { kind: true },
  ActionTaken: { action: true },
  OutcomeRecorded: { outcome: true },
  AllegationClosed: {},
};

/**
 * The LADO allegation pathway. Not a child's pathway: it is not in the case registry (PATHWAYS)
 * but folded on its own stream (`allegation-<id>`, see `allegation/`), one instance per stream.
 * Its deadlines belong to the LADO.
 */
/** Replays stored events: the bare transition (see replay.ts). */
const replayLadoAllegationMachine = replayer(ladoAllegationMachine);

export const ladoAllegationPathway: PathwayDefinition<'lado-allegation', LadoSnapshot, LadoEvent, typeof LADO_COMMANDS> = {
  kind: 'lado-allegation',
  instancePrefix: 'lado',
  commands: LADO_COMMANDS,
  fields: LADO_FIELDS,
  starts: ['AllegationKnownToEmployer', 'ReferredToLado'],
  start: once(startLadoAllegation),
  apply: applyLadoAllegation,
  replay: replayLadoAllegationMachine,
  state: ladoState,
  allowed: allowedLadoEvents,
  ledger: (snapshot) => snapshot.context.ledger,
  active: (snapshot) => snapshot.status === 'active',
  endedOn: () => undefined,
  owner: () => 'team',
};
