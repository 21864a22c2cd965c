import { QueueProjector } from '@csc/projections';
import { deadlineOptions, openFixture, type Fixture } from './fixture';

describe('queue projector: stopping', () => {
  let f: Fixture;
  beforeAll(async () => { f = await openFixture(); });
  afterAll(async () => { await f.close(); });

  it('run() with a signal already aborted (shutdown while the store was opening) returns and releases the lease', async () => {
    const prefix = f.prefix();
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, publish: false, leaseTtlMs: 10_000 });
    const abort = new AbortController();
    abort.abort();
    // Before the fix this never returned: the abort had fired before run() listened for it.
    const outcome = await Promise.race([
      projector.run(abort.signal).then(() => 'returned'),
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 5 s'), 5000).unref()),
    ]);
    expect(outcome).toBe('returned');
    const other = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, publish: false, leaseTtlMs: 10_000 });
    const second = new AbortController();
    const running = other.run(second.signal);
    second.abort();
    await expect(running).resolves.toBeUndefined();
  });
});
