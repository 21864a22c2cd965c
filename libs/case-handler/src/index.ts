export {
  ALLEGATION_STREAM, AllegationCommandHandler, CASE_STREAM, CaseCommandHandler, commandEventId,
  type CaseHandlerOptions, type CommandMetadata, type HandledAllegationCommand, type HandledCommand,
} from './handler';
export { StreamCommandHandler, streamCommandEventId, type EncodedEvent, type HandledStreamCommand, type StreamKind } from './stream-handler';
export { REREAD_AND_REDECIDE, type ConflictRetryPolicy } from './retry';
export { AllegationConflictError, CaseConflictError } from './errors';
