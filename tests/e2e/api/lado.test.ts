import request from 'supertest';
import { at, query, startCaseApi, type CaseApi, type StoreKind } from '../../integration/api/case-api';
import { uniqueName } from '../../support/unique';

jest.setTimeout(60_000);

const subject = { adultRef: 'adult-1', employerRef: 'school-4', childRefs: ['child-1', 'child-2'], category: 'physical', setting: 'education' };

/** A LADO allegation on its own stream, over HTTP: recorded and read by the LADO, refused to everyone else. */
describe.each<StoreKind>(['embedded', 'postgres'])('a LADO allegation over HTTP (%s store)', (kind) => {
  let api: CaseApi;
  let lado: string;
  const id = uniqueName('alg');

  beforeAll(async () => {
    api = await startCaseApi(kind);
    lado = await api.token('lado', 'lado-1', []);
  });

  afterAll(() => api?.close());

  const record = async (path: string, body: object) => {
    const response = await request(api.url).post(`/allegations/${id}/commands/${path}`).auth(lado, { type: 'bearer' }).set('Idempotency-Key', crypto.randomUUID()).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { streamId: string; revision: number };
  };

  it('records the allegation from referral to a police investigation on allegation-<id>', async () => {
    const opened = await record('open-allegation', { ladoRef: 'lado-1', occurredAt: at('2025-02-03', '09:00:00') });
    expect(opened.streamId).toBe(`allegation-${id}`);
    await record('refer-to-lado', { occurredAt: at('2025-02-03'), referrerType: 'employer', subject });
    await record('record-initial-consideration', { occurredAt: at('2025-02-04'), decision: 'threshold-met', route: 'asv-meeting', ladoRef: 'lado-1' });
    await record('record-asv-meeting', { occurredAt: at('2025-02-10'), kind: 'initial', agencies: ['lado', 'police', 'employer'] });
    await record('start-investigation', { occurredAt: at('2025-02-11'), kind: 'police' });
    const summary = await query(api, lado, `/allegations/${id}`).expect(200);
    expect(summary.body).toMatchObject({ allegationId: id, adultRef: 'adult-1', childRefs: ['child-1', 'child-2'], visibility: 'lado-only' });
    const deadlines = await query(api, lado, `/allegations/${id}/deadlines?status=all`).expect(200);
    expect(deadlines.body.deadlines.length).toBeGreaterThan(0);
  });

  it('refuses the allegation to IROs, auditors, recorders and managers, and logs the LADO reading its history', async () => {
    for (const role of ['iro', 'auditor', 'recorder', 'team-manager', 'admin'] as const) {
      const token = await api.token(role, `${role}-1`, ['team-a']);
      const read = await query(api, token, `/allegations/${id}`).expect(403);
      expect(read.body.code).toBe('FORBIDDEN');
      await query(api, token, `/allegations/${id}/history`).expect(403);
    }
    const history = await query(api, lado, `/allegations/${id}/history`).set('X-Access-Reason', 'strategy meeting').expect(200);
    expect(history.body.events[0]).toMatchObject({ type: 'AllegationOpened', recordedBy: { userId: 'lado-1', role: 'lado' } });
    const log = await query(api, lado, `/allegations/${id}/access-log`).expect(200);
    expect(log.body.reads).toEqual([
      expect.objectContaining({ userId: 'lado-1', what: 'history', reason: 'strategy meeting' }),
      expect.objectContaining({ userId: 'lado-1', what: 'access-log' }),
    ]);
  });
});
