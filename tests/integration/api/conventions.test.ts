import request from 'supertest';
import { SignJWT, generateKeyPair } from 'jose';
import { startTestApi, type TestApi } from './harness';

const PROBLEM = /^application\/problem\+json/;
const command = { caseId: 'c1', occurredAt: '2026-03-02T10:00:00+00:00', attendance: [{ role: 'parent' }] };

describe('the api HTTP conventions (real app, real Redis)', () => {
  let api: TestApi;
  let iro: string;

  beforeAll(async () => {
    api = await startTestApi();
    iro = await api.token('iro', 'iro-1');
  });

  afterAll(() => api?.close());

  describe('problem details', () => {
    it.each([
      ['not-allowed', 409, 'NOT_ALLOWED_IN_STATE'],
      ['invalid-field', 400, 'INVALID_FIELD'],
      ['case-not-found', 404, 'CASE_NOT_FOUND'],
      ['out-of-order', 422, 'OUT_OF_ORDER'],
      ['conflict', 409, 'STREAM_CONFLICT'],
      ['store-down', 503, 'EVENT_STORE_UNAVAILABLE'],
      ['bug', 500, 'INTERNAL'],
    ])('maps the %s error to %i %s as application/problem+json', async (name, status, code) => {
      const response = await request(api.url).get(`/probe/errors/${name}`).auth(iro, { type: 'bearer' }).expect(status);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ type: expect.stringMatching(/^urn:csc:problem:/), title: expect.any(String), status, code, instance: `/probe/errors/${name}` });
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    });

    it('names the state and the allowed commands when the pathway forbids a command', async () => {
      const { body } = await request(api.url).get('/probe/errors/not-allowed').auth(iro, { type: 'bearer' }).expect(409);
      expect(body).toMatchObject({ state: 'onPlan', allowed: ['RecordReviewConference', 'EndPlan'], pathway: 'child-protection', instanceId: 'cp-1' });
      expect(body.detail).toMatch(/in state 'onPlan'; allowed: RecordReviewConference, EndPlan/);
    });

    it('names the field of a domain validation error', async () => {
      const { body } = await request(api.url).get('/probe/errors/invalid-field').auth(iro, { type: 'bearer' }).expect(400);
      expect(body.errors).toEqual([{ field: 'occurredAt', message: 'occurredAt: must not be in the future' }]);
    });

    it('withholds the detail of 5xx errors (no internals, no addresses)', async () => {
      const down = await request(api.url).get('/probe/errors/store-down').auth(iro, { type: 'bearer' }).expect(503);
      const bug = await request(api.url).get('/probe/errors/bug').auth(iro, { type: 'bearer' }).expect(500);
      expect(JSON.stringify([down.body, bug.body])).not.toMatch(/10\.1\.2\.3|secret|TypeError/);
    });

    it('answers an unknown route with a 404 problem', async () => {
      const response = await request(api.url).get('/no/such/route').auth(iro, { type: 'bearer' }).expect(404);
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    });
  });

  describe('request validation', () => {
    const post = (body: unknown) => request(api.url).post('/probe/commands').auth(iro, { type: 'bearer' }).set('Idempotency-Key', crypto.randomUUID()).send(body as object);

    it('names every bad, missing and unknown field, nested ones by path', async () => {
      const response = await post({ caseId: 7, occurredAt: '2026-02-30', attendance: [{ role: 'parent' }, { role: 'wizard', extra: 1 }], injected: '<script>' }).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = (response.body.errors as { field: string; message: string }[]).map((error) => error.field);
      expect(new Set(fields)).toEqual(new Set(['caseId', 'occurredAt', 'attendance[1].role', 'attendance[1].extra', 'injected']));
      expect(response.body.errors).toContainEqual({ field: 'injected', message: 'is not an accepted field' });
      expect(JSON.stringify(response.body)).not.toContain('<script>');
    });

    it('refuses a body that is not JSON with 415, and broken JSON with 400', async () => {
      const text = await request(api.url).post('/probe/commands').auth(iro, { type: 'bearer' }).set('Content-Type', 'text/plain').send('caseId=c1').expect(415);
      expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const broken = await request(api.url).post('/probe/commands').auth(iro, { type: 'bearer' }).set('Content-Type', 'application/json').send('{"caseId": ').expect(400);
      expect(broken.headers['content-type']).toMatch(PROBLEM);
      expect(broken.body.code).toBe('MALFORMED_BODY');
    });

    it('refuses a body over 64 kB with a 413 problem, executing nothing', async () => {
      const before = api.counter.executions;
      const response = await post({ ...command, padding: 'x'.repeat(70 * 1024) }).expect(413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
      expect(api.counter.executions).toBe(before);
    });
  });

  describe('authentication and authorisation', () => {
    it('answers 401 without a token, with WWW-Authenticate', async () => {
      const response = await request(api.url).get('/probe/cases/child-t1').expect(401);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="csc"');
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('answers 401 to a forged token, an alg:none token and a non-bearer header', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ roles: ['admin', 'auditor'] }).setProtectedHeader({ alg: 'ES256' }).setIssuer('urn:csc:dev').setAudience('csc-api').setSubject('u1').setExpirationTime('5m').sign(privateKey);
      const [header, payload] = iro.split('.');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      for (const token of [forged, none, `${header}.${payload}.c2lnbmF0dXJl`]) {
        const response = await request(api.url).get('/probe/cases/child-t1').auth(token, { type: 'bearer' }).expect(401);
        expect(response.body.code).toBe('UNAUTHENTICATED');
        expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      }
      await request(api.url).get('/probe/cases/child-t1').set('Authorization', 'Basic dTE6cGFzcw==').expect(401);
    });

    it('lets the allocated IRO read, and answers 403 to the wrong role or another IRO', async () => {
      await request(api.url).get('/probe/cases/child-t1').auth(iro, { type: 'bearer' }).expect(200, { id: 'child-t1', grantedBy: 'iro' });
      const other = await request(api.url).get('/probe/cases/child-t1').auth(await api.token('iro', 'iro-2'), { type: 'bearer' }).expect(403);
      expect(other.body).toMatchObject({ code: 'FORBIDDEN', detail: 'an IRO sees the children allocated to them only' });
      const lado = await request(api.url).get('/probe/cases/allegation').auth(iro, { type: 'bearer' }).expect(403);
      expect(lado.body.code).toBe('FORBIDDEN');
      await request(api.url).get('/probe/cases/child-t1').auth(await api.token('admin'), { type: 'bearer' }).expect(403);
    });

    it('keeps health and the OpenAPI document public', async () => {
      await request(api.url).get('/health/live').expect(200);
      const document = await request(api.url).get('/api/openapi.json').expect(200);
      expect(document.body.openapi).toMatch(/^3\./);
      expect(document.body.paths).toHaveProperty('/probe/commands');
      expect(document.body.components.securitySchemes).toHaveProperty('bearer');
      expect(document.body.components.schemas.Problem.properties.code.enum).toContain('NOT_ALLOWED_IN_STATE');
      const ui = await request(api.url).get('/api/docs').expect(200);
      expect(ui.text).toMatch(/swagger/i);
    });
  });

  it('sends security headers on every response', async () => {
    for (const response of [await request(api.url).get('/health/live'), await request(api.url).get('/probe/cases/child-t1')]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringMatching(/max-age=/),
        'content-security-policy': expect.stringMatching(/default-src 'self'/),
      });
      expect(response.headers).not.toHaveProperty('x-powered-by');
    }
  });
});
