import { Queue } from 'bullmq';
import type { Redis } from '@csc/redis';
import { FIRE_JOB_NAME, FIRE_QUEUE, bullPrefix, fireJobData, fireJobId, fireJobOf, fireJobOptions, type FireJob, type FireJobData } from './jobs';
import type { PlannedAlert } from './plan';

/** Jobs per pipelined batch or addBulk call. */
const CHUNK = 1000;
/** addBulk calls sent before the first has answered. */
const IN_FLIGHT = 4;

/** The firing jobs of the alerts queue, read and written in bulk (pipelined). */
export class FireQueue {
  readonly queue: Queue<FireJobData>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly attempts: number,
  ) {
    // BullMQ logs every add to an events stream (10,000 entries by default): keep it short.
    this.queue = new Queue<FireJobData>(FIRE_QUEUE, { connection: redis, prefix: bullPrefix(prefix), streams: { events: { maxLen: 100 } } });
  }

  /** The references of those of these job ids that exist (in any state): one pipelined HGET per 1,000 ids. */
  async existing(jobIds: readonly string[]): Promise<Map<string, FireJob>> {
    const found = new Map<string, FireJob>();
    for (let i = 0; i < jobIds.length; i += CHUNK) {
      const chunk = jobIds.slice(i, i + CHUNK);
      const pipeline = this.redis.pipeline();
      for (const id of chunk) pipeline.hget(this.queue.toKey(id), 'data');
      const replies = (await pipeline.exec()) ?? [];
      chunk.forEach((id, n) => {
        const [error, value] = replies[n] ?? [null, null];
        if (error === null && typeof value === 'string') found.set(id, fireJobOf(JSON.parse(value) as FireJobData));
      });
    }
    return found;
  }

  /**
   * Adds the alerts' jobs, 1,000 per addBulk, up to 4 addBulk calls in flight (the next chunk is
   * encoded while Redis runs the last). A no-op for an id that exists: remove it first to move it.
   */
  async add(alerts: readonly PlannedAlert[], now: number, onChunk?: (done: number) => void): Promise<void> {
    let next = 0;
    let done = 0;
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, Math.ceil(alerts.length / CHUNK)) }, async () => {
      while (next < alerts.length) {
        const chunk = alerts.slice(next, (next += CHUNK));
        await this.queue.addBulk(chunk.map((a) => ({ name: FIRE_JOB_NAME, data: fireJobData(a), opts: fireJobOptions(a, now, this.attempts) })));
        done += chunk.length;
        onChunk?.(done);
      }
    }));
  }

  /**
   * Removes jobs, 1,000 at a time sent together (one BullMQ remove script each, without waiting
   * for one reply before sending the next). An active (locked) job stays, and its processor
   * re-checks the case. Returns how many went.
   */
  async remove(jobIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (let i = 0; i < jobIds.length; i += CHUNK) {
      const counts = await Promise.all(jobIds.slice(i, i + CHUNK).map((id) => this.queue.remove(id)));
      removed += counts.reduce((sum, n) => sum + n, 0);
    }
    return removed;
  }

  /** Ids of every job in the queue, in any state (one ZRANGE/LRANGE per state). */
  async allIds(): Promise<string[]> {
    return this.queue.getRanges(['delayed', 'waiting', 'prioritized', 'active', 'failed', 'completed'], 0, -1);
  }

  async failedIds(): Promise<string[]> {
    return this.queue.getRanges(['failed'], 0, -1);
  }

  /** Sends failed jobs round again (after attempts were spent, e.g. while the event store was down). */
  async retry(jobIds: readonly string[]): Promise<number> {
    let retried = 0;
    for (let i = 0; i < jobIds.length; i += CHUNK) {
      const done = await Promise.all(jobIds.slice(i, i + CHUNK).map(async (id) => {
        const job = await this.queue.getJob(id);
        if (job === undefined || !(await job.isFailed())) return 0;
        await job.retry('failed');
        return 1;
      }));
      retried += done.reduce<number>((sum, n) => sum + n, 0);
    }
    return retried;
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

export { fireJobId };
