import { createHash } from 'node:crypto';
import type { JsonValue, RecordedEvent, RecordedMetadata } from './envelope';

/** prevHash of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(canonicalJson).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key]!)}`).join(',')}}`;
}

/** The parts of an event its hash covers: everything but its place in the store and the hashes. */
export interface HashedContent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonValue;
  readonly metadata: Omit<RecordedMetadata, 'prevHash' | 'hash'>;
}

/** sha256 of the event's canonical content, hex. Computed by the writer, checked by verifyStream. */
export function contentDigest(content: HashedContent): string {
  const { occurredAt, recordedAt, actor, correlationId, causationId, rulebookVersion } = content.metadata;
  const canonical = canonicalJson({
    streamId: content.streamId,
    id: content.id,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: { occurredAt, recordedAt, actor: { userId: actor.userId, role: actor.role }, correlationId, causationId, rulebookVersion },
  });
  return sha256Hex(canonical);
}

/** The chain link: sha256(prevHash + digest), hex. The SQL adapters compute the same in the database. */
export function chainHash(prevHash: string, digest: string): string {
  return sha256Hex(prevHash + digest);
}

/** Checks stored events (as stored, not upcast) in revision order; returns the first that breaks the chain. */
export function findBrokenLink(events: readonly RecordedEvent[]): { readonly event: RecordedEvent; readonly reason: string } | undefined {
  let prev = GENESIS_HASH;
  let expectedRevision = 0;
  for (const event of events) {
    if (event.revision !== expectedRevision) return { event, reason: `revision ${event.revision} follows ${expectedRevision - 1}` };
    if (event.metadata.prevHash !== prev) return { event, reason: 'prevHash does not match the hash of the previous event' };
    const hash = chainHash(prev, contentDigest(event));
    if (hash !== event.metadata.hash) return { event, reason: 'content does not match its hash' };
    prev = hash;
    expectedRevision += 1;
  }
  return undefined;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
