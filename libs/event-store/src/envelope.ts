import type { Position } from './position';

/** A JSON object: what event data and metadata are made of. */
export type JsonObject = { readonly [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

/** Who recorded the event: a reference to a user and the role they acted in, never a name. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}

/** Metadata the writer supplies with each new event. Instants are ISO-8601 strings. */
export interface NewEventMetadata {
  /** When it happened in the world (the conference date), as an ISO-8601 instant. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  /** The command or event that caused this one; null for none. */
  readonly causationId?: string | null;
  /** The rulebook version in force for this event's trigger; null when no rule applies. */
  readonly rulebookVersion?: string | null;
}

/** An event to append. `id` is a uuid chosen by the writer (deterministic for derived events). */
export interface NewEvent<Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: string;
  /** Version of the data's shape; 1 when omitted. */
  readonly schemaVersion?: number;
  readonly data: Data;
  readonly metadata: NewEventMetadata;
}

/** Metadata as recorded: what the writer gave, the store's recording instant, and the hash chain. */
export interface RecordedMetadata {
  readonly occurredAt: string;
  /** When the store recorded it, as an ISO-8601 UTC instant (from the store's injected clock). */
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly rulebookVersion: string | null;
  /** Hash of the previous event of the stream (64 zeros for the first). */
  readonly prevHash: string;
  /** sha256(prevHash + digest of this event's content), hex. */
  readonly hash: string;
}

/** An event as stored, with its place in its stream (revision, from 0) and in the store (position). */
export interface RecordedEvent<Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: RecordedMetadata;
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
}

/**
 * A stored event without its metadata (who recorded it, when, why) and hash chain: its identity,
 * place in the log, type and (upcast) data, all that folding it needs. Upcasters see events so.
 */
export type EventData<Data extends JsonObject = JsonObject> = Omit<RecordedEvent<Data>, 'metadata'>;
