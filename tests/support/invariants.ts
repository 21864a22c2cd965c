/**
 * What must hold of a running (or stopped) engine's event store and Redis after
 * any amount of load or any fault (DESIGN.md, "What must always hold"): the
 * check the load test and the fault tests run at the end.
 *
 * ```ts
 * await waitForQuiescence({ store, redis, prefix });           // projections and alerts caught up
 * const result = await checkInvariants({ store, redis, prefix, acknowledged });
 * expect(result.problems).toEqual([]);                         // result.ok === (problems.length === 0)
 * result.figures;                                              // { events, streams, alertEvents, jobs, ... }
 * ```
 *
 * `store` is an `EventStore` opened on the engine's store (for PostgreSQL: the same database and
 * schema, e.g. `createPostgresEventStore({ url, schema: 'event_store' })`); `redis` a client of the
 * engine's Redis; `prefix` its `CSC_REDIS_PREFIX`. `acknowledged` lists every command a client got
 * a success answer for, as the API answered it (`CommandResult`: `streamId` and
 * `events: [{ id, revision }]`); commands that failed or timed out are not listed (they may or may
 * not have been appended; either is fine).
 *
 * Checks, each adding human-readable lines to `problems`:
 * 1. **Acknowledged writes are kept, once**: every acknowledged event id is in the store exactly
 *    once, on the acknowledged stream at the acknowledged revision; no event id appears twice.
 * 2. **Revisions are contiguous**: each stream's revisions are 0..n-1 with no gap or repeat, and
 *    the global order (`readAll`) never puts a later revision of a stream before an earlier one.
 * 3. **Hash chains verify**: `store.verifyStream` is ok for every stream.
 * 4. **No alert raised twice**: alert events (`TimescaleReminderSent`, `TimescaleBreached`,
 *    `TimescaleEscalated`) are unique per `alertId` (deadline + kind) on their case stream, and
 *    each has the deterministic id `alertEventId(alertId)`.
 * 5. **Alert jobs are consistent**: each case is planned with `@csc/alerts`' own `planCase`
 *    (pure: what the scheduler wants), and the BullMQ `alerts` queue is compared with it: every
 *    deadline's next alert not yet raised has exactly its job (`fireJobId`) at its planned time;
 *    no job is left for an alert not wanted (orphans); no job is failed; and no wanted alert is
 *    more than `dueGraceMs` past its time without having been raised (it should have fired).
 * 6. **Projections equal a rebuild**: the live queue projection's checkpoint is at the store's
 *    last case event, and its keys (`<prefix>:rm:queues:*`) equal, key by key and value by value,
 *    a rebuild from zero into a separate throw-away prefix (deleted afterwards).
 *
 * `figures` counts what was checked (events, streams, caseStreams, acknowledgedCommands,
 * acknowledgedEvents, alertEvents, wantedJobs, jobs, failedJobs, overdueUnraised,
 * projectionKeys), for reports.
 *
 * The check is read-only on the engine's keys and tolerates a running engine, but only means
 * something once it is quiescent: call `waitForQuiescence` first (it waits until both
 * subscriptions' checkpoints reach the store's last event and no firing or delivery job is
 * waiting, active or due).
 */
import { randomUUID } from 'node:crypto';
import { DELIVERY_QUEUE, DEFAULT_ALERT_POLICY, FIRE_QUEUE, FireQueue, SCHEDULER_SUBSCRIBER, alertEventId, bullPrefix, fireJobId, isAlertEventType, planCase, type AlertPolicy, type PlannedAlert } from '@csc/alerts';
import { shippedCalendar, type WorkingCalendar } from '@csc/calendar';
import { START, RedisCheckpointStore, type EventStore, type Position, type RecordedEvent } from '@csc/event-store';
import { QUEUES_SUBSCRIBER, QueueProjector, deleteUnder } from '@csc/projections';
import type { Redis } from '@csc/redis';
import type { RulebookRegistry } from '@csc/rulebook';
import { Queue } from 'bullmq';

/** One command a client was told had succeeded, as the API answered it. */
export interface AcknowledgedCommand {
  readonly streamId: string;
  readonly events: readonly { readonly id: string; readonly revision: number; readonly type?: string }[];
  /** What it was (for messages), e.g. `record-lac-visit child-000012`. */
  readonly label?: string;
}

export interface InvariantOptions {
  readonly store: EventStore;
  readonly redis: Redis;
  /** The engine's CSC_REDIS_PREFIX. */
  readonly prefix: string;
  readonly acknowledged: readonly AcknowledgedCommand[];
  /** The engine's working calendar (default: the shipped bank holidays, no closure days). */
  readonly calendar?: WorkingCalendar;
  readonly rulebooks?: RulebookRegistry;
  /** The alert policy the worker runs (default: `DEFAULT_ALERT_POLICY`, escalation on). */
  readonly policy?: AlertPolicy;
  /** "Now" for judging alerts that should have fired already (default: the real clock). */
  readonly now?: Date;
  /** How long past its time a wanted alert may still be unraised (default 60 s). */
  readonly dueGraceMs?: number;
  /** Skip the projection rebuild comparison (e.g. a test that has no worker). */
  readonly skipProjections?: boolean;
  /** Skip the alert jobs comparison (e.g. a test that has no worker). */
  readonly skipAlertJobs?: boolean;
}

export interface InvariantResult {
  readonly ok: boolean;
  readonly problems: string[];
  readonly figures: Record<string, number>;
}

const PAGE = 5000;
/** At most this many lines of one kind of problem are listed (then a count). */
const MAX_LINES = 20;

class Problems {
  readonly lines: string[] = [];
  private readonly counts = new Map<string, number>();

  add(kind: string, line: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= MAX_LINES) this.lines.push(line);
  }

  finish(): string[] {
    for (const [kind, n] of this.counts) if (n > MAX_LINES) this.lines.push(`... and ${n - MAX_LINES} more of: ${kind}`);
    return this.lines;
  }
}

/** Every event of the store in global order. */
export async function readEverything(store: EventStore, after: Position = START): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let position = after;
  for (;;) {
    const page = await store.readAll({ after: position, maxCount: PAGE });
    all.push(...page);
    const last = page[page.length - 1];
    if (last === undefined) return all;
    position = last.position;
  }
}

/** Runs the checks above; see the file's doc comment. */
export async function checkInvariants(options: InvariantOptions): Promise<InvariantResult> {
  const problems = new Problems();
  const figures: Record<string, number> = {};
  const events = await readEverything(options.store);
  figures.events = events.length;

  // 1. and 2.: ids once, revisions contiguous and in global order.
  const byId = new Map<string, RecordedEvent[]>();
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    byId.set(event.id, [...(byId.get(event.id) ?? []), event]);
    const list = byStream.get(event.streamId) ?? [];
    const previous = list[list.length - 1];
    if (previous !== undefined && previous.revision >= event.revision) {
      problems.add('out of order', `${event.streamId}: revision ${event.revision} comes after revision ${previous.revision} in the global order`);
    }
    list.push(event);
    byStream.set(event.streamId, list);
  }
  figures.streams = byStream.size;
  for (const [id, found] of byId) {
    if (found.length > 1) problems.add('duplicate id', `event ${id} is stored ${found.length} times (${found.map((e) => `${e.streamId}@${e.revision}`).join(', ')})`);
  }
  for (const [streamId, list] of byStream) {
    const revisions = list.map((e) => e.revision).sort((a, b) => a - b);
    const gap = revisions.findIndex((revision, n) => revision !== n);
    if (gap >= 0) problems.add('revisions', `${streamId}: revisions are not contiguous from 0: expected ${gap}, found ${revisions[gap]} (${revisions.length} events)`);
  }
  let acknowledgedEvents = 0;
  for (const command of options.acknowledged) {
    for (const ack of command.events) {
      acknowledgedEvents++;
      const found = byId.get(ack.id) ?? [];
      const what = `${command.label ?? command.streamId}: acknowledged event ${ack.id} (${command.streamId}@${ack.revision})`;
      if (found.length === 0) problems.add('lost', `${what} is not in the store`);
      else if (found.length > 1) problems.add('acknowledged twice', `${what} is stored ${found.length} times`);
      else if (found[0]!.streamId !== command.streamId || found[0]!.revision !== ack.revision) {
        problems.add('misplaced', `${what} is stored at ${found[0]!.streamId}@${found[0]!.revision}`);
      }
    }
  }
  figures.acknowledgedCommands = options.acknowledged.length;
  figures.acknowledgedEvents = acknowledgedEvents;

  // 3. hash chains.
  const streams = [...byStream.keys()];
  for (let i = 0; i < streams.length; i += 16) {
    const results = await Promise.all(streams.slice(i, i + 16).map((id) => options.store.verifyStream(id)));
    for (const result of results) {
      if (!result.ok) problems.add('hash chain', `${result.streamId}: hash chain broken at revision ${result.revision} (${result.eventId}): ${result.reason}`);
    }
  }

  // 4. alerts raised once.
  const caseStreams = streams.filter((id) => id.startsWith('case-'));
  figures.caseStreams = caseStreams.length;
  let alertEvents = 0;
  for (const streamId of caseStreams) {
    const seen = new Map<string, number>();
    for (const event of byStream.get(streamId)!) {
      if (!isAlertEventType(event.type)) continue;
      alertEvents++;
      const alertId = (event.data as { alertId?: unknown }).alertId;
      if (typeof alertId !== 'string') {
        problems.add('alert id', `${streamId}@${event.revision}: ${event.type} has no alertId`);
        continue;
      }
      seen.set(alertId, (seen.get(alertId) ?? 0) + 1);
      if (event.id !== alertEventId(alertId)) problems.add('alert event id', `${streamId}@${event.revision}: ${event.type} ${alertId} has id ${event.id}, not its deterministic id`);
    }
    for (const [alertId, n] of seen) if (n > 1) problems.add('alert twice', `${streamId}: alert ${alertId} raised ${n} times`);
  }
  figures.alertEvents = alertEvents;

  // 5. alert jobs.
  if (options.skipAlertJobs !== true) await checkAlertJobs(options, byStream, caseStreams, problems, figures);

  // 6. projections.
  if (options.skipProjections !== true) await checkProjections(options, events, problems, figures);

  const lines = problems.finish();
  return { ok: lines.length === 0, problems: lines, figures };
}

async function checkAlertJobs(options: InvariantOptions, byStream: Map<string, RecordedEvent[]>, caseStreams: readonly string[], problems: Problems, figures: Record<string, number>): Promise<void> {
  const context = { calendar: options.calendar ?? shippedCalendar(), rulebooks: options.rulebooks, policy: options.policy ?? DEFAULT_ALERT_POLICY };
  const now = (options.now ?? new Date()).getTime();
  const grace = options.dueGraceMs ?? 60_000;
  const wanted = new Map<string, PlannedAlert>();
  let overdueUnraised = 0;
  for (const streamId of caseStreams) {
    try {
      for (const alert of planCase(byStream.get(streamId)!, context).next) {
        wanted.set(fireJobId(alert.alertId), alert);
        if (alert.at < now - grace) {
          overdueUnraised++;
          problems.add('not fired', `${streamId}: alert ${alert.alertId} was due at ${new Date(alert.at).toISOString()} and has not been raised`);
        }
      }
    } catch (error) {
      problems.add('plan', `${streamId}: cannot be planned: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const jobs = new FireQueue(options.redis, options.prefix, 1);
  try {
    // Every job of the firing queue is a firing job (whatever form its id takes).
    const ids = await jobs.allIds();
    const data = await jobs.existing(ids);
    const failed = new Set(await jobs.failedIds());
    for (const [id, alert] of wanted) {
      const job = data.get(id);
      if (job === undefined) problems.add('job missing', `${alert.caseId}: no job for alert ${alert.alertId} (due ${new Date(alert.at).toISOString()})`);
      else if (job.at !== alert.at) problems.add('job time', `${alert.caseId}: job for ${alert.alertId} is at ${new Date(job.at).toISOString()}, planned ${new Date(alert.at).toISOString()}`);
    }
    for (const id of data.keys()) if (!wanted.has(id)) problems.add('orphan job', `job ${id} is for no alert still wanted`);
    for (const id of failed) problems.add('failed job', `job ${id} has failed`);
    figures.wantedJobs = wanted.size;
    figures.jobs = data.size;
    figures.failedJobs = failed.size;
    figures.overdueUnraised = overdueUnraised;
  } finally {
    await jobs.close();
  }
}

async function checkProjections(options: InvariantOptions, events: readonly RecordedEvent[], problems: Problems, figures: Record<string, number>): Promise<void> {
  const calendar = options.calendar ?? shippedCalendar();
  const lastCase = [...events].reverse().find((e) => e.streamId.startsWith('case-'));
  const checkpoint = await new RedisCheckpointStore({ redis: options.redis, prefix: options.prefix }).load(QUEUES_SUBSCRIBER);
  if (lastCase !== undefined && (checkpoint === undefined || checkpoint < lastCase.position)) {
    problems.add('projection behind', `the queue projection's checkpoint ${checkpoint ?? '(none)'} is before the last case event ${lastCase.position}`);
  }
  const live = new QueueProjector({ store: options.store, redis: options.redis, prefix: options.prefix, deadlines: { calendar } });
  const scratch = `${options.prefix}-inv-${randomUUID().slice(0, 8)}`;
  const rebuilt = new QueueProjector({ store: options.store, redis: options.redis, prefix: scratch, deadlines: { calendar }, publish: false });
  try {
    await rebuilt.rebuild();
    const [a, b] = [await snapshot(options.redis, await liveBase(live)), await snapshot(options.redis, await liveBase(rebuilt))];
    figures.projectionKeys = Object.keys(a).length;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in b)) problems.add('projection extra', `projection key ${key} is live but not in a rebuild`);
      else if (!(key in a)) problems.add('projection missing', `projection key ${key} is in a rebuild but not live`);
      else if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) problems.add('projection differs', `projection key ${key} differs from a rebuild: live ${short(a[key])}, rebuilt ${short(b[key])}`);
    }
  } finally {
    await deleteUnder(options.redis, rebuilt.keys.namespace);
    await deleteUnder(options.redis, scratch);
  }
}

/**
 * Where the projector's readers look: the generation its pointer names when the projection
 * keeps generations (`currentKeys()`, after a rebuild), else its namespace.
 */
async function liveBase(projector: QueueProjector): Promise<string> {
  const generational = projector as unknown as { currentKeys?: () => Promise<{ base: string }> };
  return typeof generational.currentKeys === 'function' ? (await generational.currentKeys()).base : projector.keys.namespace;
}

function short(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

/**
 * Every key under a namespace with its contents (namespace replaced by `<ns>`), sorted; keys of
 * other generations nested under it (`<namespace>:g<n>:...`) left out.
 */
export async function snapshot(redis: Redis, namespace: string): Promise<Record<string, unknown>> {
  const keys = (await scanKeys(redis, `${namespace}:*`)).filter((key) => !/^g\d+:/.test(key.slice(namespace.length + 1)));
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const type = await redis.type(key);
    const name = `<ns>${key.slice(namespace.length)}`;
    if (type === 'zset') out[name] = await redis.zrange(key, 0, -1, 'WITHSCORES');
    else if (type === 'hash') out[name] = Object.fromEntries(Object.entries(await redis.hgetall(key)).sort(([x], [y]) => x.localeCompare(y)));
    else if (type === 'string') out[name] = await redis.get(key);
    else out[name] = `(${type})`;
  }
  return out;
}

/** Every key matching a pattern (SCAN, never KEYS). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  return keys;
}

export interface QuiescenceOptions {
  readonly store: EventStore;
  readonly redis: Redis;
  readonly prefix: string;
  readonly timeoutMs?: number;
  /** Called about every 2 s while waiting, with what is still moving. */
  readonly progress?: (message: string) => void;
}

/**
 * Waits until the engine has caught up with its store: the queue projection's and the alert
 * scheduler's checkpoints are at the last event, and no firing or delivery job is waiting,
 * active, prioritized, or delayed past its time; twice in a row, 300 ms apart (a fired alert
 * appends an event, which moves the goal). Throws, saying what was still moving, on timeout.
 */
export async function waitForQuiescence(options: QuiescenceOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = performance.now();
  const checkpoints = new RedisCheckpointStore({ redis: options.redis, prefix: options.prefix });
  const queues = [FIRE_QUEUE, DELIVERY_QUEUE].map((name) => new Queue(name, { connection: options.redis, prefix: bullPrefix(options.prefix) }));
  let last: Position = START;
  let lastCasePosition: Position = START;
  let stableRounds = 0;
  let lastProgress = 0;
  try {
    for (;;) {
      const page = await readEverything(options.store, last);
      const lastCase = [...page].reverse().find((e) => e.streamId.startsWith('case-'));
      if (page.length > 0) last = page[page.length - 1]!.position;
      if (lastCase !== undefined) lastCasePosition = lastCase.position;
      const [projection, scheduler] = await Promise.all([checkpoints.load(QUEUES_SUBSCRIBER), checkpoints.load(SCHEDULER_SUBSCRIBER)]);
      const now = Date.now();
      let busy = 0;
      const where: string[] = [];
      for (const queue of queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
        // Delayed jobs whose time has come (by the delayed set's scores, so every one is counted).
        counts.due = await queue.getDelayedCount(now + 1);
        const states = Object.entries(counts).filter(([, n]) => n > 0);
        busy += states.reduce((sum, [, n]) => sum + n, 0);
        if (states.length > 0) where.push(`${queue.name}: ${states.map(([state, n]) => `${n} ${state}`).join(', ')}`);
      }
      const behind = (checkpoint: Position | undefined) => lastCasePosition !== START && (checkpoint === undefined || checkpoint < lastCasePosition);
      const moving = [
        behind(projection) ? `projection at ${projection ?? '(none)'}` : '',
        behind(scheduler) ? `alert scheduler at ${scheduler ?? '(none)'}` : '',
        busy > 0 ? `${busy} jobs to run (${where.join('; ')})` : '',
      ].filter(Boolean);
      stableRounds = moving.length === 0 && page.length === 0 ? stableRounds + 1 : 0;
      if (stableRounds >= 2) return;
      const elapsed = performance.now() - started;
      if (elapsed > timeoutMs) throw new Error(`the engine did not settle within ${timeoutMs} ms (last case event ${lastCasePosition}): ${moving.join(', ') || 'events still being appended'}`);
      if (elapsed - lastProgress > 2000) {
        lastProgress = elapsed;
        options.progress?.(`settling: ${moving.join(', ') || 'new events appended'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}
