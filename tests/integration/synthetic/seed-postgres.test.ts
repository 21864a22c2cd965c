import { createPostgresEventStore, type EventStore } from '@csc/event-store';
import { generateCouncil, PROFILES } from '@csc/synthetic';
import { VirtualClock, writeCouncil } from '../../../apps/cli/src/seeding/write';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { dropSchema } from '../../support/postgres';

const small = PROFILES['small'];
if (small === undefined) throw new Error('the small profile is missing');
const council = generateCouncil({ profile: small, years: 1, seed: 'integration', until: '2026-03-31T00:00:00.000Z' });

describe('csc seed: the small council through the command handlers into PostgreSQL', () => {
  const clock = new VirtualClock();
  let schema: string;
  let store: EventStore;

  beforeAll(async () => {
    schema = uniqueIdentifier('synthetic');
    store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, clock: clock.now, poolSize: 4 });
  });

  afterAll(async () => {
    await store?.close();
    await dropSchema(schema);
  });

  it('given an empty store, when seeded twice, then every command is accepted the first time and the second appends nothing', async () => {
    const first = await writeCouncil(store, clock, council, { rulebook: small.rulebook });
    expect(first.written).toBe(council.commands.length);
    expect(first.repeated).toBe(0);
    expect(first.events).toBeGreaterThanOrEqual(council.commands.length * 0.9);
    const stored = await store.readAll({ maxCount: 1_000_000 });
    expect(stored.length).toBe(first.events);

    const second = await writeCouncil(store, clock, council, { rulebook: small.rulebook });
    expect(second.repeated).toBe(council.commands.length);
    expect(second.events).toBe(0);
    expect((await store.readAll({ maxCount: 1_000_000 })).length).toBe(stored.length);
  }, 240_000);

  it('records each event at its command\'s virtual recording instant, with its actor', async () => {
    const first = council.commands[0];
    if (first === undefined) throw new Error('empty council');
    const [event] = await store.readStream(first.stream === 'case' ? `case-${first.id}` : `allegation-${first.id}`, { maxCount: 1 });
    expect(event?.metadata.recordedAt).toBe(first.recordedAt);
    expect(event?.metadata.actor).toEqual(first.actor);
    const verified = await store.verifyStream(first.stream === 'case' ? `case-${first.id}` : `allegation-${first.id}`);
    expect(verified.ok).toBe(true);
  });
});
