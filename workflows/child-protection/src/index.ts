export * from './events';
export type { ChildProtectionContext, CpSeries } from './context';
export { childProtectionMachine, type ChildProtectionMachine, type CpStateMeta } from './machine';
export { validateChildProtection } from './validate';
export {
  allowedChildProtectionEvents, applyChildProtection, childProtectionRefusal, childProtectionState, startChildProtection,
  type ChildProtectionSnapshot,
} from './pathway';
