import { CheckpointLostError, RedisCheckpointStore } from '@csc/event-store';
import { deleteUnder, QueueProjector, QUEUES_SUBSCRIBER } from '@csc/projections';
import { generateCouncil, profileNamed } from '@csc/synthetic';
import { eventually } from '../../support/wait';
import { deadlineOptions, openFixture, snapshot, type Fixture } from './fixture';

jest.setTimeout(120_000);

/**
 * Redis restarted without persistence (here: every key of the prefix deleted) under a running
 * projector: its checkpoint and its read model are gone. It must notice, stop with
 * CheckpointLostError, and when run again (the worker's keepRunning does) project everything again
 * from the start, equal to a rebuild, instead of carrying on past the events whose views were lost.
 */
describe('queue projector: Redis loses its data', () => {
  let f: Fixture;
  beforeAll(async () => { f = await openFixture(); });
  afterAll(async () => { await f.close(); });

  async function caughtUp(prefix: string): Promise<void> {
    const all = await f.store.readAll({ maxCount: 1_000_000 });
    const last = all[all.length - 1]?.position;
    const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix });
    await eventually(async () => ((await checkpoints.load(QUEUES_SUBSCRIBER)) === last ? true : undefined), `projector at ${last}`, 60_000);
  }

  it('stops with CheckpointLostError when its checkpoint vanishes, then a new run re-projects everything (equal to a rebuild)', async () => {
    for (const item of generateCouncil({ profile: profileNamed('small')!, years: 1, seed: 'checkpoint-lost', until: '2026-06-30T00:00:00Z' }).commands.slice(0, 80)) {
      await f.recordSynthetic(item);
    }
    const prefix = f.prefix();
    const options = { store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, publish: false, leaseTtlMs: 10_000, checkpointWatchMs: 50 };
    const first = new QueueProjector(options);
    const abort = new AbortController();
    const running = first.run(abort.signal);
    await caughtUp(prefix);
    const before = await snapshot(f.redis, (await first.currentKeys()).base);
    expect(Object.keys(before).length).toBeGreaterThan(3);

    await deleteUnder(f.redis, prefix);
    await expect(running).rejects.toBeInstanceOf(CheckpointLostError);

    const second = new QueueProjector(options);
    const again = second.run(abort.signal);
    await caughtUp(prefix);
    abort.abort();
    await again;
    const after = await snapshot(f.redis, (await second.currentKeys()).base);
    expect(after).toEqual(before);
    const rebuilt = new QueueProjector({ store: f.store, redis: f.redis, prefix: f.prefix(), deadlines: deadlineOptions });
    await rebuilt.rebuild();
    expect(await snapshot(f.redis, (await rebuilt.currentKeys()).base)).toEqual(after);
  });
});
