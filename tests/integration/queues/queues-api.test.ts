import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadOrCreateDevKey, mintDevToken, type DevKey, type Role } from '@csc/auth';
import { shippedCalendar } from '@csc/calendar';
import { caseStreamId, type AllegationCommand, type CaseCommand } from '@csc/case';
import type { EventStore } from '@csc/event-store';
import { AllegationCommandHandler, CaseCommandHandler } from '@csc/case-handler';
import { loadConfig } from '@csc/config';
import { deleteUnder, QueueProjector } from '@csc/projections';
import { createRedis, type Redis } from '@csc/redis';
import { createApiApplication } from '../../../apps/api/src/create';
import { CaseRecords } from '../../../apps/api/src/cases/case-records';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { dropSchema } from '../../support/postgres';

jest.setTimeout(60_000);

const NOW = new Date('2026-06-20T10:00:00Z');
const attendance = { police: true, health: true, education: true, others: [] };
const team = uniqueName('team');
const iro = uniqueName('iro');
const caseId = uniqueName('c');

let app: INestApplication;
let url: string;
let key: DevKey;
let audience: string;
let redis: Redis;
let projector: QueueProjector;
let handler: CaseCommandHandler;
let store: EventStore;
const dataDir = mkdtempSync(path.join(tmpdir(), 'csc-queues-'));
const schema = uniqueIdentifier('queues');
const prefix = uniqueIdentifier('queues');

const token = (roles: Role[], user: string, teams: string[] = []) => mintDevToken(key, { userId: user, roles, teams, ttlSeconds: 600, audience, now: new Date() });
const record = (command: CaseCommand) => handler.handle(command, { actor: { userId: 'u-1', role: 'recorder' }, idempotencyKey: uniqueName('k') });

async function cpEnquiry(id: string, on: string): Promise<void> {
  await record({ type: 'OpenCase', caseId: id, teamRef: team, rulebook: 'national', occurredAt: `${on}T08:00:00Z` });
  await record({ type: 'AllocateIro', caseId: id, iroRef: iro, occurredAt: `${on}T08:00:00Z` });
  await record({ type: 'RecordStrategyDiscussion', caseId: id, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: `${on}T08:30:00Z` });
}

beforeAll(async () => {
  const config = loadConfig({
    CSC_EVENT_STORE: TEST_POSTGRES_URL, CSC_REDIS_URL: TEST_REDIS_URL, CSC_REDIS_PREFIX: prefix, CSC_DATA_DIR: dataDir,
    CSC_AUTH_DEV_KEYS: 'true', CSC_LOG_LEVEL: 'silent', CSC_API_RATE_LIMIT: '100000',
  });
  app = await createApiApplication(config, [], { schema, clock: () => NOW });
  await app.listen(0, '127.0.0.1');
  url = await app.getUrl();
  key = await loadOrCreateDevKey(dataDir);
  audience = config.authAudience;
  store = await app.get(CaseRecords).store();
  handler = new CaseCommandHandler({ store, clock: () => new Date('2026-05-25T09:00:00Z'), defaultRulebook: 'national' });
  redis = createRedis(TEST_REDIS_URL, { role: 'blocking' });
  projector = new QueueProjector({ store, redis, prefix, deadlines: { calendar: shippedCalendar() } });
  await cpEnquiry(caseId, '2026-05-18');
  await projector.projectCase(caseId);
});

afterAll(async () => {
  await app.close();
  await deleteUnder(redis, prefix);
  redis.disconnect();
  await dropSchema(schema);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /queues/teams/:teamRef/overdue', () => {
  it("gives a manager their team's overdue items with lateness and the rule's explanation", async () => {
    const response = await request(url).get(`/queues/teams/${team}/overdue`).auth(await token(['team-manager'], 'm-1', [team]), { type: 'bearer' });
    expect(response.status).toBe(200);
    const items = (response.body as { items: { caseId: string; ruleId: string; lateByMs: number; why: string }[] }).items;
    const icpc = items.find((i) => i.ruleId === 'CP-04');
    expect(icpc?.caseId).toBe(caseId);
    expect(icpc?.lateByMs).toBe(NOW.getTime() - Date.parse('2026-06-09T23:00:00Z'));
    expect(icpc?.why).toContain('Rule:');
  });

  it("names each return interview clock (MIS-01 offered, completed) in its own title, not the rule's twice", async () => {
    const child = uniqueName('c');
    await record({ type: 'OpenCase', caseId: child, teamRef: team, rulebook: 'national', occurredAt: '2026-05-18T08:00:00Z' });
    await record({ type: 'ReportMissing', caseId: child, kind: 'missing', childStatus: 'looked-after', occurredAt: '2026-05-19T18:00:00Z' });
    await record({ type: 'RecordReturn', caseId: child, instanceId: 'mis-1', timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned', occurredAt: '2026-05-20T09:00:00Z' });
    await projector.projectCase(child);
    const response = await request(url).get(`/queues/teams/${team}/overdue`).auth(await token(['team-manager'], 'm-1', [team]), { type: 'bearer' });
    expect(response.status).toBe(200);
    const items = (response.body as { items: { caseId: string; ruleId: string; clock: string; title: string }[] }).items;
    const rhi = items.filter((i) => i.caseId === child && i.ruleId === 'MIS-01').map((i) => [i.clock, i.title]).sort();
    expect(rhi).toEqual([['completed', 'Return home interview completed'], ['offered', 'Return home interview offered']]);
  });

  it("refuses a manager of another team (403 problem) and a bad limit (400 naming the field)", async () => {
    const other = await request(url).get(`/queues/teams/${team}/overdue`).auth(await token(['team-manager'], 'm-2', ['team-other']), { type: 'bearer' });
    expect(other.status).toBe(403);
    const bad = await request(url).get(`/queues/teams/${team}/overdue?limit=0`).auth(await token(['team-manager'], 'm-1', [team]), { type: 'bearer' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
  });
});

describe('GET /queues/iros/:iroRef/due', () => {
  it('gives an IRO their own list and refuses another IRO', async () => {
    const own = await request(url).get(`/queues/iros/${iro}/due?workingDays=60`).auth(await token(['iro'], iro), { type: 'bearer' });
    expect(own.status).toBe(200);
    expect((own.body as { workingDays: number }).workingDays).toBe(60);
    const other = await request(url).get(`/queues/iros/${iro}/due`).auth(await token(['iro'], 'iro-someone-else'), { type: 'bearer' });
    expect(other.status).toBe(403);
  });
});

describe('the IRO calendar feed', () => {
  it('is served without a bearer token to whoever holds the secret URL, until rotated or revoked', async () => {
    const bearer = await token(['iro'], iro);
    expect((await request(url).post(`/queues/iros/${iro}/calendar-token`).auth(await token(['iro'], 'iro-x'), { type: 'bearer' })).status).toBe(403);
    const created = await request(url).post(`/queues/iros/${iro}/calendar-token`).auth(bearer, { type: 'bearer' });
    expect(created.status).toBe(201);
    const feedPath = (created.body as { path: string }).path;
    const feed = await request(url).get(feedPath);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20260609');
    expect(feed.text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length).toBeGreaterThanOrEqual(1);
    const rotated = await request(url).post(`/queues/iros/${iro}/calendar-token`).auth(bearer, { type: 'bearer' });
    expect((await request(url).get(feedPath)).status).toBe(404);
    const rotatedPath = (rotated.body as { path: string }).path;
    expect((await request(url).get(rotatedPath)).status).toBe(200);
    expect((await request(url).delete(`/queues/iros/${iro}/calendar-token`).auth(bearer, { type: 'bearer' })).status).toBe(204);
    expect((await request(url).get(rotatedPath)).status).toBe(404);
  });
});

describe('GET /queues/changes (server-sent events)', () => {
  it("streams a change to the manager's team when a case's deadlines change", async () => {
    const abort = new AbortController();
    const response = await fetch(`${url}/queues/changes`, { headers: { authorization: `Bearer ${await token(['team-manager'], 'm-1', [team])}` }, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const second = uniqueName('c');
    await cpEnquiry(second, '2026-05-25');
    let text = '';
    // The subscription is made when the stream opens: re-project until the change arrives.
    for (let tries = 0; !text.includes(second) && tries < 50; tries++) {
      await redis.hdel((await projector.currentKeys()).caseDeadlineIndex, second);
      await projector.projectCase(second);
      const chunk = await Promise.race([reader.read(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100))]);
      if (chunk?.value) text += new TextDecoder().decode(chunk.value);
    }
    abort.abort();
    expect(text).toContain('queue-change');
    expect(text).toContain(second);
    expect(text).toContain(team);
  });
});

/** An alert event as libs/alerts appends it to a case stream; the projector puts it in the recipient's inbox. */
async function raiseAlert(kind: 'reminder' | 'escalation', recipient: { kind: string; ref: string }, at: string): Promise<string> {
  const id = crypto.randomUUID();
  const alertId = `${caseId}/cp-1/icpc/${kind}-${id.slice(0, 4)}`;
  await store.append(caseStreamId(caseId), [{
    id, type: kind === 'reminder' ? 'TimescaleReminderSent' : 'TimescaleEscalated',
    data: { alertId, deadlineId: `${caseId}/cp-1/icpc`, caseId, ruleId: 'CP-04', kind, workingDaysBefore: kind === 'reminder' ? 5 : null, scheduledFor: at, raisedAt: at, late: false, lateByMs: 0, dueInstant: '2026-06-09T23:00:00.000Z', recipient },
    metadata: { occurredAt: at, actor: { userId: 'system:alerts', role: 'system' }, correlationId: alertId, causationId: null, rulebookVersion: null },
  }], 'any');
  return id;
}

interface InboxBody { userId: string; total: number; unread: number; items: { eventId: string; type: string; caseId: string; read: boolean; recipient: { kind: string } }[] }

describe('GET /queues/inbox and POST /queues/inbox/read', () => {
  it("gives each user their own alerts (an IRO's, a manager's teams'), and records read-marks as an event that the projection shows", async () => {
    const reminder = await raiseAlert('reminder', { kind: 'iro', ref: iro }, '2026-06-02T08:00:00.000Z');
    const escalation = await raiseAlert('escalation', { kind: 'team-manager', ref: team }, '2026-06-11T08:00:00.000Z');
    const events = await store.readStream(caseStreamId(caseId));
    for (const event of events.filter((e) => e.id === reminder || e.id === escalation)) await projector.apply(event, await projector.currentKeys());

    const iroBearer = await token(['iro'], iro);
    const own = await request(url).get('/queues/inbox').auth(iroBearer, { type: 'bearer' });
    expect(own.status).toBe(200);
    const body = own.body as InboxBody;
    expect(body.userId).toBe(iro);
    expect(body.items.map((i) => i.eventId)).toEqual([reminder]);
    expect(body).toMatchObject({ total: 1, unread: 1 });
    expect(body.items[0]).toMatchObject({ type: 'TimescaleReminderSent', caseId, read: false });

    const manager = await request(url).get('/queues/inbox').auth(await token(['team-manager'], 'm-1', [team]), { type: 'bearer' });
    expect((manager.body as InboxBody).items.map((i) => i.eventId)).toEqual([escalation]);
    const stranger = await request(url).get('/queues/inbox').auth(await token(['iro'], 'iro-someone-else'), { type: 'bearer' });
    expect((stranger.body as InboxBody).items).toEqual([]);

    // Another user cannot mark the IRO's alert read: it is not in their inbox (400 naming the field).
    const foreign = await request(url).post('/queues/inbox/read').auth(await token(['iro'], 'iro-someone-else'), { type: 'bearer' }).send({ alertEventIds: [reminder] });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('alertEventIds');
    const bad = await request(url).post('/queues/inbox/read').auth(iroBearer, { type: 'bearer' }).send({ alertEventIds: 'all' });
    expect(bad.status).toBe(400);

    const marked = await request(url).post('/queues/inbox/read').auth(iroBearer, { type: 'bearer' }).send({ alertEventIds: [reminder] });
    expect(marked.status).toBe(204);
    const after = (await request(url).get('/queues/inbox').auth(iroBearer, { type: 'bearer' })).body as InboxBody;
    expect(after).toMatchObject({ total: 1, unread: 0 });
    expect(after.items[0]?.read).toBe(true);
    expect((await request(url).get('/queues/inbox?unread=true').auth(iroBearer, { type: 'bearer' })).body).toMatchObject({ items: [] });
    // The read-mark is an event on the user's inbox stream, by the user.
    const readEvents = (await store.readAll({ maxCount: 100_000 })).filter((e) => e.type === 'InboxAlertsRead' && e.metadata.actor.userId === iro);
    expect(readEvents.map((e) => e.data)).toEqual([{ alertEventIds: [reminder] }]);
    expect(readEvents[0]?.streamId.startsWith('inbox-')).toBe(true);
    expect(readEvents[0]?.streamId).not.toContain(iro);
  });
});

describe('GET /queues/allegations', () => {
  it('lists open allegations with their stage and deadlines to the LADO role alone', async () => {
    const allegationId = uniqueName('alg');
    const allegations = new AllegationCommandHandler({ store, clock: () => new Date('2026-06-01T09:30:00Z'), defaultRulebook: 'national' });
    const commands: AllegationCommand[] = [
      { type: 'OpenAllegation', allegationId, ladoRef: 'lado-1', rulebook: 'national', occurredAt: '2026-06-01T09:00:00Z' },
      { type: 'ReferToLado', allegationId, referrerType: 'police', subject: { adultRef: 'adult-1', employerRef: 'org-1', childRefs: [caseId], category: 'physical', setting: 'education' }, occurredAt: '2026-06-01T08:45:00Z' },
    ];
    for (const command of commands) await allegations.handle(command, { actor: { userId: 'lado-1', role: 'lado' }, idempotencyKey: uniqueName('k') });
    await projector.projectAllegation(allegationId);

    const response = await request(url).get('/queues/allegations').auth(await token(['lado'], 'lado-1'), { type: 'bearer' });
    expect(response.status).toBe(200);
    const body = response.body as { asOf: string; total: number; items: { allegationId: string; ladoRef: string; status: string; stage: string; overdue: number; nextDueInstant: string | null; deadlines: { ruleId: string; dueDate: string | null; overdue: boolean; lateByMs: number }[] }[] };
    const item = body.items.find((i) => i.allegationId === allegationId);
    expect(item).toMatchObject({ ladoRef: 'lado-1', status: 'referred' });
    expect(item?.stage).toEqual(expect.any(String));
    expect(item?.deadlines.length).toBeGreaterThan(0);
    expect(item?.overdue).toBe(item?.deadlines.filter((d) => d.overdue).length);
    expect(item?.deadlines.every((d) => d.overdue === d.lateByMs > 0)).toBe(true);

    for (const roles of [['team-manager'], ['auditor'], ['iro'], ['admin']] as Role[][]) {
      expect((await request(url).get('/queues/allegations').auth(await token(roles, 'u-x', [team]), { type: 'bearer' })).status).toBe(403);
    }
  });
});
