import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type Filter,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../envelope';
import { InvalidAppendError, StoreClosedError, StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { GENESIS_HASH, chainHash, findBrokenLink } from '../hash';
import { START, type Position } from '../position';
import type { AppendResult, EventStore, ExpectedRevision, ReadAllOptions, ReadStreamOptions, SubscribeOptions, SubscriptionFilter, VerifyResult } from '../port';
import { describeExpected, prepareAppend, type PreparedEvent } from '../prepare';
import { Upcasters, type Upcaster } from '../upcasters';
import { Wake } from '../wake';
import { fromPosition, isStreamNotFound, isWrongExpectedVersion, toPosition, toRecordedEvent, translateEsdbError, type StoredMetadata } from './translate';

export interface EventStoreDbOptions {
  /** esdb:// (or kurrentdb://) connection string. */
  readonly url: string;
  readonly clock?: () => Date;
  readonly upcasters?: readonly Upcaster[];
  /** Wait before re-subscribing after a dropped connection (default 500 ms). */
  readonly retryDelayMs?: number;
}

const ANY_RETRIES = 50;

/** Opens the EventStoreDB (KurrentDB) adapter; the client connects lazily. */
export function createEventStoreDbStore(options: EventStoreDbOptions): Promise<EventStore> {
  return Promise.resolve(new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.url), options));
}

/**
 * The production store. EventStoreDB orders $all by commit position itself,
 * so subscriptions need no visibility rule; this adapter adds the hash chain
 * (read the head, append at exactly its revision), idempotency and the
 * translation of the client's errors and BigInts into the port's.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly clock: () => Date;
  private readonly upcasters: Upcasters;
  private readonly closing = new AbortController();
  private readonly wake = new Wake();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.upcasters = new Upcasters(options.upcasters);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, this.clock());
    for (let attempt = 0; ; attempt += 1) {
      const head = (await this.read(streamId, { direction: 'backwards', maxCount: 1 }))[0];
      const actual = head?.revision ?? -1;
      const matches = expected === 'any' || (expected === 'no_stream' ? actual === -1 : actual === expected);
      if (!matches || (expected === 'any' && (await this.alreadyWritten(streamId, prepared, expected)))) {
        return this.resolveConflict(streamId, prepared, expected, actual);
      }
      let prev = head?.metadata.hash ?? GENESIS_HASH;
      const data = prepared.map((event) => {
        const hash = chainHash(prev, event.digest);
        const metadata: StoredMetadata = { ...event.metadata, schemaVersion: event.schemaVersion, prevHash: prev, hash };
        prev = hash;
        return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
      });
      try {
        const result = await this.client.appendToStream(streamId, data, { expectedRevision: actual === -1 ? NO_STREAM : BigInt(actual) });
        return { nextExpectedRevision: Number(result.nextExpectedRevision), position: toPosition(result.position) };
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw translateEsdbError(error, streamId);
        if (expected === 'any' && attempt < ANY_RETRIES) continue;
        const now = (await this.read(streamId, { direction: 'backwards', maxCount: 1 }))[0];
        return this.resolveConflict(streamId, prepared, expected, now?.revision ?? -1);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return (await this.read(streamId, options)).map((event) => this.upcasters.apply(event));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after = options.after ?? START;
    const maxCount = options.maxCount ?? 1000;
    const events: RecordedEvent[] = [];
    try {
      const reading = this.client.readAll({ fromPosition: after === START ? ESDB_START : fromPosition(after), direction: FORWARDS, maxCount: maxCount + 1 });
      for await (const resolved of reading) {
        const event = toRecordedEvent(resolved.event);
        if (!event || event.position <= after) continue;
        events.push(this.upcasters.apply(event));
        if (events.length >= maxCount) break;
      }
    } catch (error) {
      throw translateEsdbError(error);
    }
    return events;
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent, void, undefined> {
    this.assertOpen();
    const signal = options.signal ? AbortSignal.any([this.closing.signal, options.signal]) : this.closing.signal;
    let after = options.after ?? START;
    while (!signal.aborted) {
      const subscription = this.client.subscribeToAll({ fromPosition: after === START ? ESDB_START : fromPosition(after), filter: serverFilter(options.filter) });
      const stop = () => void subscription.unsubscribe();
      signal.addEventListener('abort', stop, { once: true });
      try {
        for await (const resolved of subscription) {
          const event = toRecordedEvent(resolved.event);
          if (!event || event.position <= after || !matches(event, options.filter)) continue;
          after = event.position;
          yield this.upcasters.apply(event);
        }
      } catch (error) {
        const translated = translateEsdbError(error);
        if (signal.aborted) return;
        if (!(translated instanceof StoreUnavailableError)) throw translated;
        await this.wake.wait(this.options.retryDelayMs ?? 500, signal);
      } finally {
        signal.removeEventListener('abort', stop);
        await subscription.unsubscribe();
      }
    }
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    this.assertOpen();
    const events = await this.read(streamId, {});
    const broken = findBrokenLink(events);
    if (!broken) return { ok: true, streamId, events: events.length };
    return { ok: false, streamId, revision: broken.event.revision, eventId: broken.event.id, reason: broken.reason };
  }

  async checkHealth(): Promise<void> {
    if (this.closing.signal.aborted) throw new StoreUnavailableError('the store has been closed');
    try {
      for await (const _ of this.client.readAll({ maxCount: 1, direction: BACKWARDS, fromPosition: END, deadline: 2000 })) break;
    } catch (error) {
      const translated = translateEsdbError(error);
      throw translated instanceof StoreUnavailableError ? translated : new StoreUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.client.dispose();
  }

  /** Stored events of one stream (not upcast), within the read's bounds. */
  private async read(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    try {
      const reading = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : ESDB_START,
      });
      for await (const resolved of reading) {
        const event = toRecordedEvent(resolved.event);
        if (!event) continue;
        const within =
          (options.untilPosition === undefined || event.position <= options.untilPosition) &&
          (options.recordedUntil === undefined || Date.parse(event.metadata.recordedAt) <= Date.parse(options.recordedUntil));
        if (!within) {
          if (backwards) continue;
          break;
        }
        events.push(event);
        if (events.length >= limit) break;
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateEsdbError(error, streamId);
    }
    return events;
  }

  private async alreadyWritten(streamId: string, prepared: readonly PreparedEvent[], expected: ExpectedRevision): Promise<boolean> {
    if (expected !== 'any') return false;
    const tail = await this.read(streamId, { direction: 'backwards', maxCount: 1000 });
    const ids = new Set(prepared.map((event) => event.id));
    return tail.some((event) => ids.has(event.id));
  }

  private async resolveConflict(streamId: string, prepared: readonly PreparedEvent[], expected: ExpectedRevision, actual: number): Promise<AppendResult> {
    const ids = new Map(prepared.map((event, index) => [event.id, index]));
    const found = (await this.read(streamId, {})).filter((event) => ids.has(event.id));
    const first = expected === 'no_stream' ? 0 : expected === 'any' ? found[0]?.revision : expected + 1;
    const same = found.length === prepared.length && found.every((event, index) => ids.get(event.id) === index && event.revision === (first ?? -1) + index);
    const last = found[found.length - 1];
    if (same && last) return { nextExpectedRevision: last.revision, position: last.position };
    if (expected === 'any' && found[0]) throw new InvalidAppendError('events', `event ${found[0].id} is already in stream ${streamId} at revision ${found[0].revision}`);
    throw new WrongExpectedRevisionError(streamId, describeExpected(expected), actual);
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new StoreClosedError();
  }
}

function serverFilter(filter: SubscriptionFilter | undefined): Filter {
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: `^(${filter.eventTypes.map(escapeRegex).join('|')})$` });
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  return excludeSystemEvents();
}

function matches(event: RecordedEvent, filter: SubscriptionFilter | undefined): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (prefixes.length === 0 || prefixes.some((prefix) => event.streamId.startsWith(prefix))) && (types.length === 0 || types.includes(event.type));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type { Position };
