export { computeDeadline, type Deadline, type DeadlineExplanation, type DeadlineRequest } from './deadline';
export { explain } from './explain';
export { BUILT_IN_RULEBOOKS, PENDING_RULEBOOKS, RulebookRegistry, compareRuleIds, releaseId, type ResolvedClock, type ResolvedRule } from './registry';
export { NATIONAL_1, NATIONAL_2, NATIONAL_SETTINGS } from './national';
export { ENFIELD_1, ENFIELD_2 } from './enfield';
export {
  NoTimescaleError,
  RuleNotInForceError,
  RulebookDefinitionError,
  RulebookError,
  UnknownClockError,
  UnknownRuleError,
  UnknownRulebookError,
} from './errors';
export type {
  Clock,
  Evidence,
  LegalStatus,
  Pathway,
  RhiClock,
  RuleDefinition,
  RuleOverride,
  RulebookRelease,
  RulebookSelector,
  RulebookSettings,
  SettingDuration,
  SettingsChange,
} from './types';
