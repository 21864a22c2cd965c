import { ErrorType, type Position as EsdbPosition, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { JsonObject, RecordedEvent, RecordedMetadata } from '../envelope';
import { EventStoreError, StoreUnavailableError, StreamDeletedError } from '../errors';
import { decodePosition, encodePosition, START, type Position } from '../position';

/** What we keep in an EventStoreDB event's metadata: ours, plus the schema version and the hash chain. */
export interface StoredMetadata extends RecordedMetadata {
  readonly schemaVersion: number;
}

const UNAVAILABLE = new Set<string>([ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.NOT_LEADER, ErrorType.TIMEOUT, ErrorType.CANCELLED]);

export function toPosition(position: EsdbPosition | undefined): Position {
  return position ? encodePosition(position.commit, position.prepare) : START;
}

export function fromPosition(position: Position): EsdbPosition {
  const { major, minor } = decodePosition(position);
  return { commit: BigInt(major), prepare: BigInt(minor) };
}

/** The client's errors as the port's; BigInt revisions become numbers. */
export function translateEsdbError(error: unknown, streamId?: string): unknown {
  if (error instanceof EventStoreError) return error;
  const type = typeof error === 'object' && error !== null && 'type' in error ? String((error).type) : undefined;
  if (type === ErrorType.STREAM_DELETED) return new StreamDeletedError(streamId ?? 'unknown');
  if (type !== undefined && UNAVAILABLE.has(type)) {
    return new StoreUnavailableError(error instanceof Error ? error.message : String(type), { cause: error });
  }
  if (error instanceof Error && /UNAVAILABLE|ECONNREFUSED|failed to connect|No connection established/i.test(error.message)) {
    return new StoreUnavailableError(error.message, { cause: error });
  }
  return error;
}

export function isWrongExpectedVersion(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'type' in error && (error).type === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isStreamNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'type' in error && (error).type === ErrorType.STREAM_NOT_FOUND;
}

/** An EventStoreDB event as the port's RecordedEvent (before upcasting); undefined for system and foreign events. */
export function toRecordedEvent(event: EsdbRecordedEvent | undefined): RecordedEvent | undefined {
  if (!event || !event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  const metadata = event.metadata as StoredMetadata | undefined;
  if (!metadata || typeof metadata !== 'object' || typeof metadata.hash !== 'string') return undefined;
  const { schemaVersion, ...recorded } = metadata;
  return {
    id: event.id,
    type: event.type,
    schemaVersion,
    data: event.data as JsonObject,
    metadata: recorded,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position),
  };
}
