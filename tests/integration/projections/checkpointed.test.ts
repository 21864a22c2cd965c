import { RedisCheckpointStore, runCheckpointed, type RecordedEvent } from '@csc/event-store';
import { openFixture, type Fixture } from './fixture';
import { uniqueName } from '../../support/unique';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(async () => {
  await f.close();
});

const event = (n: number) => ({ id: crypto.randomUUID(), type: 'Noted', data: { n }, metadata: { occurredAt: '2026-05-18T08:00:00Z', actor: { userId: 'u-1', role: 'recorder' }, correlationId: 'test', rulebookVersion: null } });

/** Runs the subscription until `count` events were handled, then stops it. */
async function handleUntil(checkpoints: RedisCheckpointStore, stream: string, count: number): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  const abort = new AbortController();
  await runCheckpointed({
    store: f.store, checkpoints, subscriberId: 'test', filter: { streamPrefixes: [stream] },
    handle: (e) => {
      seen.push(e);
      if (seen.length === count) abort.abort();
      return Promise.resolve();
    },
  }, abort.signal);
  return seen;
}

describe('runCheckpointed (the shared subscription loop)', () => {
  it('saves each handled position and resumes after it, with no event repeated or missed', async () => {
    const stream = uniqueName('note');
    const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix: f.prefix() });
    await f.store.append(stream, [event(1), event(2), event(3)], 'no_stream');
    const first = await handleUntil(checkpoints, stream, 3);
    expect(first.map((e) => e.data.n)).toEqual([1, 2, 3]);
    expect(await checkpoints.load('test')).toBe(first[2]?.position);
    await f.store.append(stream, [event(4), event(5)], 2);
    const second = await handleUntil(checkpoints, stream, 2);
    expect(second.map((e) => e.data.n)).toEqual([4, 5]);
  });
});
