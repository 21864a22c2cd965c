import type { Redis } from '@csc/redis';
import type { Recipient } from '../events';
import type { AlertNotice } from '../processor';
import type { DeliveryChannel } from './channel';

function inboxKey(prefix: string, recipient: Recipient): string {
  return `${prefix}:alerts:inbox:${recipient.kind}:${recipient.ref}`;
}

/**
 * The in-app inbox of each recipient (an IRO's user id, a team, a team's manager): a sorted set
 * of alert event ids by scheduled time, and their notices (references only). Idempotent.
 */
export class InboxChannel implements DeliveryChannel {
  readonly name = 'inbox';

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async deliver(notice: AlertNotice): Promise<'sent'> {
    const key = inboxKey(this.prefix, notice.recipient);
    await this.redis.multi().zadd(key, Date.parse(notice.scheduledFor), notice.eventId).hset(`${key}:items`, notice.eventId, JSON.stringify(notice)).exec();
    return 'sent';
  }

  /** The newest alerts of a recipient's inbox first. */
  async read(recipient: Recipient, limit = 50): Promise<AlertNotice[]> {
    const key = inboxKey(this.prefix, recipient);
    const ids = await this.redis.zrevrange(key, 0, limit - 1);
    if (ids.length === 0) return [];
    const items = await this.redis.hmget(`${key}:items`, ...ids);
    return items.filter((item): item is string => item !== null).map((item) => JSON.parse(item) as AlertNotice);
  }
}
