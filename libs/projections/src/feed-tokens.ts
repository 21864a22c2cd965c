import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from '@csc/redis';

/**
 * Secret calendar-feed tokens, one per IRO: Redis keeps only a SHA-256 of each, under the IRO's
 * reference. Creating a token replaces (rotates) the old one; revoking deletes it. Not a read
 * model: a flushed Redis loses the tokens and their owners create new ones.
 */
export class FeedTokens {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(iroRef: string): string {
    return `${this.prefix}:feed-token:iro:${iroRef}`;
  }

  /** A new secret token for the IRO (shown once); the previous one stops working. */
  async rotate(iroRef: string): Promise<string> {
    const token = `${iroRef}.${randomBytes(24).toString('base64url')}`;
    await this.redis.set(this.key(iroRef), digest(token));
    return token;
  }

  async revoke(iroRef: string): Promise<boolean> {
    return (await this.redis.del(this.key(iroRef))) === 1;
  }

  /** The IRO the token belongs to, or undefined when it is unknown, rotated or revoked. */
  async verify(token: string): Promise<string | undefined> {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const iroRef = token.slice(0, dot);
    const stored = await this.redis.get(this.key(iroRef));
    if (stored === null) return undefined;
    const a = Buffer.from(stored, 'hex');
    const b = Buffer.from(digest(token), 'hex');
    return a.length === b.length && timingSafeEqual(a, b) ? iroRef : undefined;
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
