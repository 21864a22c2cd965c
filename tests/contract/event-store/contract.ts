import { START, WrongExpectedRevisionError, readsPartitions, type EventStore, type JsonObject, type RecordedEvent } from '@csc/event-store';
import { appendRetrying, newEvent, renameUpcaster, streamName, take, TestClock, type OpenHarness, type StoreHarness } from './fixtures';

/**
 * The event-store port's contract: every adapter must pass it. Call it with a
 * factory that opens the adapter on fresh, isolated storage (BullMQ-style:
 * to test another adapter, change the factory).
 */
export function eventStoreContract(name: string, open: OpenHarness, cannot: Cannot = {}): void {
  describe(`event store contract: ${name}`, () => {
    const clock = new TestClock(new Date('2025-03-03T12:00:00.000Z'));
    let harness: StoreHarness;
    let store: EventStore;

    beforeAll(async () => {
      harness = await open({ clock: clock.now, upcasters: [renameUpcaster] });
      store = harness.store;
    });
    afterAll(() => harness?.dispose());

    describe('appending with an expected revision', () => {
      it('appends to a new stream with no_stream, then at exactly the last revision', async () => {
        const stream = streamName();
        const first = await store.append(stream, [newEvent(), newEvent()], 'no_stream');
        const second = await store.append(stream, [newEvent()], first.nextExpectedRevision);
        expect(first.nextExpectedRevision).toBe(1);
        expect(second.nextExpectedRevision).toBe(2);
        expect(second.position > first.position).toBe(true);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('rejects a stale expected revision with a conflict naming the actual revision, and writes nothing', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent(), newEvent()], 'no_stream');
        const stale = store.append(stream, [newEvent()], 0);
        await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(stale).rejects.toMatchObject({ code: 'STREAM_CONFLICT', actual: 1 });
        await expect(store.append(stream, [newEvent()], 'no_stream')).rejects.toMatchObject({ code: 'STREAM_CONFLICT', actual: 1 });
        await expect(store.append(streamName(), [newEvent()], 0)).rejects.toMatchObject({ code: 'STREAM_CONFLICT', actual: -1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses a malformed append by naming the field, and writes nothing', async () => {
        const stream = streamName();
        await expect(store.append(stream, [{ ...newEvent(), id: 'not-a-uuid' }], 'no_stream')).rejects.toMatchObject({
          code: 'EVENT_STORE_INVALID_REQUEST',
          field: 'events[0].id',
        });
        await expect(store.append(stream, [], 'any')).rejects.toMatchObject({ field: 'events' });
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('idempotent appends', () => {
      it('succeeds without writing twice when the same append is sent again', async () => {
        const stream = streamName();
        await store.append(stream, [newEvent()], 'no_stream');
        const batch = [newEvent(), newEvent()];
        const first = await store.append(stream, batch, 0);
        const again = await store.append(stream, batch, 0);
        expect(again).toEqual(first);
        const firstNew = [newEvent()];
        const created = await store.append(streamName(), firstNew, 'no_stream');
        expect(created.nextExpectedRevision).toBe(0);
        expect((await store.readStream(stream)).map((event) => event.id)).toEqual([expect.any(String), batch[0]!.id, batch[1]!.id]);
      });

      it('treats a resent no_stream append and a resent "any" append as already done', async () => {
        const stream = streamName();
        const batch = [newEvent()];
        await store.append(stream, batch, 'no_stream');
        await expect(store.append(stream, batch, 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0 });
        const later = [newEvent()];
        await store.append(stream, later, 'any');
        await expect(store.append(stream, later, 'any')).resolves.toMatchObject({ nextExpectedRevision: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('still conflicts when only some of the ids were written at those revisions', async () => {
        const stream = streamName();
        const [a, b] = [newEvent(), newEvent()];
        await store.append(stream, [a], 'no_stream');
        await expect(store.append(stream, [a, b], 'no_stream')).rejects.toMatchObject({ code: 'STREAM_CONFLICT' });
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    it('ends 20 concurrent writers on one stream (retrying on conflict) with exactly their events at contiguous revisions', async () => {
      const stream = streamName();
      const writers = Array.from({ length: 20 }, (_, writer) => newEvent('ContractWritten', { writer }));
      await Promise.all(
        writers.map(async (event) => {
          for (;;) {
            const head = (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0];
            try {
              return await store.append(stream, [event], head ? head.revision : 'no_stream');
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
        }),
      );
      const events = await store.readStream(stream);
      expect(events.map((event) => event.revision)).toEqual(Array.from({ length: 20 }, (_, index) => index));
      expect(new Set(events.map((event) => event.id))).toEqual(new Set(writers.map((event) => event.id)));
      expect(await store.verifyStream(stream)).toEqual({ ok: true, streamId: stream, events: 20 });
    });

    describe('reading a stream', () => {
      it('reads forwards and backwards from a revision, with a count; an unknown stream is empty', async () => {
        const stream = streamName();
        await store.append(stream, Array.from({ length: 6 }, (_, n) => newEvent('ContractCounted', { n })), 'no_stream');
        const forwards = await store.readStream(stream, { fromRevision: 2, maxCount: 3 });
        const backwards = await store.readStream(stream, { direction: 'backwards', fromRevision: 4, maxCount: 2 });
        expect(forwards.map((event) => event.data.n)).toEqual([2, 3, 4]);
        expect(backwards.map((event) => event.revision)).toEqual([4, 3]);
        expect(await store.readStream(streamName())).toEqual([]);
      });

      it('reads the stream as of a global position and as of a recording instant', async () => {
        const stream = streamName();
        clock.set('2025-04-01T09:00:00.000Z');
        const early = await store.append(stream, [newEvent(), newEvent()], 'no_stream');
        clock.set('2025-04-02T09:00:00.000Z');
        await store.append(stream, [newEvent()], early.nextExpectedRevision);
        expect(await store.readStream(stream, { untilPosition: early.position })).toHaveLength(2);
        expect(await store.readStream(stream, { recordedUntil: '2025-04-01T23:59:59.000Z' })).toHaveLength(2);
        expect(await store.readStream(stream, { recordedUntil: '2025-04-02T09:00:00.000Z' })).toHaveLength(3);
        const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
        expect(last?.metadata).toMatchObject({ recordedAt: '2025-04-02T09:00:00.000Z', occurredAt: '2025-03-03T10:00:00.000Z' });
      });
    });

    describe('subscribing to all events', () => {
      it('delivers every event from zero in global order, then new ones as they are written', async () => {
        const prefix = streamName('sub');
        await store.append(`${prefix}-a`, [newEvent(), newEvent()], 'no_stream');
        await store.append(`${prefix}-b`, [newEvent()], 'no_stream');
        const seen = take(store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }), 4, async (_, index) => {
          if (index === 2) await store.append(`${prefix}-a`, [newEvent()], 1);
        });
        const events = await seen;
        expect(events.map((event) => `${event.streamId.slice(-1)}${event.revision}`)).toEqual(['a0', 'a1', 'b0', 'a2']);
        expectIncreasing(events);
      });

      it('delivers a large append in revision order, and resumes inside it from any of its positions', async () => {
        const stream = streamName('sub');
        await store.append(stream, Array.from({ length: 12 }, (_, n) => newEvent('ContractCounted', { n })), 'no_stream');
        const all = await take(store.subscribeToAll({ filter: { streamPrefixes: [stream] } }), 12);
        expect(all.map((event) => event.revision)).toEqual(Array.from({ length: 12 }, (_, n) => n));
        expectIncreasing(all);
        const resumed = await take(store.subscribeToAll({ after: all[5]!.position, filter: { streamPrefixes: [stream] } }), 6);
        expect(resumed.map((event) => event.revision)).toEqual([6, 7, 8, 9, 10, 11]);
      });

      it('resumes after a checkpoint without repeating it, and filters by event type', async () => {
        const prefix = streamName('sub');
        await store.append(`${prefix}-a`, [newEvent('ContractOne'), newEvent('ContractTwo'), newEvent('ContractOne')], 'no_stream');
        const all = await take(store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }), 3);
        const resumed = await take(store.subscribeToAll({ after: all[0]!.position, filter: { streamPrefixes: [prefix] } }), 2);
        expect(resumed.map((event) => event.id)).toEqual([all[1]!.id, all[2]!.id]);
        const typed = await take(store.subscribeToAll({ filter: { eventTypes: ['ContractTwo'], streamPrefixes: [prefix] } }), 1);
        expect(typed.map((event) => event.id)).toEqual([all[1]!.id]);
      });

      it('sees the events of concurrent writers exactly once, in the order readAll gives', async () => {
        const prefix = streamName('sub');
        const streams = Array.from({ length: 8 }, (_, n) => `${prefix}-${n}`);
        const seen = take(store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }), 40);
        await Promise.all(
          streams.map(async (stream) => {
            let expected: number | 'no_stream' = 'no_stream';
            for (let n = 0; n < 5; n += 1) expected = (await store.append(stream, [newEvent()], expected)).nextExpectedRevision;
          }),
        );
        const events = await seen;
        expect(new Set(events.map((event) => event.id)).size).toBe(40);
        expectIncreasing(events);
        const after = await readAllMatching(store, prefix, 40);
        expect(after.map((event) => event.id)).toEqual(events.map((event) => event.id));
      });

      const outOfOrder = 'delivers events whose transactions commit out of order exactly once, in one consistent order';
      (cannot.holdAppend ? it.skip : it)(
        cannot.holdAppend ? `${outOfOrder} (skipped: ${cannot.holdAppend})` : outOfOrder,
        async () => {
          const prefix = streamName('ooo');
          const slow = newEvent('ContractSlow');
          const fast = newEvent('ContractFast');
          const held = await harness.holdAppend!(`${prefix}-slow`, [slow]);
          await store.append(`${prefix}-fast`, [fast], 'no_stream');
          expect((await readAllMatching(store, prefix, 2)).map((event) => event.id)).toEqual([]);
          const seen = take(store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }), 2);
          await held.commit();
          const events = await seen;
          expect(events.map((event) => event.id)).toEqual([slow.id, fast.id]);
          expect((await readAllMatching(store, prefix, 2)).map((event) => event.id)).toEqual([slow.id, fast.id]);
        },
      );

      const restart = 'keeps a live subscription going across a restart of the store, without gaps or repeats';
      (cannot.restart ? it.skip : it)(
        cannot.restart ? `${restart} (skipped: ${cannot.restart})` : restart,
        async () => {
          const prefix = streamName('restart');
          const stream = `${prefix}-a`;
          await store.append(stream, [newEvent(), newEvent()], 'no_stream');
          const seen = await take(store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }), 5, async (_, index) => {
            if (index !== 1) return;
            await harness.restart!();
            await appendRetrying(store, stream, [newEvent(), newEvent(), newEvent()], 1);
          });
          expect(seen.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
          expectIncreasing(seen);
        },
      );
    });

    it('gives the same events, value for value, from readAll pages of any size, a subscription and readStream', async () => {
      const stream = streamName('pages');
      const odd: JsonObject = {
        text: 'quote " backslash \\ tab \t newline \n accents é ü emoji 😀 control \u0001 </script>',
        numbers: [0, -12.5, 12345678901234, 0.1, 1e21],
        flags: [true, false, null],
        empty: {},
        nested: { list: [1, 'two', { three: [] }], zKey: 'z', aKey: 'a' },
      };
      const { position: before } = await store.append(streamName('marker'), [newEvent()], 'no_stream');
      const count = 1_100;
      for (let from = 0; from < count; from += 550) {
        await store.append(stream, Array.from({ length: 550 }, (_, n) => newEvent('ContractPaged', { n: from + n, ...(n % 100 === 0 ? odd : {}) })), from === 0 ? 'no_stream' : from - 1);
      }
      const stored = await store.readStream(stream);
      expect(stored).toHaveLength(count);
      // Serialised, so that key order counts too; other writers' events (none here) are left out.
      const mine = (events: readonly RecordedEvent[]) => events.filter((event) => event.streamId === stream);
      const same = (events: readonly RecordedEvent[]) => JSON.stringify(events) === JSON.stringify(stored.slice(0, events.length));
      const large = await store.readAll({ after: before, maxCount: 1_050 });
      expect(large).toHaveLength(1_050);
      expect(mine(large).length).toBeGreaterThan(1_000);
      expect(same(mine(large))).toBe(true);
      expect(large.find((event) => event.revision === 100 && event.streamId === stream)).toEqual({ ...stored[100], data: { n: 100, ...odd } });
      const first = await store.readAll({ after: before, maxCount: 1_000 });
      const pages = [...first, ...(await store.readAll({ after: first[first.length - 1]!.position, maxCount: 1_000 }))];
      expect(same(mine(pages))).toBe(true);
      expect(mine(pages)).toHaveLength(count);
      expect(mine(await store.readAll({ after: stored[count - 1]!.position }))).toEqual([]);
      const subscribed = await take(store.subscribeToAll({ after: before, filter: { streamPrefixes: [stream] } }), count);
      expect(same(subscribed)).toBe(true);
    });

    it('upcasts older schema versions on every read path, and verifies the stored form', async () => {
      const stream = streamName();
      await store.append(stream, [newEvent('ContractRenamed', { name: 'ref-123' }, 1), newEvent('ContractRenamed', { fullName: 'ref-456', source: 'new' }, 2)], 'no_stream');
      const [old, current] = await store.readStream(stream);
      expect(old).toMatchObject({ schemaVersion: 2, data: { fullName: 'ref-123', source: 'upcast' } });
      expect(current).toMatchObject({ schemaVersion: 2, data: { fullName: 'ref-456', source: 'new' } });
      const [subscribed] = await take(store.subscribeToAll({ filter: { streamPrefixes: [stream] } }), 1);
      expect(subscribed).toMatchObject({ schemaVersion: 2, data: { fullName: 'ref-123' } });
      if (readsPartitions(store)) {
        const [lean] = await store.readPartitionData({ upTo: await store.head(), partition: { index: 0, count: 1 }, filter: { streamPrefixes: [stream] }, maxCount: 1 });
        expect(lean).toMatchObject({ schemaVersion: 2, data: { fullName: 'ref-123', source: 'upcast' } });
      }
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, events: 2 });
    });

    const shares = 'reads the log in shares: each stream whole in one share, in order, together exactly readAll up to head(), also without metadata';
    (cannot.partitionedReads ? it.skip : it)(cannot.partitionedReads ? `${shares} (skipped: ${cannot.partitionedReads})` : shares, async () => {
      if (!readsPartitions(store)) throw new Error('the store offers no partitioned reads (head, readPartition)');
      const prefix = streamName('share');
      const streams = Array.from({ length: 24 }, (_, n) => `${prefix}-${n}`);
      for (let round = 0; round < 3; round += 1) {
        for (const [n, stream] of streams.entries()) await store.append(stream, [newEvent('ContractShared', { n, round })], round === 0 ? 'no_stream' : round - 1);
      }
      const upTo = await store.head();
      const later = `${prefix}-later`;
      await store.append(later, [newEvent()], 'no_stream'); // after head(): no share may see it
      const filter = { streamPrefixes: [prefix] };
      const whole = (await readAllMatching(store, prefix, 72)).filter((event) => event.position <= upTo);
      expect(whole).toHaveLength(72);
      const count = 3;
      const read: RecordedEvent[][] = [];
      for (let index = 0; index < count; index += 1) {
        const share: RecordedEvent[] = [];
        for (let after = START; ;) {
          const page = await store.readPartition({ after, upTo, partition: { index, count }, filter, maxCount: 7 });
          if (page.length === 0) break;
          share.push(...page);
          after = page[page.length - 1]!.position;
        }
        expectIncreasing(share);
        read.push(share);
      }
      const sharesOf = new Map<string, Set<number>>();
      read.forEach((share, index) => share.forEach((event) => sharesOf.set(event.streamId, (sharesOf.get(event.streamId) ?? new Set()).add(index))));
      expect([...sharesOf.values()].every((set) => set.size === 1)).toBe(true);
      expect(read.filter((share) => share.length > 0).length).toBeGreaterThan(1); // 24 streams in 3 shares: not all in one
      const merged = read.flat().sort((a, b) => (a.position < b.position ? -1 : 1));
      expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
      expect(merged.some((event) => event.streamId === later)).toBe(false);
      // The same share read without metadata: the same events, less their metadata and hash chain.
      const fullest = read.reduce((best, share, index) => (share.length > read[best]!.length ? index : best), 0);
      const data = [];
      for (let after = START; ;) {
        const page = await store.readPartitionData({ after, upTo, partition: { index: fullest, count }, filter, maxCount: 5 });
        if (page.length === 0) break;
        data.push(...page);
        after = page[page.length - 1]!.position;
      }
      expect(data.every((event) => !('metadata' in event))).toBe(true);
      expect(data.length).toBeGreaterThan(0);
      expect(data).toEqual(read[fullest]!.map(({ metadata: _metadata, ...event }) => event));
      expect(await store.readPartition({ upTo: START, partition: { index: 0, count: 1 }, filter })).toEqual([]);
      await expect(store.readPartition({ upTo, partition: { index: 3, count: 3 } })).rejects.toThrow(/partition.index must be an integer from 0 to 2/);
      await expect(store.readPartitionData({ upTo, partition: { index: 0, count: 0 } })).rejects.toThrow(/partition.count/);
      expect((await store.head()) >= upTo).toBe(true);
    });

    it('chains each event to the previous one of its stream', async () => {
      const stream = streamName();
      await store.append(stream, [newEvent(), newEvent()], 'no_stream');
      const [first, second] = await store.readStream(stream);
      expect(first?.metadata.prevHash).toBe('0'.repeat(64));
      expect(second?.metadata.prevHash).toBe(first?.metadata.hash);
      expect(second?.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
}

/** Why an adapter's harness cannot run a test (the reason goes into the skipped test's name). */
export interface Cannot {
  readonly holdAppend?: string;
  readonly restart?: string;
  readonly partitionedReads?: string;
}

function expectIncreasing(events: readonly RecordedEvent[]): void {
  for (let index = 1; index < events.length; index += 1) expect(events[index]!.position > events[index - 1]!.position).toBe(true);
}

async function readAllMatching(store: EventStore, prefix: string, count: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    events.push(...batch.filter((event) => event.streamId.startsWith(prefix)));
    if (batch.length < 1000 || events.length >= count) return events;
    after = batch[batch.length - 1]!.position;
  }
}
