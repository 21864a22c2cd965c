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
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    const values = await readValues(redis, batch);
    batch.forEach((key, n) => {
      findings.push(...search(`redis key ${key}`, key, all));
      const value = values[n] ?? '';
      if (/:bull:[^:]+:[^:]+$/.test(key) && value.includes('"data"')) jobs++;
      findings.push(...search(`redis value ${key}`, value, all));
    });
  }
  return { findings, keys: keys.length, jobs };
}

const BATCH = 500;

/** The values of these keys, whatever their types, as text (two pipelined round trips; '' for a key gone meanwhile). */
async function readValues(redis: Redis, keys: readonly string[]): Promise<string[]> {
  const typing = redis.pipeline();
  for (const key of keys) typing.type(key);
  const types = ((await typing.exec()) ?? []).map(([error, type]) => (error === null ? String(type) : 'none'));
  const reading = redis.pipeline();
  keys.forEach((key, n) => {
    switch (types[n]) {
      case 'string': reading.get(key); break;
      case 'hash': reading.hgetall(key); break;
      case 'zset': reading.zrange(key, 0, -1, 'WITHSCORES'); break;
      case 'list': reading.lrange(key, 0, -1); break;
      case 'set': reading.smembers(key); break;
      case 'stream': reading.xrange(key, '-', '+'); break;
      case undefined:
      default: reading.echo('');
    }
  });
  return ((await reading.exec()) ?? []).map(([error, value]) => (error !== null ? '' : typeof value === 'string' ? value : JSON.stringify(value)));
}

/** Each line a process wrote, searched for each marker (and its URL encodings). */
export function scanLines(process: string, lines: readonly string[], markers: readonly string[]): Finding[] {
  const all = withEncodings(markers);
  return lines.flatMap((line, n) => search(`log ${process} line ${n + 1}`, line, all));
}
