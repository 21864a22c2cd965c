import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ShareMessage } from './rebuild-thread';
import { runShareTask, type ShareProgress, type ShareReport, type ShareTask } from './rebuild-share';

/** How a rebuild may use worker threads (`ProjectorOptions.rebuildThreads`). */
export interface RebuildThreads {
  /** Threads, one per share of the streams: the calling thread and count - 1 workers (2 or more; fewer rebuilds in the calling thread alone). */
  readonly count: number;
  /** How each thread opens the store: the settings this process opened it with (`createEventStore`). */
  readonly store: ShareTask['store'];
  /** How each thread connects to Redis. */
  readonly redisUrl: string;
}

/** The thread entry, compiled (dist/). Under jest the sources are TypeScript, which a worker thread cannot load. */
const THREAD_ENTRY = path.join(__dirname, 'rebuild-thread.js');

/**
 * Rebuilds every share of `tasks` at once: the first in this thread, each of the others in a
 * worker thread (this thread would otherwise sit idle, and a thread costs its own start: loading
 * the code, a heap, compiling the code again). When this code runs from TypeScript sources, as in
 * tests, the others run in this thread too, interleaved: the same code on the same connections,
 * only without the thread. Sums their progress: reading until every share has read its events,
 * then writing. The first share to fail stops the others and is thrown.
 */
export async function rebuildInShares(
  tasks: readonly ShareTask[],
  progress: (p: ShareProgress) => void,
  totalEvents: number | undefined,
): Promise<Omit<ShareReport, 'position'>> {
  const latest: ShareProgress[] = tasks.map(() => ({ phase: 'reading', done: 0, total: undefined }));
  const read: number[] = tasks.map(() => 0);
  const report = (index: number, p: ShareProgress): void => {
    latest[index] = p;
    if (p.phase === 'reading') read[index] = p.done;
    const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
    if (latest.some((share) => share.phase === 'reading')) progress({ phase: 'reading', done: sum(read), total: totalEvents });
    else progress({ phase: 'writing', done: sum(latest.map((share) => share.done)), total: sum(latest.map((share) => share.total ?? 0)) });
  };
  const stop = new AbortController();
  const inThreads = existsSync(THREAD_ENTRY);
  const runs = tasks.map(async (task, index) => {
    try {
      return await (inThreads && index > 0 ? inThread(task, (p) => report(index, p), stop.signal) : runShareTask(task, (p) => report(index, p), stop.signal));
    } catch (error) {
      stop.abort();
      throw new Error(`rebuild share ${index + 1} of ${tasks.length} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  });
  const settled = await Promise.allSettled(runs);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const reports = settled.map((outcome) => (outcome as PromiseFulfilledResult<ShareReport>).value);
  const total = (pick: (r: ShareReport) => number): number => reports.reduce((sum, r) => sum + pick(r), 0);
  return {
    events: total((r) => r.events), cases: total((r) => r.cases), deadlines: total((r) => r.deadlines), allegations: total((r) => r.allegations), alerts: total((r) => r.alerts),
    readMs: Math.max(...reports.map((r) => r.readMs)), writeMs: Math.max(...reports.map((r) => r.writeMs)),
  };
}

function inThread(task: ShareTask, progress: (p: ShareProgress) => void, stop: AbortSignal): Promise<ShareReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD_ENTRY, { workerData: task });
    let outcome: 'done' | 'failed' | undefined;
    const terminate = (): void => void worker.terminate();
    stop.addEventListener('abort', terminate, { once: true });
    worker.on('message', (message: ShareMessage) => {
      if (message.kind === 'progress') progress(message.progress);
      else if (message.kind === 'done') {
        outcome = 'done';
        resolve(message.report);
      } else {
        outcome = 'failed';
        reject(new Error(message.message));
      }
    });
    worker.on('error', (error) => {
      outcome ??= 'failed';
      reject(error);
    });
    worker.on('exit', (code) => {
      stop.removeEventListener('abort', terminate);
      if (outcome === undefined) reject(new Error(stop.aborted ? 'stopped: another share failed' : `its thread exited (code ${code}) before reporting`));
    });
  });
}
