import type { JsonObject, RecordedEvent, RecordedMetadata } from '../envelope';
import { encodePosition } from '../position';

/**
 * The columns every read selects, cast so that PostgreSQL and PGlite return
 * the same JavaScript types. Queries alias the table `e` and ORDER BY `e.x`:
 * a bare name would sort by these text casts ("10" before "6").
 */
export const EVENT_COLUMNS =
  'stream_id, revision::integer AS revision, tx_id::text AS tx_id, seq::text AS seq, event_id::text AS event_id, ' +
  'type, schema_version, data, metadata, prev_hash, hash';

export interface EventRow {
  readonly stream_id: string;
  readonly revision: number;
  readonly tx_id: string;
  readonly seq: string;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: JsonObject;
  readonly metadata: Omit<RecordedMetadata, 'prevHash' | 'hash'>;
  readonly prev_hash: string;
  readonly hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: { ...row.metadata, prevHash: row.prev_hash, hash: row.hash },
    streamId: row.stream_id,
    revision: row.revision,
    position: encodePosition(row.tx_id, row.seq),
  };
}

/** A LIKE pattern matching names that start with `prefix`. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
