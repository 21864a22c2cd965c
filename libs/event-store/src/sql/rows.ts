import type { EventData, JsonObject, RecordedEvent, RecordedMetadata } from '../envelope';
import { encodePosition } from '../position';

/**
 * The columns every read selects, cast so that PostgreSQL and PGlite return
 * the same JavaScript types. Queries alias the table `e` and ORDER BY `e.x`:
 * a bare name would sort by these text casts ("10" before "6").
 */
export const EVENT_COLUMNS =
  'stream_id, revision::integer AS revision, tx_id::text AS tx_id, seq::text AS seq, event_id::text AS event_id, ' +
  'type, schema_version, data, metadata, prev_hash, hash';

/** The columns of a read without metadata (see EventData): PostgreSQL sends, and `pg` parses, no metadata or hashes. */
export const EVENT_DATA_COLUMNS =
  'stream_id, revision::integer AS revision, tx_id::text AS tx_id, seq::text AS seq, event_id::text AS event_id, type, schema_version, data';

export type EventDataRow = Omit<EventRow, 'metadata' | 'prev_hash' | 'hash'>;

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

/**
 * Events read as JSON pages, for the embedded store: PGlite decodes every
 * column of every row in JavaScript (a buffer copy and a text decode each),
 * and that was about half of its read-all time (measured: 1.5-2.7x faster so).
 * So embedded reads ask PostgreSQL for one JSON array per page of up to
 * JSON_PAGE events, each event a JSON array of the EVENT_COLUMNS values (same
 * casts, so the same values: JSON holds the positions as text, the uuid as its
 * text, the jsonb as its own output). On PostgreSQL (`pg`) the plain columns
 * are faster, so it keeps them.
 */
export const JSON_PAGE = 1000;

const EVENT_ARRAY =
  'json_build_array(e.stream_id, e.revision::integer, e.tx_id::text, e.seq::text, e.event_id, ' +
  'e.type, e.schema_version, e.data, e.metadata, e.prev_hash, e.hash)';
const EVENT_SOURCE_COLUMNS = 'e.stream_id, e.revision, e.tx_id, e.seq, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.prev_hash, e.hash';

export type EventArray = readonly [
  streamId: string,
  revision: number,
  txId: string,
  seq: string,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: JsonObject,
  metadata: EventRow['metadata'],
  prevHash: string,
  hash: string,
];

/** A row of a JSON-pages query: one page of events (null when none matched). */
export interface EventPageRow {
  readonly page: readonly EventArray[] | null;
}

/**
 * The JSON-pages form of `SELECT ... FROM <table> e WHERE <where> ORDER BY <order> LIMIT <limitSql>`:
 * one statement (one snapshot), its rows the pages in order. Up to JSON_PAGE
 * events come back as one page with no sort (the aggregate reads the index
 * order); a larger limit is cut into pages of JSON_PAGE numbered events, so
 * no single value grows with the limit.
 */
export function eventPagesQuery(table: string, where: string, order: string, limitSql: string, limit: number): string {
  const pick = `FROM ${table} e WHERE ${where} ORDER BY ${order} LIMIT ${limitSql}`;
  if (limit <= JSON_PAGE) return `SELECT json_agg(${EVENT_ARRAY} ORDER BY ${order}) AS page FROM (SELECT ${EVENT_SOURCE_COLUMNS} ${pick}) e`;
  return (
    `SELECT json_agg(${EVENT_ARRAY} ORDER BY e.n) AS page ` +
    `FROM (SELECT ${EVENT_SOURCE_COLUMNS}, row_number() OVER (ORDER BY ${order}) AS n ${pick}) e ` +
    `GROUP BY (e.n - 1) / ${JSON_PAGE} ORDER BY (e.n - 1) / ${JSON_PAGE}`
  );
}

export function fromEventPages(rows: readonly EventPageRow[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (const { page } of rows) {
    if (!page) continue;
    for (const [streamId, revision, txId, seq, id, type, schemaVersion, data, metadata, prevHash, hash] of page) {
      events.push({
        id,
        type,
        schemaVersion,
        data,
        metadata: { ...metadata, prevHash, hash },
        streamId,
        revision,
        position: encodePosition(txId, seq),
      });
    }
  }
  return events;
}

export function toEventData(row: EventDataRow): EventData {
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    streamId: row.stream_id,
    revision: row.revision,
    position: encodePosition(row.tx_id, row.seq),
  };
}

/** The event without its metadata. */
export function withoutMetadata({ metadata: _metadata, ...event }: RecordedEvent): EventData {
  return event;
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
