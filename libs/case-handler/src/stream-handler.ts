import type { DecideOptions, Decision, StoredCaseEvent } from '@csc/case';
import {
  WrongExpectedRevisionError, deterministicEventId, type Actor, type EventStore, type ExpectedRevision, type JsonObject,
  type NewEvent, type RecordedEvent,
} from '@csc/event-store';
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

/** An event as the store will hold it, with what its metadata records. */
export interface EncodedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly occurredAt: string;
  readonly rulebookVersion: string | null;
}

/**
 * A kind of stream the handler can record on (a child's case, an allegation): the pure decider
 * of `@csc/case` for it, and how its ids and conflicts are named.
 */
export interface StreamKind<C, S, E> {
  /** `case`, `allegation`: event ids are derived from `<name>:<id>:command:<key>:<index>`. */
  readonly name: string;
  streamId(id: string): string;
  idOf(command: C): string;
  readonly initial: S;
  evolve(state: S, stored: StoredCaseEvent): S;
  decide(command: C, state: S, now: string, options: DecideOptions): Decision<E>;
  encode(event: E): EncodedEvent;
  conflict(id: string, attempts: number, policy: ConflictRetryPolicy): Error;
}

export interface HandledStreamCommand<S> {
  readonly id: string;
  readonly streamId: string;
  /** The events this command appended (or had appended, when it was a repeat). */
  readonly events: readonly RecordedEvent[];
  /** The stream's last revision after the command. */
  readonly revision: number;
  /** True when the command had already been recorded: nothing was appended this time. */
  readonly repeated: boolean;
  readonly attempts: number;
  readonly state: S;
}

/** Event ids of a command: deterministic from the stream kind and id, the idempotency key and the position in the command. */
export function streamCommandEventId(kind: string, id: string, idempotencyKey: string, index: number): string {
  return deterministicEventId(`${kind}:${id}:command:${idempotencyKey}:${index}`);
}

/** A command decides a handful of events at most (AllocateIro: two). */
const MAX_EVENTS_PER_COMMAND = 8;

/**
 * The generic command handling shared by every stream kind: read the stream, fold it, decide,
 * append with the revision it folded. A conflicting writer makes it re-read and re-decide (the
 * retry policy), then report the kind's conflict error. Domain refusals are thrown as they are,
 * and nothing is appended.
 */
export class StreamCommandHandler<C, S, E> {
  private readonly retry: ConflictRetryPolicy;

  constructor(
    private readonly kind: StreamKind<C, S, E>,
    private readonly options: CaseHandlerOptions,
  ) {
    this.retry = options.retry ?? REREAD_AND_REDECIDE;
  }

  /** The stream's state as it holds it now. */
  async load(id: string): Promise<{ state: S; events: RecordedEvent[] }> {
    const events = await this.options.store.readStream(this.kind.streamId(id));
    return { state: events.reduce<S>((s, e) => this.kind.evolve(s, e), this.kind.initial), events };
  }

  async handle(command: C, meta: CommandMetadata): Promise<HandledStreamCommand<S>> {
    const id = this.kind.idOf(command);
    const streamId = this.kind.streamId(id);
    const eventId = (i: number) => streamCommandEventId(this.kind.name, id, meta.idempotencyKey, i);
    const ids = new Set(Array.from({ length: MAX_EVENTS_PER_COMMAND }, (_, i) => eventId(i)));
    const result = (events: readonly RecordedEvent[], state: S, revision: number, repeated: boolean, attempts: number): HandledStreamCommand<S> =>
      ({ id, streamId, events, revision, repeated, attempts, state });
    for (let attempt = 1; ; attempt++) {
      const { state, events } = await this.load(id);
      const earlier = events.filter((e) => ids.has(e.id));
      if (earlier.length > 0) return result(earlier, state, events.length - 1, true, attempt);
      const decision = this.kind.decide(command, state, this.options.clock().toISOString(), this.options);
      if (!decision.ok) throw decision.error;
      if (decision.events.length === 0) return result([], state, events.length - 1, false, attempt);
      if (decision.events.length > MAX_EVENTS_PER_COMMAND) throw new Error(`a command decided ${decision.events.length} events (at most ${MAX_EVENTS_PER_COMMAND})`);
      const expected: ExpectedRevision = events.length === 0 ? 'no_stream' : events.length - 1;
      const newEvents = decision.events.map((e, i) => this.toNewEvent(e, eventId(i), meta));
      try {
        await this.options.store.append(streamId, newEvents, expected);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= this.retry.maxAttempts) throw this.kind.conflict(id, attempt, this.retry);
        continue;
      }
      const mine = (await this.options.store.readStream(streamId, { fromRevision: events.length })).filter((e) => ids.has(e.id));
      const after = mine.reduce<S>((s, e) => this.kind.evolve(s, e), state);
      return result(mine, after, events.length + mine.length - 1, false, attempt);
    }
  }

  private toNewEvent(event: E, id: string, meta: CommandMetadata): NewEvent {
    const { type, data, occurredAt, rulebookVersion } = this.kind.encode(event);
    return {
      id,
      type,
      data: data as JsonObject,
      metadata: {
        occurredAt,
        actor: meta.actor,
        correlationId: meta.correlationId ?? meta.idempotencyKey,
        causationId: meta.causationId ?? null,
        rulebookVersion,
      },
    };
  }
}
