export type { CaseCommand, CaseLevelCommand, OpenCase, AllocateIro, DeallocateIro, ChangeTeam } from './commands';
export type { ChildProtectionCommand } from './pathways/child-protection';
export type { LookedAfterCommand } from './pathways/looked-after';
export type { MissingEpisodeCommand } from './pathways/missing-episode';
export type { AssessmentCommand } from './pathways/assessment';
export type { IroEscalationCommand } from './pathways/iro-escalation';
export type { PathwayCommand, PathwayKind } from './pathways/registry';
export { PATHWAYS, pathwayCommandTypes, pathwayOf } from './pathways/registry';
export type { AnyPathway, CommandsOf, OwnerKind, PathwayDefinition } from './pathways/types';
export {
  AllegationAlreadyOpenError, AllegationNotFoundError, CaseAlreadyOpenError, CaseNotFoundError, DomainError, HistoryInvalidError, InstanceStillActiveError, NotAllowedInStateError,
  OutOfOrderError, UnknownInstanceError, ValidationError,
} from './errors';
export type { CaseEvent, CaseLevelEvent, CaseOpened, InstanceLink, IroAllocated, IroDeallocated, PathwayEventRecorded, StoredCaseEvent, TeamChanged, TimescaleAlertRecorded, TimescaleAlertType } from './events';
export { TIMESCALE_ALERT_TYPES, decodeCaseEvent, encodeCaseEvent, isTimescaleAlertType } from './events';
export type { CaseState, PathwayInstance } from './state';
export { evolve, evolveEvent, foldCase, foldCaseAsOf, initialCaseState } from './state';
export { decide, type DecideOptions, type Decision } from './decide';
export { ALLEGATION_STREAM_PREFIX, CASE_STREAM_PREFIX, allegationStreamId, caseStreamId, streamVisibility, type StreamVisibility } from './stream';
export { CLOCK_TABLE, chooseClock, type ClockChoice } from './clocks';
export { episodesOf, flagsOf, type CaseFlag, type RepeatSettings } from './flags';
export { clearDeadlineMemo, deadlinesOf, parseRulebookVersion, type CaseDeadline, type DeadlineOptions, type DeadlineStatus, type InstanceDeadline } from './deadlines';
export { DEFAULT_REMINDER_OFFSETS, alertsThatFire, reminderOffsets, scheduledAlerts, type Alert, type AlertableDeadline } from './alerts';
export { ScenarioError, parseScenario, scenarioRulebooks, type ScenarioStep } from './scenario';
export {
  simulate, type SimulatedAlert, type SimulatedEvent, type SimulatedStream, type SimulationOptions, type SimulationResult, type SimulationStep,
} from './simulate';
export type { AllegationCommand, AllegationEvent, AllegationOpened, AllegationState, AllegationSummary, LadoCommand, OpenAllegation } from './allegation/model';
export {
  ALLEGATION_INSTANCE, decodeAllegationEvent, encodeAllegationEvent, evolveAllegation, evolveAllegationEvent, foldAllegation, initialAllegationState,
  summariseAllegation,
} from './allegation/model';
export { decideAllegation, isAllegationCommand } from './allegation/decide';
export { allegationDeadlinesOf, type AllegationDeadline } from './allegation/deadlines';
export { LADO_COMMANDS } from './pathways/lado-allegation';
