import type { Redis } from '@csc/redis';
import { EvictionPolicyError } from './errors';

/**
 * Refuses to run on a Redis that evicts keys it chooses (`allkeys-*`): it could drop delayed
 * alert jobs and checkpoints silently. Reads INFO (CONFIG may be disabled on managed Redis).
 * Returns the policy found.
 */
export async function assertEvictionPolicy(redis: Redis): Promise<string> {
  const info = await redis.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? 'unknown';
  if (policy.startsWith('allkeys-')) throw new EvictionPolicyError(policy);
  return policy;
}
