import request from 'supertest';
import { at, command, query, startCaseApi, type CaseApi } from '../api/case-api';
import { uniqueName } from '../../support/unique';
import { sample } from './scrape';

jest.setTimeout(30_000);

describe('the api /metrics: request latency by route template and command outcomes by code, no ids or names', () => {
  let api: CaseApi;
  beforeAll(async () => {
    api = await startCaseApi('postgres');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('counts accepted, replayed and refused commands, times each request by its route template, and leaks no case id, user or name', async () => {
    const caseId = uniqueName('child-metrics');
    const user = uniqueName('tm-metrics');
    const manager = await api.token('team-manager', user, ['team-m']);
    const open = { occurredAt: at('2025-03-04'), teamRef: 'team-m' };
    const key = crypto.randomUUID();
    expect((await command(api, manager, caseId, 'open-case', open, key)).status).toBe(201);
    const repeat = await command(api, manager, caseId, 'open-case', open, key);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    const again = await command(api, manager, caseId, 'open-case', open);
    expect(again.body).toMatchObject({ status: 409, code: 'CASE_ALREADY_OPEN' });
    const named = await command(api, manager, caseId, 'allocate-iro', { occurredAt: at('2025-03-05'), iroRef: 'Jane Doe' });
    expect(named.status).toBe(400);
    const malformed = await request(api.url).post(`/cases/${caseId}/commands/change-team`).auth(manager, { type: 'bearer' }).set('Idempotency-Key', crypto.randomUUID())
      .set('Content-Type', 'application/json').send('{"teamRef": "Jane Doe"');
    expect(malformed.body).toMatchObject({ status: 400, code: 'MALFORMED_BODY' });
    expect((await request(api.url).post(`/cases/${caseId}/commands/allocate-iro`).send({ iroRef: 'iro-1' })).status).toBe(401);
    expect((await query(api, manager, `/cases/${caseId}`)).status).toBe(200);
    expect((await query(api, manager, `/cases/${caseId}/no-such-thing`)).status).toBe(404);

    const scraped = await request(api.url).get('/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = scraped.text;
    const commands = (cmd: string, outcome: string) => sample(text, 'csc_commands_total', { command: cmd, outcome });
    expect(commands('OpenCase', 'accepted')).toBe(1);
    expect(commands('OpenCase', 'replayed')).toBe(1);
    expect(commands('OpenCase', 'CASE_ALREADY_OPEN')).toBe(1);
    expect(commands('AllocateIro', named.body.code as string)).toBe(1);
    expect(commands('ChangeTeam', 'MALFORMED_BODY')).toBe(1);
    expect(commands('AllocateIro', 'UNAUTHENTICATED')).toBe(1);

    const count = (method: string, route: string, status: number) => sample(text, 'csc_http_request_duration_seconds_count', { method, route, status_code: String(status) });
    expect(count('POST', '/cases/:caseId/commands/open-case', 201)).toBe(2);
    expect(count('POST', '/cases/:caseId/commands/open-case', 409)).toBe(1);
    expect(count('GET', '/cases/:caseId', 200)).toBe(1);
    expect(count('GET', '(unmatched)', 404)).toBe(1);
    expect(sample(text, 'csc_http_request_duration_seconds_bucket', { le: '+Inf', method: 'GET', route: '/cases/:caseId', status_code: '200' })).toBe(1);
    expect(sample(text, 'csc_http_request_duration_seconds_sum', { method: 'GET', route: '/cases/:caseId', status_code: '200' })).toBeGreaterThan(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

    expect(text).not.toContain(caseId);
    expect(text).not.toContain('child-metrics');
    expect(text).not.toContain(user);
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('team-m');
  });

  it('refuses /metrics to a request a proxy forwarded, when no CSC_METRICS_TOKEN is set', async () => {
    const answer = await request(api.url).get('/metrics').set('X-Forwarded-For', '203.0.113.7');
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('CSC_METRICS_TOKEN') });
    expect(answer.text).not.toContain('csc_http_request_duration_seconds');
  });

  describe('with CSC_METRICS_TOKEN', () => {
    const token = 'metrics-token-0123456789';
    let guarded: CaseApi;
    beforeAll(async () => {
      guarded = await startCaseApi('postgres', { CSC_METRICS_TOKEN: token });
    });
    afterAll(async () => {
      await guarded?.close();
    });

    it('serves /metrics only to a request bearing the token, even on loopback', async () => {
      expect((await request(guarded.url).get('/metrics')).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect((await request(guarded.url).get('/metrics').auth('metrics-token-wrong-000000', { type: 'bearer' })).status).toBe(401);
      const answer = await request(guarded.url).get('/metrics').auth(token, { type: 'bearer' }).set('X-Forwarded-For', '203.0.113.7');
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('# TYPE csc_http_request_duration_seconds histogram');
    });
  });
});
