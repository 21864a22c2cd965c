import { randomUUID } from 'node:crypto';

/** A name no other test (or parallel tier) uses: for streams, Redis prefixes, schemas, queues. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/** A lower-case identifier safe as a PostgreSQL schema or Redis prefix. */
export function uniqueIdentifier(prefix: string): string {
  return uniqueName(prefix).replace(/-/g, '_').toLowerCase();
}
