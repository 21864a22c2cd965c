import type { NewEvent, RecordedMetadata } from './envelope';
import { InvalidAppendError } from './errors';
import { contentDigest } from './hash';
import { isUuid } from './ids';
import type { ExpectedRevision } from './port';

/** A new event checked and stamped with its recording instant and content digest, ready to chain. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: NewEvent['data'];
  readonly metadata: Omit<RecordedMetadata, 'prevHash' | 'hash'>;
  readonly digest: string;
}

/** Validates an append (naming the bad field) and prepares its events; throws InvalidAppendError. */
export function prepareAppend(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, recordedAt: Date): PreparedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 200) throw new InvalidAppendError('streamId', 'must be 1-200 characters');
  if (streamId.startsWith('$')) throw new InvalidAppendError('streamId', 'may not start with "$" (reserved for system streams)');
  checkExpected(expected);
  if (events.length === 0) throw new InvalidAppendError('events', 'an append needs at least one event');
  const seen = new Set<string>();
  const recorded = recordedAt.toISOString();
  return events.map((event, index) => {
    const field = `events[${index}]`;
    if (!isUuid(event.id)) throw new InvalidAppendError(`${field}.id`, 'must be a uuid');
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(`${field}.id`, 'appears twice in one append');
    seen.add(id);
    if (typeof event.type !== 'string' || !/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/.test(event.type)) {
      throw new InvalidAppendError(`${field}.type`, 'must be a name of letters, digits, ".", "_" or "-"');
    }
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) throw new InvalidAppendError(`${field}.schemaVersion`, 'must be a positive integer');
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) throw new InvalidAppendError(`${field}.data`, 'must be a JSON object');
    const metadata = {
      occurredAt: instant(event.metadata.occurredAt, `${field}.metadata.occurredAt`),
      recordedAt: recorded,
      actor: { userId: text(event.metadata.actor?.userId, `${field}.metadata.actor.userId`), role: text(event.metadata.actor?.role, `${field}.metadata.actor.role`) },
      correlationId: text(event.metadata.correlationId, `${field}.metadata.correlationId`),
      causationId: event.metadata.causationId ?? null,
      rulebookVersion: event.metadata.rulebookVersion ?? null,
    };
    const content = { streamId, id, type: event.type, schemaVersion, data: event.data, metadata };
    return { id, type: event.type, schemaVersion, data: event.data, metadata, digest: contentDigest(content) };
  });
}

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected === 'no_stream' ? 'no stream' : 'any revision';
}

function checkExpected(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no_stream') return;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new InvalidAppendError('expectedRevision', 'must be "no_stream", "any" or a revision >= 0');
}

function instant(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new InvalidAppendError(field, 'must be an ISO-8601 instant with a zone, e.g. 2025-03-01T10:00:00Z');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidAppendError(field, 'is not a real instant');
  return date.toISOString();
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidAppendError(field, 'must be a non-empty string');
  return value;
}
