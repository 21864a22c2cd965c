export * from './events';
export type { InvestigationStatus, LadoContext, LadoSeries } from './context';
export { ladoAllegationMachine, type LadoAllegationMachine, type LadoStateMeta } from './machine';
export { validateLado } from './validate';
export {
  allegationStatus, allowedLadoEvents, applyLadoAllegation, ladoRefusal, ladoState, startLadoAllegation,
  type AllegationStatus, type LadoSnapshot,
} from './pathway';
