import type { Redis } from '@csc/redis';
import { scanKeys } from '../support/invariants';

/** Personal data found where it must not be. */
export interface Finding {
  /** `redis key <key>`, `redis value <key>`, or `log <process> line <n>`. */
  readonly where: string;
  readonly marker: string;
  /** Up to 200 characters around it. */
  readonly excerpt: string;
}

function search(where: string, text: string, markers: readonly string[]): Finding[] {
  const lower = text.toLowerCase();
  const found: Finding[] = [];
  for (const marker of markers) {
    const at = lower.indexOf(marker.toLowerCase());
    if (at >= 0) found.push({ where, marker, excerpt: text.slice(Math.max(0, at - 80), at + marker.length + 80) });
  }
  return found;
}

/** Also the URL-encoded forms (`Zephyrine%20Quillborough`, `Zephyrine+Quillborough`) of each marker. */
function withEncodings(markers: readonly string[]): string[] {
  return [...new Set(markers.flatMap((m) => [m, encodeURIComponent(m), encodeURIComponent(m).replace(/%20/g, '+')]))];
}

/**
 * Every key under `<prefix>` (its name and its whole value, whatever its type: BullMQ job hashes
 * with their data, return values and failure reasons, BullMQ event streams, read models,
 * inboxes, idempotency records) searched for each marker, case-insensitively.
 */
export async function scanRedis(redis: Redis, prefix: string, markers: readonly string[]): Promise<{ findings: Finding[]; keys: number; jobs: number }> {
  const all = withEncodings(markers);
  const keys = await scanKeys(redis, `${prefix}*`);
  const findings: Finding[] = [];
  let jobs = 0;
  for (const key of keys) {
    findings.push(...search(`redis key ${key}`, key, all));
    let value: string;
    try {
      value = await readValue(redis, key);
    } catch {
      continue; // gone meanwhile
    }
    if (/:bull:[^:]+:[^:]+$/.test(key) && value.includes('"data"')) jobs++;
    findings.push(...search(`redis value ${key}`, value, all));
  }
  return { findings, keys: keys.length, jobs };
}

async function readValue(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'string': return (await redis.get(key)) ?? '';
    case 'hash': return JSON.stringify(await redis.hgetall(key));
    case 'zset': return JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'));
    case 'list': return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set': return JSON.stringify(await redis.smembers(key));
    case 'stream': return JSON.stringify(await redis.xrange(key, '-', '+'));
    default: return '';
  }
}

/** Each line a process wrote, searched for each marker (and its URL encodings). */
export function scanLines(process: string, lines: readonly string[], markers: readonly string[]): Finding[] {
  const all = withEncodings(markers);
  return lines.flatMap((line, n) => search(`log ${process} line ${n + 1}`, line, all));
}
