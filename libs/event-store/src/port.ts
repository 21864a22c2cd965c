import type { EventData, JsonObject, NewEvent, RecordedEvent } from './envelope';
import type { Position } from './position';

/**
 * What an append expects of the stream: that it does not exist yet, anything
 * at all, or that its last event is at exactly this revision (revisions count
 * from 0). A mismatch throws WrongExpectedRevisionError and writes nothing.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event appended (or found already appended): expect it next time. */
  readonly nextExpectedRevision: number;
  /** Position of the last event appended. */
  readonly position: Position;
}

/** Bounds for reading one stream. Revisions and counts are plain numbers. */
export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** First revision read (inclusive); defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
  /** Only events at or before this global position: the stream as a subscriber at that point saw it. */
  readonly untilPosition?: Position;
  /** Only events recorded at or before this ISO-8601 instant: the stream as it was known then. */
  readonly recordedUntil?: string;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; START (the default) reads from the beginning. */
  readonly after?: Position;
  readonly maxCount?: number;
}

/** One of `count` disjoint shares of the streams, chosen by a hash of the stream id: every event of a stream is in the same one. */
export interface StreamPartition {
  readonly index: number;
  readonly count: number;
}

export interface ReadPartitionOptions {
  /** Read events strictly after this position (default START). */
  readonly after?: Position;
  /** And at or before this one: the `head()` a rebuild took when it began, so every share ends at the same point. */
  readonly upTo: Position;
  readonly partition: StreamPartition;
  readonly filter?: SubscriptionFilter;
  readonly maxCount?: number;
}

/**
 * What a store that can split the log offers (PostgreSQL and embedded): a rebuild reads each
 * share on its own connection, in its own thread, and folds it there. Every stream falls in
 * exactly one share and keeps its order; the shares together are `readAll` up to `head()`.
 */
export interface PartitionedReads {
  /** The position of the newest event a reader may see now (START when there is none). */
  head(): Promise<Position>;
  /** Events of one share in global order, after `after` and up to `upTo`. */
  readPartition(options: ReadPartitionOptions): Promise<RecordedEvent[]>;
  /**
   * The same events without their metadata and hash chain (see EventData): what a fold needs. A
   * rebuild reads so: sending and parsing every event's metadata and hashes took about a fifth of
   * its time on PostgreSQL, and it never looks at them.
   */
  readPartitionData(options: ReadPartitionOptions): Promise<EventData[]>;
}

/** True when the store can read the log in shares (see PartitionedReads). */
export function readsPartitions(store: EventStore): store is EventStore & PartitionedReads {
  const candidate = store as Partial<PartitionedReads>;
  return typeof candidate.head === 'function' && typeof candidate.readPartition === 'function' && typeof candidate.readPartitionData === 'function';
}

/** Which events a subscription delivers; an empty or missing list means "all". */
export interface SubscriptionFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface SubscribeOptions {
  /** Deliver events strictly after this checkpoint; START (the default) delivers everything. */
  readonly after?: Position;
  readonly filter?: SubscriptionFilter;
  /** Ends the subscription (the iterator then completes). */
  readonly signal?: AbortSignal;
}

export type VerifyResult =
  | { readonly ok: true; readonly streamId: string; readonly events: number }
  | {
      readonly ok: false;
      readonly streamId: string;
      /** The first event whose stored content or chain does not match its hash. */
      readonly revision: number;
      readonly eventId: string;
      readonly reason: string;
    };

/**
 * The event store: the engine's only source of truth. Every adapter
 * (embedded, PostgreSQL, EventStoreDB) passes the same contract suite.
 */
export interface EventStore {
  readonly kind: 'embedded' | 'postgres' | 'eventstoredb';
  /**
   * Appends events atomically. Re-sending an append whose event ids are already
   * at those revisions succeeds without writing them twice.
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream, upcast to their current shapes; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of all streams in global order, after a position; never skips one committed later. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * All events after a checkpoint, then every new one as it is committed, in
   * global order, surviving dropped connections. Store `event.position` as the
   * checkpoint once the event is handled (at-least-once delivery).
   */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** Recomputes the stream's hash chain from its stored events. */
  verifyStream(streamId: string): Promise<VerifyResult>;
  /** Resolves when the store answers; rejects with StoreUnavailableError saying why. */
  checkHealth(): Promise<void>;
  /** Ends subscriptions and releases connections. */
  close(): Promise<void>;
}

export type { JsonObject, NewEvent, RecordedEvent };
