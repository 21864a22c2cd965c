import request from 'supertest';
import { BAD_REQUESTS, mintTokens, type BadRequest, type Tokens } from './bad-input.cases';
import { at, attendance, command, startCaseApi, type CaseApi } from './case-api';

const PROBLEM = /^application\/problem\+json/;

/**
 * Bad input gets the right status and code and changes nothing: the store's
 * whole content (every stream, access logs included) is the same after the
 * suite as before it.
 */
describe('bad input over HTTP (real app, PostgreSQL, real Redis)', () => {
  let api: CaseApi;
  let tokens: Tokens;
  let before: string[];

  beforeAll(async () => {
    api = await startCaseApi('postgres');
    tokens = await mintTokens(api);
    const setup = async (token: string, caseId: string, path: string, body: object) => command(api, token, caseId, path, body).expect(201);
    await setup(tokens.managerA, 'child-a', 'open-case', { teamRef: 'team-a', occurredAt: at('2025-03-01') });
    await setup(tokens.managerA, 'child-a', 'allocate-iro', { iroRef: 'iro-1', occurredAt: at('2025-03-01', '11:00:00') });
    await setup(tokens.recorder, 'child-a', 'record-strategy-discussion', { occurredAt: at('2025-03-03'), attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true });
    await setup(tokens.managerB, 'child-b', 'open-case', { teamRef: 'team-b', occurredAt: at('2025-03-01') });
    await request(api.url).post('/allegations/alg-a/commands/open-allegation').auth(tokens.lado, { type: 'bearer' }).set('Idempotency-Key', crypto.randomUUID())
      .send({ ladoRef: 'lado-1', occurredAt: at('2025-03-01') }).expect(201);
    before = (await api.readAll()).map((event) => `${event.streamId}/${event.revision}/${event.id}`);
  }, 60_000);

  afterAll(() => api?.close());

  it('has at least 80 bad requests', () => {
    expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(BAD_REQUESTS.map((bad) => bad.name)).size).toBe(BAD_REQUESTS.length);
  });

  it.each(BAD_REQUESTS.map((bad) => [bad.name, bad] as const))('%s', async (_name, bad) => {
    const response = await send(bad);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: bad.status, code: bad.code });
    expect(response.headers['content-type']).toMatch(PROBLEM);
    if (bad.field !== undefined) expect((response.body.errors as { field: string }[]).map((error) => error.field)).toContain(bad.field);
    expect(JSON.stringify(response.body)).not.toMatch(/<script>|DROP TABLE|John Smith|Jane Doe/);
  });

  it('changed no stream: the store holds exactly what it held before the suite', async () => {
    const after = (await api.readAll()).map((event) => `${event.streamId}/${event.revision}/${event.id}`);
    expect(after).toEqual(before);
  });

  function send(bad: BadRequest) {
    const method = bad.method ?? 'post';
    let call = request(api.url)[method](bad.path);
    if (bad.token !== null) call = call.auth(tokens[bad.token], { type: 'bearer' });
    if (method !== 'get' && !bad.noIdempotencyKey) call = call.set('Idempotency-Key', crypto.randomUUID());
    for (const [name, value] of Object.entries(bad.headers ?? {})) call = call.set(name, value);
    if (bad.raw) return call.set('Content-Type', bad.raw.type).send(bad.raw.text);
    return bad.body === undefined ? call : call.send(bad.body as object);
  }
});
