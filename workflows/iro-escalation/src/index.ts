export * from './events';
export type { EscalationSeries, IroEscalationContext, StageRecord } from './context';
export { iroEscalationMachine, type IroEscalationMachine, type IroEscalationStateMeta } from './machine';
export { validateIroEscalation } from './validate';
export {
  allowedIroEscalationEvents, applyIroEscalation, iroEscalationRefusal, iroEscalationState, startIroEscalation, summariseEscalation,
  type EscalationStatus, type EscalationSummary, type IroEscalationSnapshot,
} from './pathway';
