import {
  caseStreamId, decide, encodeCaseEvent, evolve, initialCaseState,
  type CaseCommand, type CaseEvent, type CaseState, type DecideOptions,
} from '@csc/case';
import {
  WrongExpectedRevisionError, deterministicEventId, type Actor, type EventStore, type ExpectedRevision, type JsonObject,
  type NewEvent, type RecordedEvent,
} from '@csc/event-store';
import { conflictAfter } from './errors';
import { REREAD_AND_REDECIDE, type ConflictRetryPolicy } from './retry';

/** Who sends the command, and the key that makes sending it twice harmless. */
export interface CommandMetadata {
  readonly actor: Actor;
  /** Unique per intended change (a UI form submission, an API request's Idempotency-Key). */
  readonly idempotencyKey: string;
  readonly correlationId?: string;
  readonly causationId?: string | null;
}

export interface CaseHandlerOptions extends DecideOptions {
  readonly store: EventStore;
  /** The recording clock: `now` for decide (events' recordedAt). */
  readonly clock: () => Date;
  readonly retry?: ConflictRetryPolicy;
}

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
  return deterministicEventId(`case:${caseId}:command:${idempotencyKey}:${index}`);
}

/** A command decides a handful of events at most (AllocateIro: two). */
const MAX_EVENTS_PER_COMMAND = 8;

function toNewEvent(event: CaseEvent, id: string, meta: CommandMetadata): NewEvent {
  const { type, data } = encodeCaseEvent(event);
  return {
    id,
    type,
    data: data as JsonObject,
    metadata: {
      occurredAt: event.occurredAt,
      actor: meta.actor,
      correlationId: meta.correlationId ?? meta.idempotencyKey,
      causationId: meta.causationId ?? null,
      rulebookVersion: event.type === 'PathwayEventRecorded' ? event.rulebookVersion : null,
    },
  };
}

/**
 * Handles a command over one child's case: read the stream, fold it, decide, append with the
 * revision it folded. A conflicting writer makes it re-read and re-decide (the retry policy),
 * then report CASE_CONFLICT. Domain refusals (DomainError, CASE_NOT_FOUND for an unknown case)
 * are thrown as they are, and nothing is appended.
 */
export class CaseCommandHandler {
  private readonly retry: ConflictRetryPolicy;

  constructor(private readonly options: CaseHandlerOptions) {
    this.retry = options.retry ?? REREAD_AND_REDECIDE;
  }

  /** The case as its stream holds it now. */
  async load(caseId: string): Promise<{ state: CaseState; events: RecordedEvent[] }> {
    const events = await this.options.store.readStream(caseStreamId(caseId));
    let state = initialCaseState;
    for (const event of events) state = evolve(state, event);
    return { state, events };
  }

  async handle(command: CaseCommand, meta: CommandMetadata): Promise<HandledCommand> {
    const streamId = caseStreamId(command.caseId);
    const ids = new Set(Array.from({ length: MAX_EVENTS_PER_COMMAND }, (_, i) => commandEventId(command.caseId, meta.idempotencyKey, i)));
    const result = (events: readonly RecordedEvent[], state: CaseState, revision: number, repeated: boolean, attempts: number): HandledCommand =>
      ({ caseId: command.caseId, streamId, events, revision, repeated, attempts, state });
    for (let attempt = 1; ; attempt++) {
      const { state, events } = await this.load(command.caseId);
      const earlier = events.filter((e) => ids.has(e.id));
      if (earlier.length > 0) return result(earlier, state, events.length - 1, true, attempt);
      const decision = decide(command, state, this.options.clock().toISOString(), this.options);
      if (!decision.ok) throw decision.error;
      if (decision.events.length === 0) return result([], state, events.length - 1, false, attempt);
      if (decision.events.length > MAX_EVENTS_PER_COMMAND) throw new Error(`${command.type} decided ${decision.events.length} events (at most ${MAX_EVENTS_PER_COMMAND})`);
      const expected: ExpectedRevision = events.length === 0 ? 'no_stream' : events.length - 1;
      const newEvents = decision.events.map((e, i) => toNewEvent(e, commandEventId(command.caseId, meta.idempotencyKey, i), meta));
      try {
        await this.options.store.append(streamId, newEvents, expected);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= this.retry.maxAttempts) throw conflictAfter(command.caseId, attempt, this.retry);
        continue;
      }
      const mine = (await this.options.store.readStream(streamId, { fromRevision: events.length })).filter((e) => ids.has(e.id));
      const after = mine.reduce<CaseState>((s, e) => evolve(s, e), state);
      return result(mine, after, events.length + mine.length - 1, false, attempt);
    }
  }
}
