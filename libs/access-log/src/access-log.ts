import { randomUUID } from 'node:crypto';
import type { EventStore, JsonObject, RecordedEvent } from '@csc/event-store';

/** The event type of one read of a record. */
export const ACCESS_EVENT_TYPE = 'RecordAccessed';

/** What was read: a case's or allegation's event history, or the access log itself. */
export type AccessWhat = 'history' | 'access-log';

/** One read, as recorded: references only (the user id and roles, never a name). */
export interface AccessEntry {
  /** The stream read (`case-<caseId>`, `allegation-<id>`). */
  readonly streamId: string;
  readonly what: AccessWhat;
  readonly userId: string;
  readonly roles: readonly string[];
  /** The role that granted the read. */
  readonly grantedBy: string;
  /** Why, if the reader said (X-Access-Reason header or ?reason=). */
  readonly reason: string | null;
  /** The history was read as of this instant (null: as it is now). */
  readonly asOf: string | null;
  readonly at: Date;
  /** The request's id, to join with the api's logs. */
  readonly requestId: string;
}

export interface AccessRecord {
  readonly at: string;
  readonly userId: string;
  readonly roles: readonly string[];
  readonly grantedBy: string;
  readonly what: AccessWhat;
  readonly reason: string | null;
  readonly asOf: string | null;
  readonly requestId: string;
  readonly revision: number;
}

/**
 * Each record's reads go to their own stream, `access-<streamId>`
 * (`access-case-c1`): "who looked at this child's record" is one stream read,
 * and readers of different children never contend for one stream.
 */
export function accessStreamId(streamId: string): string {
  return `access-${streamId}`;
}

/** Appends the read to the record's access stream (any revision: reads never conflict). */
export async function recordAccess(store: EventStore, entry: AccessEntry): Promise<void> {
  const data: JsonObject = {
    streamId: entry.streamId,
    what: entry.what,
    userId: entry.userId,
    roles: [...entry.roles],
    grantedBy: entry.grantedBy,
    reason: entry.reason,
    asOf: entry.asOf,
    requestId: entry.requestId,
  };
  await store.append(
    accessStreamId(entry.streamId),
    [{ id: randomUUID(), type: ACCESS_EVENT_TYPE, data, metadata: { occurredAt: entry.at.toISOString(), actor: { userId: entry.userId, role: entry.grantedBy }, correlationId: entry.requestId } }],
    'any',
  );
}

/** Every recorded read of a record, oldest first. */
export async function readAccessLog(store: EventStore, streamId: string): Promise<AccessRecord[]> {
  const events = await store.readStream(accessStreamId(streamId));
  return events.filter((event) => event.type === ACCESS_EVENT_TYPE).map(toRecord);
}

function toRecord(event: RecordedEvent): AccessRecord {
  const data = event.data as unknown as Omit<AccessRecord, 'at' | 'revision'>;
  return {
    at: event.metadata.occurredAt,
    userId: data.userId,
    roles: data.roles,
    grantedBy: data.grantedBy,
    what: data.what,
    reason: data.reason,
    asOf: data.asOf,
    requestId: data.requestId,
    revision: event.revision,
  };
}
