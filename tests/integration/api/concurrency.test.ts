import { at, command, startCaseApi, type CaseApi } from './case-api';

const care = { occurredAt: at('2025-04-01'), legalStatus: 'C2', placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' } };
const visit = { instanceId: 'lac-1', occurredAt: at('2025-04-10'), seenAlone: true };

/** Duplicates append once; concurrent writers to one case all land or are told to retry; If-Match lets one through. */
describe('concurrent commands over HTTP (PostgreSQL, real Redis)', () => {
  let api: CaseApi;
  let manager: string;
  let recorder: string;

  beforeAll(async () => {
    api = await startCaseApi('postgres');
    manager = await api.token('team-manager', 'tm-1', ['team-a']);
    recorder = await api.token('recorder', 'sw-1', ['team-a']);
  }, 60_000);

  afterAll(() => api?.close());

  async function childInCare(caseId: string): Promise<void> {
    await command(api, manager, caseId, 'open-case', { teamRef: 'team-a', occurredAt: at('2025-04-01', '09:00:00') }).expect(201);
    await command(api, recorder, caseId, 'record-became-looked-after', care).expect(201);
  }
  const streamOf = async (caseId: string) => (await api.store()).readStream(`case-${caseId}`);

  it('appends once for parallel duplicates with one Idempotency-Key, and replays the first answer', async () => {
    await childInCare('dup-1');
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => command(api, recorder, 'dup-1', 'record-lac-visit', visit, key)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'IDEMPOTENCY_KEY_IN_PROGRESS')).toBe(true);
    const first = responses.find((r) => r.status === 201 && r.headers['idempotent-replayed'] === undefined);
    expect(first?.body.events).toHaveLength(1);
    const retry = await command(api, recorder, 'dup-1', 'record-lac-visit', visit, key).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first?.body);
    expect((await streamOf('dup-1')).filter((event) => event.type === 'LacVisitMade')).toHaveLength(1);
  });

  it('loses no update when many users record on one case at once', async () => {
    await childInCare('busy-1');
    const writers = 12;
    const keys = Array.from({ length: writers }, () => crypto.randomUUID());
    const landed = new Map<string, number>();
    let pending = keys;
    for (let round = 0; pending.length > 0 && round < 10; round++) {
      const responses = await Promise.all(pending.map((key) => command(api, recorder, 'busy-1', 'record-lac-visit', visit, key)));
      responses.forEach((response, i) => {
        if (response.status === 201) landed.set(pending[i] as string, response.body.revision as number);
        else expect(response.body.code).toBe('CASE_CONFLICT'); // told to retry, nothing written
      });
      pending = pending.filter((key) => !landed.has(key));
    }
    expect(landed.size).toBe(writers);
    expect(new Set(landed.values()).size).toBe(writers);
    const visits = (await streamOf('busy-1')).filter((event) => event.type === 'LacVisitMade');
    expect(visits.map((event) => event.revision).sort((a, b) => a - b)).toEqual([...landed.values()].sort((a, b) => a - b));
  });

  it('lets exactly one of two commands insisting on the same If-Match revision through; the other gets 412', async () => {
    await childInCare('if-1');
    const responses = await Promise.all([0, 1].map(() => command(api, recorder, 'if-1', 'record-lac-visit', visit).set('If-Match', '"1"')));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 412]);
    expect(responses.find((r) => r.status === 412)?.body).toMatchObject({ code: 'PRECONDITION_FAILED', expected: 1 });
    expect(await streamOf('if-1')).toHaveLength(3);
  });
});
