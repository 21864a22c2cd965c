import { CaseCommandHandler, type CommandMetadata } from '@csc/case-handler';
import { caseStreamId, type CaseCommand } from '@csc/case';
import { createPostgresEventStore, deterministicEventId, type EventStore } from '@csc/event-store';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { dropSchema } from '../../support/postgres';

const actor = { userId: 'u-1', role: 'recorder' };
const meta = (key: string): CommandMetadata => ({ actor, idempotencyKey: key });
const at = (on: string) => ({ occurredAt: `${on}T10:00:00Z` });
const attendance = { police: true, health: true, education: true, others: [] };

let store: EventStore;
let schema: string;
const clock = () => new Date('2026-06-01T12:00:00Z');

beforeEach(async () => {
  schema = uniqueIdentifier('case_handler');
  store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, clock, poolSize: 8 });
});

afterEach(async () => {
  await store.close();
  await dropSchema(schema);
});

function commands(caseId: string) {
  return {
    open: { type: 'OpenCase', caseId, teamRef: 'team-1', rulebook: 'enfield', ...at('2026-05-18') } as CaseCommand,
    strategy: { type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, ...at('2026-05-20') } as CaseCommand,
    icpc: { type: 'RecordInitialConference', caseId, instanceId: 'cp-1', outcome: 'plan', category: 'neglect', preBirth: false, ...at('2026-05-28') } as CaseCommand,
    coreGroup: { type: 'RecordCoreGroup', caseId, instanceId: 'cp-1', ...at('2026-05-29') } as CaseCommand,
  };
}

async function openedCase(handler: CaseCommandHandler) {
  const caseId = uniqueName('c');
  const cmd = commands(caseId);
  await handler.handle(cmd.open, meta(`${caseId}-open`));
  await handler.handle(cmd.strategy, meta(`${caseId}-sd`));
  await handler.handle(cmd.icpc, meta(`${caseId}-icpc`));
  return { caseId, cmd };
}

describe('the case command handler on PostgreSQL', () => {
  it('loads, decides and appends with deterministic ids and the envelope filled in', async () => {
    const handler = new CaseCommandHandler({ store, clock });
    const caseId = uniqueName('c');
    const cmd = commands(caseId);
    await handler.handle(cmd.open, meta('k-open'));
    const result = await handler.handle(cmd.strategy, meta('k-sd'));
    expect(result).toMatchObject({ revision: 1, repeated: false, attempts: 1 });
    const [event] = result.events;
    expect(event).toMatchObject({
      id: deterministicEventId(`case:${caseId}:command:k-sd:0`), type: 'StrategyDiscussionHeld', revision: 1,
      data: { pathway: 'child-protection', instanceId: 'cp-1', rulebookVersion: 'enfield@2', recordedAt: '2026-06-01T12:00:00.000Z' },
      metadata: { occurredAt: '2026-05-20T10:00:00.000Z', rulebookVersion: 'enfield@2', actor, correlationId: 'k-sd' },
    });
    expect(result.state.instances['cp-1']).toBeDefined();
  });

  it('an unknown case is CASE_NOT_FOUND and nothing is written', async () => {
    const handler = new CaseCommandHandler({ store, clock });
    const caseId = uniqueName('c');
    await expect(handler.handle(commands(caseId).strategy, meta('k'))).rejects.toMatchObject({ code: 'CASE_NOT_FOUND', caseId });
    expect(await store.readStream(caseStreamId(caseId))).toEqual([]);
  });

  it('a refused command leaves the stream unchanged', async () => {
    const handler = new CaseCommandHandler({ store, clock });
    const { caseId, cmd } = await openedCase(handler);
    const before = await store.readStream(caseStreamId(caseId));
    await expect(handler.handle(cmd.icpc, meta('again'))).rejects.toMatchObject({ code: 'NOT_ALLOWED_IN_STATE', state: 'onPlan.active' });
    await expect(handler.handle({ ...cmd.coreGroup, occurredAt: '2026-05-01T10:00:00Z' }, meta('early'))).rejects.toMatchObject({ code: 'OUT_OF_ORDER' });
    expect(await store.readStream(caseStreamId(caseId))).toEqual(before);
  });

  it('the same command sent twice appends once, sequentially or at the same time', async () => {
    const handler = new CaseCommandHandler({ store, clock });
    const { caseId, cmd } = await openedCase(handler);
    const first = await handler.handle(cmd.coreGroup, meta('cg-1'));
    const second = await handler.handle(cmd.coreGroup, meta('cg-1'));
    expect(second).toMatchObject({ repeated: true, revision: first.revision });
    expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    const together = await Promise.all([1, 2, 3].map(() => handler.handle(cmd.coreGroup, meta('cg-2'))));
    expect(new Set(together.map((r) => r.events[0]?.id)).size).toBe(1);
    const types = (await store.readStream(caseStreamId(caseId))).map((e) => e.type);
    expect(types.filter((t) => t === 'CoreGroupHeld')).toHaveLength(2);
  });

  it('concurrent commands on one case never lose an update', async () => {
    const handler = new CaseCommandHandler({ store, clock, retry: { name: 'test-generous', maxAttempts: 20 } });
    const { caseId, cmd } = await openedCase(handler);
    await Promise.all(Array.from({ length: 6 }, (_, i) => handler.handle(cmd.coreGroup, meta(`cg-${i}`))));
    const events = await store.readStream(caseStreamId(caseId));
    expect(events.filter((e) => e.type === 'CoreGroupHeld')).toHaveLength(6);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    const { state } = await handler.load(caseId);
    const cp = state.instances['cp-1']?.snapshot as { context: { coreGroupsHeld: number } };
    expect(cp.context.coreGroupsHeld).toBe(6);
    expect((await store.verifyStream(caseStreamId(caseId))).ok).toBe(true);
  });

  it('reports CASE_CONFLICT once the retry policy is spent', async () => {
    const { caseId, cmd } = await openedCase(new CaseCommandHandler({ store, clock }));
    let interloper = 0;
    const racing: EventStore = {
      ...store,
      kind: store.kind,
      readStream: (id, o) => store.readStream(id, o),
      append: async (id, events, expected) => {
        interloper++;
        await new CaseCommandHandler({ store, clock }).handle({ ...cmd.coreGroup }, meta(`interloper-${interloper}`));
        return store.append(id, events, expected);
      },
    };
    const handler = new CaseCommandHandler({ store: racing, clock, retry: { name: 'three-tries', maxAttempts: 3 } });
    await expect(handler.handle(cmd.coreGroup, meta('mine'))).rejects.toMatchObject({ code: 'CASE_CONFLICT', caseId, attempts: 3, policy: 'three-tries' });
    const events = await store.readStream(caseStreamId(caseId));
    expect(events.filter((e) => e.type === 'CoreGroupHeld')).toHaveLength(3);
  });
});
