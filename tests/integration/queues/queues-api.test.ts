import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadOrCreateDevKey, mintDevToken, type DevKey, type Role } from '@csc/auth';
import { shippedCalendar } from '@csc/calendar';
import type { CaseCommand } from '@csc/case';
import { CaseCommandHandler } from '@csc/case-handler';
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
  const store = await app.get(CaseRecords).store();
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
      await redis.del(projector.keys.caseDeadlines(second));
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
