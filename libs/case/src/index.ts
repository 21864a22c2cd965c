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
  CaseAlreadyOpenError, CaseNotFoundError, DomainError, HistoryInvalidError, InstanceStillActiveError, NotAllowedInStateError,
  OutOfOrderError, UnknownInstanceError, ValidationError,
} from './errors';
export type { CaseEvent, CaseLevelEvent, CaseOpened, InstanceLink, IroAllocated, IroDeallocated, PathwayEventRecorded, StoredCaseEvent, TeamChanged } from './events';
export { decodeCaseEvent, encodeCaseEvent } from './events';
export type { CaseState, PathwayInstance } from './state';
export { evolve, evolveEvent, foldCase, foldCaseAsOf, initialCaseState } from './state';
export { decide, type DecideOptions, type Decision } from './decide';
export { caseStreamId } from './stream';
export { CLOCK_TABLE, chooseClock, type ClockChoice } from './clocks';
export { episodesOf, flagsOf, type CaseFlag, type RepeatSettings } from './flags';
export { deadlinesOf, parseRulebookVersion, type CaseDeadline, type DeadlineOptions, type DeadlineStatus } from './deadlines';
export { DEFAULT_REMINDER_OFFSETS, alertsThatFire, reminderOffsets, scheduledAlerts, type Alert } from './alerts';
export {
  ScenarioError, parseScenario, simulate,
  type ScenarioStep, type SimulatedAlert, type SimulatedEvent, type SimulationOptions, type SimulationResult, type SimulationStep,
} from './simulate';
