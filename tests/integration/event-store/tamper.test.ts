import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createPostgresEventStore, type EventStore, type NewEvent } from '@csc/event-store';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier, uniqueName } from '../../support/unique';

function event(data: NewEvent['data']): NewEvent {
  return {
    id: randomUUID(),
    type: 'ConferenceHeld',
    data,
    metadata: { occurredAt: '2025-02-10T10:00:00Z', actor: { userId: 'user-7', role: 'iro' }, correlationId: randomUUID() },
  };
}

describe('verifyStream on PostgreSQL', () => {
  const schema = uniqueIdentifier('es_tamper');
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  let store: EventStore;

  beforeAll(async () => {
    await admin.connect();
    store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema });
  });
  afterAll(async () => {
    await store.close();
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  });

  it('names the event whose stored data was edited in the database', async () => {
    const stream = uniqueName('case');
    await store.append(stream, [event({ held: '2025-02-10' }), event({ held: '2025-02-11' }), event({ held: '2025-02-12' })], 'no_stream');
    const [, edited] = await store.readStream(stream);
    expect(await store.verifyStream(stream)).toEqual({ ok: true, streamId: stream, events: 3 });

    await admin.query(`UPDATE "${schema}".events SET data = jsonb_set(data, '{held}', '"2025-02-01"') WHERE stream_id = $1 AND revision = 1`, [stream]);

    expect(await store.verifyStream(stream)).toEqual({
      ok: false,
      streamId: stream,
      revision: 1,
      eventId: edited!.id,
      reason: 'content does not match its hash',
    });
  });

  it('names an event whose recording instant was backdated, even when its hash was recomputed without the chain', async () => {
    const stream = uniqueName('case');
    await store.append(stream, [event({ n: 1 }), event({ n: 2 })], 'no_stream');
    const [first] = await store.readStream(stream);
    await admin.query(
      `UPDATE "${schema}".events SET metadata = jsonb_set(metadata, '{recordedAt}', '"2024-01-01T00:00:00.000Z"'), hash = repeat('a', 64)
        WHERE stream_id = $1 AND revision = 0`,
      [stream],
    );
    expect(await store.verifyStream(stream)).toMatchObject({ ok: false, revision: 0, eventId: first!.id });
  });
});
