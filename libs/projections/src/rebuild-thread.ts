import { parentPort, workerData } from 'node:worker_threads';
import { runShareTask, type ShareProgress, type ShareReport, type ShareTask } from './rebuild-share';

/** What a rebuild thread tells the thread that started it. */
export type ShareMessage =
  | { readonly kind: 'progress'; readonly progress: ShareProgress }
  | { readonly kind: 'done'; readonly report: ShareReport }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The entry of a rebuild thread (`QueueProjector.rebuild` starts one per share of the log):
 * rebuilds the share its `workerData` names and posts its progress and report. Loaded only as
 * compiled JavaScript (dist/), in a worker thread.
 */
const port = parentPort;
const task = workerData as ShareTask | undefined;
if (port !== null && task !== undefined) {
  const post = (message: ShareMessage): void => port.postMessage(message);
  runShareTask(task, (progress) => post({ kind: 'progress', progress })).then(
    (report) => post({ kind: 'done', report }),
    (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}
