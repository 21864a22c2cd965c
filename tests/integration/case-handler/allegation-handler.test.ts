import { AllegationCommandHandler, CaseCommandHandler, type CommandMetadata } from '@csc/case-handler';
import { allegationDeadlinesOf, allegationStreamId, caseStreamId, streamVisibility, summariseAllegation, type AllegationCommand } from '@csc/case';
import { shippedCalendar } from '@csc/calendar';
import { createPostgresEventStore, deterministicEventId, type EventStore } from '@csc/event-store';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { dropSchema } from '../../support/postgres';

const actor = { userId: 'u-lado', role: 'lado' };
const meta = (key: string): CommandMetadata => ({ actor, idempotencyKey: key });
const at = (on: string) => ({ occurredAt: `${on}T10:00:00Z` });
const subject = { adultRef: 'adult-17', employerRef: 'org-5', childRefs: ['c-3', 'c-9'], category: 'physical', setting: 'education' };

let store: EventStore;
let schema: string;
const clock = () => new Date('2026-03-01T12:00:00Z');

beforeEach(async () => {
  schema = uniqueIdentifier('allegation_handler');
  store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, clock, poolSize: 4 });
});

afterEach(async () => {
  await store.close();
  await dropSchema(schema);
});

function commands(allegationId: string): { readonly open: AllegationCommand; readonly known: AllegationCommand; readonly referred: AllegationCommand } {
  return {
    open: { type: 'OpenAllegation', allegationId, ladoRef: 'lado-1', ...at('2026-01-12') },
    known: { type: 'RecordAllegationKnownToEmployer', allegationId, subject, ...at('2026-01-12') } as AllegationCommand,
    referred: { type: 'ReferToLado', allegationId, referrerType: 'employer', ...at('2026-01-13') },
  };
}

describe('the allegation command handler on PostgreSQL (the same generic core as cases)', () => {
  it('records on allegation-<id> with deterministic ids; the stream is lado-only', async () => {
    const handler = new AllegationCommandHandler({ store, clock });
    const allegationId = uniqueName('a');
    const cmd = commands(allegationId);
    const opened = await handler.handle(cmd.open, meta('k-open'));
    expect(opened).toMatchObject({ allegationId, streamId: allegationStreamId(allegationId), revision: 0, repeated: false });
    expect(opened.events[0]).toMatchObject({ type: 'AllegationOpened', data: { visibility: 'lado-only', ladoRef: 'lado-1' } });
    await handler.handle(cmd.known, meta('k-known'));
    const result = await handler.handle(cmd.referred, meta('k-ref'));
    expect(result.events[0]).toMatchObject({
      id: deterministicEventId(`allegation:${allegationId}:command:k-ref:0`), type: 'ReferredToLado', revision: 2,
      data: { pathway: 'lado-allegation', instanceId: 'lado', rulebookVersion: 'national@2' }, metadata: { rulebookVersion: 'national@2', actor },
    });
    expect(streamVisibility(result.streamId)).toBe('lado-only');
    expect(summariseAllegation(result.state)).toMatchObject({ status: 'referred', childRefs: ['c-3', 'c-9'], adultRef: 'adult-17', ladoRef: 'lado-1' });
    const due = allegationDeadlinesOf(result.state, '2026-03-01T12:00:00Z', { calendar: shippedCalendar() }).map((d) => [d.id, d.status, d.owner]);
    expect(due[0]).toEqual([`allegation-${allegationId}/lado-notification`, 'met-on-time', { kind: 'lado', ref: 'lado-1' }]);
  });

  it('the same command sent twice appends once', async () => {
    const handler = new AllegationCommandHandler({ store, clock });
    const cmd = commands(uniqueName('a'));
    await handler.handle(cmd.open, meta('k-open'));
    const again = await handler.handle(cmd.open, meta('k-open'));
    expect(again).toMatchObject({ repeated: true, revision: 0 });
  });

  it('refuses a command on an unknown allegation, and an unknown field, appending nothing', async () => {
    const handler = new AllegationCommandHandler({ store, clock });
    const allegationId = uniqueName('a');
    const cmd = commands(allegationId);
    await expect(handler.handle(cmd.known, meta('k1'))).rejects.toMatchObject({ code: 'ALLEGATION_NOT_FOUND' });
    await handler.handle(cmd.open, meta('k-open'));
    const withName: AllegationCommand = Object.assign({}, cmd.referred, { adultName: 'A. Person' });
    await expect(handler.handle(withName, meta('k2'))).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'adultName' });
    expect(await store.readStream(allegationStreamId(allegationId))).toHaveLength(1);
  });

  it('case and allegation streams stay apart even with the same id', async () => {
    const id = uniqueName('x');
    await new AllegationCommandHandler({ store, clock }).handle(commands(id).open, meta('k'));
    await new CaseCommandHandler({ store, clock }).handle({ type: 'OpenCase', caseId: id, teamRef: 't-1', ...at('2026-01-12') }, meta('k'));
    expect((await store.readStream(allegationStreamId(id))).map((e) => e.type)).toEqual(['AllegationOpened']);
    expect((await store.readStream(caseStreamId(id))).map((e) => e.type)).toEqual(['CaseOpened']);
  });
});
