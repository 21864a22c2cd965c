export * from './events';
export type { LacSeries, LookedAfterContext } from './context';
export { lookedAfterMachine, type LacStateMeta, type LookedAfterMachine } from './machine';
export { validateLookedAfter } from './validate';
export {
  allowedLookedAfterEvents, applyLookedAfter, lookedAfterRefusal, lookedAfterState, startLookedAfter,
  type LookedAfterSnapshot,
} from './pathway';
