import {
  ALLEGATION_STREAM_PREFIX, CASE_STREAM_PREFIX, foldAllegation, foldCase, initialAllegationState, initialCaseState, isTimescaleAlertType,
  type AllegationState, type CaseState, type DeadlineOptions,
} from '@csc/case';
import { WorkingCalendar, type WorkingCalendarInput } from '@csc/calendar';
import { createEventStore, readsPartitions, START, type EventData, type Position, type StreamPartition } from '@csc/event-store';
import { createRedis } from '@csc/redis';
import { INBOX_READ_EVENT } from './inbox';
import { INBOX_STREAM_PREFIX, ProjectionKeys } from './keys';
import { allegationView, caseView, inboxAlert } from './view';
import { BulkWriter, readMarksOf } from './writer';

/** Streams the projector follows: children's cases (with their alert events), LADO allegations, inbox read-marks. */
export const STREAM_PREFIXES = [CASE_STREAM_PREFIX, ALLEGATION_STREAM_PREFIX, INBOX_STREAM_PREFIX];

export interface ShareProgress {
  readonly phase: 'reading' | 'writing';
  /** Events read (reading), or cases and allegations written (writing). */
  readonly done: number;
  /** Cases and allegations to write; unknown while reading. */
  readonly total: number | undefined;
}

/** What rebuilding one share of the log (or the whole log) wrote. */
export interface ShareReport {
  readonly events: number;
  readonly cases: number;
  readonly deadlines: number;
  readonly allegations: number;
  readonly alerts: number;
  /** The last event read (START when none was). */
  readonly position: Position;
  /** Milliseconds reading and folding, then deriving and writing the views. */
  readonly readMs: number;
  readonly writeMs: number;
}

interface FoldedAllegation {
  state: AllegationState;
  openedAt: string | null;
}

export const openedAtOf = (event: EventData): string | null => (event.type === 'AllegationOpened' && typeof event.data.occurredAt === 'string' ? event.data.occurredAt : null);

/**
 * Rebuilds the read model of the streams `read` gives into `writer`'s generation: reads page
 * after page (the next one is fetched while this one is folded), folds each case and
 * allegation in memory, writes inbox alerts and read-marks as they come, then derives each
 * case's and allegation's view once and writes it. Each stream must come whole and in order
 * (the whole log, or one share of it: every stream is in exactly one share). Checks `signal`
 * between pages and every 500 views.
 */
export async function rebuildShare(
  read: (after: Position) => Promise<readonly EventData[]>,
  writer: BulkWriter,
  deadlines: DeadlineOptions,
  progress: (p: ShareProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ShareReport> {
  const started = performance.now();
  const cases = new Map<string, CaseState>();
  const allegations = new Map<string, FoldedAllegation>();
  let position = START;
  let events = 0;
  let alerts = 0;
  const readPage = (after: Position): Promise<readonly EventData[]> => {
    const page = read(after);
    page.catch(() => undefined); // awaited below
    return page;
  };
  let next = readPage(position);
  for (;;) {
    const page = await next;
    signal?.throwIfAborted();
    const last = page[page.length - 1];
    if (last === undefined) break;
    next = readPage(last.position);
    for (const event of page) {
      const { streamId } = event;
      if (streamId.startsWith(CASE_STREAM_PREFIX)) {
        const caseId = streamId.slice(CASE_STREAM_PREFIX.length);
        cases.set(caseId, foldCase([event], cases.get(caseId) ?? initialCaseState));
        if (isTimescaleAlertType(event.type)) {
          const alert = inboxAlert(event, caseId);
          if (alert !== undefined) {
            alerts++;
            writer.inboxAlert(alert);
          }
        }
      } else if (streamId.startsWith(ALLEGATION_STREAM_PREFIX)) {
        const id = streamId.slice(ALLEGATION_STREAM_PREFIX.length);
        const folded = allegations.get(id);
        if (folded === undefined) allegations.set(id, { state: foldAllegation([event], initialAllegationState), openedAt: openedAtOf(event) });
        else {
          folded.state = foldAllegation([event], folded.state);
          folded.openedAt ??= openedAtOf(event);
        }
      } else if (streamId.startsWith(INBOX_STREAM_PREFIX) && event.type === INBOX_READ_EVENT) {
        writer.readMarks(streamId.slice(INBOX_STREAM_PREFIX.length), readMarksOf(event.data));
      }
      if (writer.full) await writer.flush();
    }
    events += page.length;
    position = last.position;
    progress({ phase: 'reading', done: events, total: undefined });
  }
  const readDone = performance.now();
  const total = cases.size + allegations.size;
  let done = 0;
  let openDeadlines = 0;
  let openAllegations = 0;
  const step = (): void => {
    if (++done % 500 !== 0) return;
    signal?.throwIfAborted();
    progress({ phase: 'writing', done, total });
  };
  for (const state of cases.values()) {
    const view = caseView(state, deadlines);
    if (view !== undefined) {
      writer.caseView(view);
      openDeadlines += view.deadlines.length;
      if (writer.full) await writer.flush();
    }
    step();
  }
  for (const { state, openedAt } of allegations.values()) {
    const view = allegationView(state, openedAt, deadlines);
    if (view !== undefined) {
      writer.allegation(view);
      openAllegations++;
      if (writer.full) await writer.flush();
    }
    step();
  }
  await writer.finish();
  progress({ phase: 'writing', done, total });
  return {
    events, cases: cases.size, deadlines: openDeadlines, allegations: openAllegations, alerts, position,
    readMs: Math.round(readDone - started), writeMs: Math.round(performance.now() - readDone),
  };
}

/** Everything a share needs to rebuild on its own connections, in another thread: plain data only. */
export interface ShareTask {
  /** The store as this process opened it (`createEventStore` settings). */
  readonly store: { readonly eventStore: string; readonly dataDir: string; readonly schema?: string };
  readonly redisUrl: string;
  /** The read model's key prefix and the generation being written. */
  readonly prefix: string;
  readonly generation: string;
  readonly calendar: WorkingCalendarInput;
  readonly partition: StreamPartition;
  /** Where every share stops: the store's head when the rebuild began. */
  readonly upTo: Position;
  readonly pageSize: number;
}

/** Opens the store and Redis, rebuilds one share of the log into the task's generation, and closes them. */
export async function runShareTask(task: ShareTask, progress?: (p: ShareProgress) => void, signal?: AbortSignal): Promise<ShareReport> {
  const store = await createEventStore({ eventStore: task.store.eventStore, dataDir: task.store.dataDir, ...(task.store.schema === undefined ? {} : { schema: task.store.schema }) });
  const redis = createRedis(task.redisUrl, { role: 'blocking', connectionName: `csc-rebuild-share-${task.partition.index}` });
  try {
    if (!readsPartitions(store)) throw new Error(`the ${store.kind} store offers no partitioned reads`);
    // Settings that open another (say empty) store would rebuild from nothing: its log must reach where the rebuild began.
    const head = await store.head();
    if (head < task.upTo) throw new Error(`the store this thread opened ends at ${head}, before ${task.upTo} where the rebuild began: it is not the same store`);
    const keys = new ProjectionKeys(task.prefix).at(task.generation);
    const read = (after: Position): Promise<EventData[]> =>
      store.readPartitionData({ after, upTo: task.upTo, partition: task.partition, filter: { streamPrefixes: STREAM_PREFIXES }, maxCount: task.pageSize });
    return await rebuildShare(read, new BulkWriter(redis, keys), { calendar: new WorkingCalendar(task.calendar) }, progress, signal);
  } finally {
    redis.disconnect();
    await store.close();
  }
}
