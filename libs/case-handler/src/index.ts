export { CaseCommandHandler, commandEventId, type CaseHandlerOptions, type CommandMetadata, type HandledCommand } from './handler';
export { REREAD_AND_REDECIDE, type ConflictRetryPolicy } from './retry';
export { CaseConflictError } from './errors';
