import { QueueProjector, QUEUES_SUBSCRIBER } from '@csc/projections';
import { RedisCheckpointStore } from '@csc/event-store';
import { generateCouncil, profileNamed } from '@csc/synthetic';
import { eventually } from '../../support/wait';
import { deadlineOptions, openFixture, snapshot, type Fixture } from './fixture';

jest.setTimeout(180_000);

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(async () => {
  await f.close();
});

// The first 400 commands of a small synthetic council's year (a prefix of a history is a history).
const commands = generateCouncil({ profile: profileNamed('small')!, years: 1, seed: 'projections', until: '2026-06-30T00:00:00Z' }).commands.slice(0, 400);

async function caughtUp(projector: QueueProjector, prefix: string): Promise<void> {
  const all = await f.store.readAll({ maxCount: 1_000_000 });
  const last = all[all.length - 1]?.position;
  const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix });
  await eventually(async () => ((await checkpoints.load(QUEUES_SUBSCRIBER)) === last ? true : undefined), `projector ${projector.keys.namespace} at ${last}`, 90_000);
}

describe('the queue projection', () => {
  it('gives the same Redis contents projected incrementally while commands arrive as rebuilt from zero, also when a rebuild takes the lease over', async () => {
    const live = f.prefix();
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix: live, deadlines: deadlineOptions, leaseTtlMs: 10_000 });
    const half = Math.floor(commands.length / 2);
    for (const item of commands.slice(0, half)) await f.recordSynthetic(item);
    const abort = new AbortController();
    const running = projector.run(abort.signal).finally(() => abort.abort());
    for (const item of commands.slice(half)) await f.recordSynthetic(item);
    await caughtUp(projector, live);
    const incremental = await snapshot(f.redis, projector.keys.namespace);

    const fresh = f.prefix();
    const rebuilt = new QueueProjector({ store: f.store, redis: f.redis, prefix: fresh, deadlines: deadlineOptions });
    const report = await rebuilt.rebuild();
    expect(await snapshot(f.redis, rebuilt.keys.namespace)).toEqual(incremental);
    expect(report.deadlines).toBeGreaterThan(10);
    expect(Object.keys(incremental).filter((k) => k.startsWith('<ns>:team:')).length).toBeGreaterThan(1);
    expect(Object.keys(incremental).filter((k) => k.startsWith('<ns>:iro:')).length).toBeGreaterThan(0);

    // A rebuild in the live prefix asks the running projector to hand the lease over, then rebuilds over its keys.
    const rebuilder = new QueueProjector({ store: f.store, redis: f.redis, prefix: live, deadlines: deadlineOptions, leaseTtlMs: 10_000 });
    await rebuilder.rebuildWithLease(new AbortController().signal);
    await running;
    expect(await snapshot(f.redis, projector.keys.namespace)).toEqual(incremental);
  });
});
