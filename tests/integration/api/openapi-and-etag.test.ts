import request from 'supertest';
import { COMMAND_BODIES, commandPath } from '../../../apps/api/src/cases/commands/catalogue';
import { at, command, query, startCaseApi, type CaseApi } from './case-api';

interface OpenApi {
  paths: Record<string, { post?: { operationId: string; parameters: { name: string }[] } }>;
  components: { schemas: Record<string, { properties: Record<string, { type?: string; format?: string; enum?: string[] }> }> };
}

describe('the case endpoints in the OpenAPI document, and If-Match with the ETag (real app)', () => {
  let api: CaseApi;

  beforeAll(async () => {
    api = await startCaseApi('postgres');
  }, 60_000);

  afterAll(() => api?.close());

  it('documents every command with its body schema, Idempotency-Key and If-Match', async () => {
    const body = (await request(api.url).get('/api/openapi.json').expect(200)).body as OpenApi;
    for (const name of Object.keys(COMMAND_BODIES)) {
      const operation = body.paths[`/cases/{caseId}/commands/${commandPath(name)}`]?.post;
      expect({ name, operationId: operation?.operationId }).toEqual({ name, operationId: name });
      expect(body.components.schemas[`${name}Body`]?.properties.occurredAt).toMatchObject({ type: 'string', format: 'date-time' });
      expect(operation?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['caseId', 'Idempotency-Key', 'If-Match']));
    }
    expect(body.components.schemas.RecordStrategyDiscussionBody?.properties.decision?.enum).toEqual(['section-47', 'reconvene', 'child-in-need', 'no-further-action']);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/cases/{caseId}', '/cases/{caseId}/deadlines', '/cases/{caseId}/history', '/cases/{caseId}/access-log']));
  });

  it('takes the ETag of the case as If-Match, and refuses it once the case has moved', async () => {
    const manager = await api.token('team-manager', 'tm-1', ['team-a']);
    await command(api, manager, 'etag-1', 'open-case', { teamRef: 'team-a', occurredAt: at('2025-05-01') }).expect(201);
    const etag = (await query(api, manager, '/cases/etag-1').expect(200)).headers.etag as string;
    expect(etag).toBe('"0"');
    const allocated = await command(api, manager, 'etag-1', 'allocate-iro', { iroRef: 'iro-1', occurredAt: at('2025-05-02') }).set('If-Match', etag).expect(201);
    expect(allocated.body.revision).toBe(1);
    const stale = await command(api, manager, 'etag-1', 'allocate-iro', { iroRef: 'iro-2', occurredAt: at('2025-05-03') }).set('If-Match', etag).expect(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', expected: 0, actual: 1 });
    expect((await query(api, manager, '/cases/etag-1').expect(200)).body.iroRef).toBe('iro-1');
  });
});
