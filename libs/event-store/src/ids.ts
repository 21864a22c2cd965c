import { createHash } from 'node:crypto';

/** Namespace of the engine's derived event ids (a fixed random uuid). */
export const CSC_EVENT_NAMESPACE = '2f0b6c1e-8a43-4d7e-9a55-6b1f3c9e2d70';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A deterministic (RFC 4122 version 5) uuid for an event the system derives,
 * from a name that identifies it uniquely, e.g. `alert:<deadlineId>:breached`.
 * Deriving the same event twice gives the same id, so the append is idempotent.
 */
export function deterministicEventId(name: string, namespace: string = CSC_EVENT_NAMESPACE): string {
  if (!isUuid(namespace)) throw new RangeError(`namespace must be a uuid, got ${JSON.stringify(namespace)}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
