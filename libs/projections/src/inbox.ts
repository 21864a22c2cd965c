import { randomUUID } from 'node:crypto';
import type { EventStore } from '@csc/event-store';
import { inboxStreamId } from './keys';

/** The event a user's "mark as read" records on their inbox stream (`inbox-<userKey>`). */
export const INBOX_READ_EVENT = 'InboxAlertsRead';

/** At most this many alerts are marked read by one request. */
export const MAX_READ_MARKS = 500;

/**
 * Records that a user read some alerts of their inbox: an `InboxAlertsRead` event on the user's
 * own stream, holding only the alert event ids (the actor is the user). It is an event, not a
 * Redis-only flag, so who read which alert and when is kept with the rest of the audit trail and
 * the read-marks come back when the read model is rebuilt.
 */
export async function recordInboxRead(store: EventStore, actor: { readonly userId: string; readonly role: string }, alertEventIds: readonly string[], now: Date): Promise<void> {
  const ids = [...new Set(alertEventIds)].sort();
  if (ids.length === 0) return;
  const correlationId = randomUUID();
  await store.append(inboxStreamId(actor.userId), [{
    id: randomUUID(), type: INBOX_READ_EVENT, data: { alertEventIds: ids },
    metadata: { occurredAt: now.toISOString(), actor: { userId: actor.userId, role: actor.role }, correlationId, causationId: null, rulebookVersion: null },
  }], 'any');
}
