export type { IsoInstant, LocalDate } from './dates';
export { isBefore, isIsoInstant, isLocalDate, latest, localDateFits } from './dates';
export type {
  Anchors, CancelReason, ClosingIntent, DeadlineIntent, DeadlineLedger, EventRef, OpenIntent, Qualifier, RuleId,
} from './deadlines';
export { emptyLedger, openDeadlines } from './deadlines';
export type { CancelAllParams, CancelParams, CloseParams, OpenParams, TriggerFacts } from './ledger';
export { cancelAllDeadlines, cancelDeadlines, keyFor, lapseDeadlines, meetDeadlines, openDeadline } from './ledger';
export type { Refusal } from './refusal';
export { invalidField, notAllowedInState, outOfOrder } from './refusal';
export type { Applied, PathwayContext, PathwayEvent } from './pathway';
export { allowedEventTypes, applyWith, intentsBetween, refusalFor, stateName } from './pathway';
export type { TransitionRow } from './catalogue';
export { stateMetas, transitionCatalogue } from './catalogue';
export { checkOccurrence, codeList, firstRefusal, flag, notBeforeOpen, oneOf, positiveInteger, reference, referenceList } from './checks';
