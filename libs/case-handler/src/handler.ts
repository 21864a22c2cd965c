import {
  allegationStreamId, caseStreamId, decide, decideAllegation, encodeAllegationEvent, encodeCaseEvent, evolve, evolveAllegation,
  initialAllegationState, initialCaseState,
  type AllegationCommand, type AllegationEvent, type AllegationState, type CaseCommand, type CaseEvent, type CaseState,
} from '@csc/case';
import type { RecordedEvent } from '@csc/event-store';
import { AllegationConflictError, conflictAfter } from './errors';
import {
  StreamCommandHandler, streamCommandEventId, type CaseHandlerOptions, type CommandMetadata, type EncodedEvent, type StreamKind,
} from './stream-handler';

export type { CaseHandlerOptions, CommandMetadata } from './stream-handler';

const rulebookVersionOf = (event: CaseEvent | AllegationEvent): string | null => (event.type === 'PathwayEventRecorded' ? event.rulebookVersion : null);

/** A child's case stream (`case-<caseId>`). */
export const CASE_STREAM: StreamKind<CaseCommand, CaseState, CaseEvent> = {
  name: 'case',
  streamId: caseStreamId,
  idOf: (command) => command.caseId,
  initial: initialCaseState,
  evolve,
  decide,
  encode: (event): EncodedEvent => ({ ...encodeCaseEvent(event), occurredAt: event.occurredAt, rulebookVersion: rulebookVersionOf(event) }),
  conflict: conflictAfter,
};

/** A LADO allegation's stream (`allegation-<id>`; readable by the LADO role alone). */
export const ALLEGATION_STREAM: StreamKind<AllegationCommand, AllegationState, AllegationEvent> = {
  name: 'allegation',
  streamId: allegationStreamId,
  idOf: (command) => command.allegationId,
  initial: initialAllegationState,
  evolve: evolveAllegation,
  decide: decideAllegation,
  encode: (event): EncodedEvent => ({ ...encodeAllegationEvent(event), occurredAt: event.occurredAt, rulebookVersion: rulebookVersionOf(event) }),
  conflict: (id, attempts, policy) => new AllegationConflictError(id, attempts, policy.name),
};

export interface HandledCommand {
  readonly caseId: string;
  readonly streamId: string;
  /** The events this command appended (or had appended, when it was a repeat). */
  readonly events: readonly RecordedEvent[];
  /** The stream's last revision after the command. */
  readonly revision: number;
  /** True when the command had already been recorded: nothing was appended this time. */
  readonly repeated: boolean;
  readonly attempts: number;
  readonly state: CaseState;
}

/** Event ids of a command: deterministic from the case, the idempotency key and the position in the command. */
export function commandEventId(caseId: string, idempotencyKey: string, index: number): string {
  return streamCommandEventId(CASE_STREAM.name, caseId, idempotencyKey, index);
}

/**
 * Handles a command over one child's case: read the stream, fold it, decide, append with the
 * revision it folded. A conflicting writer makes it re-read and re-decide (the retry policy),
 * then report CASE_CONFLICT. Domain refusals (DomainError, CASE_NOT_FOUND for an unknown case)
 * are thrown as they are, and nothing is appended.
 */
export class CaseCommandHandler {
  private readonly core: StreamCommandHandler<CaseCommand, CaseState, CaseEvent>;

  constructor(options: CaseHandlerOptions) {
    this.core = new StreamCommandHandler(CASE_STREAM, options);
  }

  /** The case as its stream holds it now. */
  load(caseId: string): Promise<{ state: CaseState; events: RecordedEvent[] }> {
    return this.core.load(caseId);
  }

  async handle(command: CaseCommand, meta: CommandMetadata): Promise<HandledCommand> {
    const { id, ...handled } = await this.core.handle(command, meta);
    return { caseId: id, ...handled };
  }
}

export interface HandledAllegationCommand extends Omit<HandledCommand, 'caseId' | 'state'> {
  readonly allegationId: string;
  readonly state: AllegationState;
}

/**
 * The sibling of CaseCommandHandler for LADO allegations, on the same generic core: the same
 * idempotency, expected revisions and retry policy; ALLEGATION_NOT_FOUND for an unknown one and
 * ALLEGATION_CONFLICT when the retry policy is spent. Callers must let only the LADO role in.
 */
export class AllegationCommandHandler {
  private readonly core: StreamCommandHandler<AllegationCommand, AllegationState, AllegationEvent>;

  constructor(options: CaseHandlerOptions) {
    this.core = new StreamCommandHandler(ALLEGATION_STREAM, options);
  }

  load(allegationId: string): Promise<{ state: AllegationState; events: RecordedEvent[] }> {
    return this.core.load(allegationId);
  }

  async handle(command: AllegationCommand, meta: CommandMetadata): Promise<HandledAllegationCommand> {
    const { id, ...handled } = await this.core.handle(command, meta);
    return { allegationId: id, ...handled };
  }
}
