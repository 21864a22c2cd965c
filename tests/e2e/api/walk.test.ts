import { at, attendance, command, query, startCaseApi, type CaseApi, type StoreKind } from '../../integration/api/case-api';
import { uniqueName } from '../../support/unique';

/**
 * A child's journey purely over HTTP: strategy discussion, ICPC, plan, review
 * conferences, care, LAC reviews and a missing episode, recorded by the
 * people whose job it is, then read back as state, deadlines and history.
 */
jest.setTimeout(60_000);

describe.each<StoreKind>(['embedded', 'postgres'])('a child walked through the pathways over HTTP (%s store, real Redis)', (kind) => {
  let api: CaseApi;
  let manager: string;
  let recorder: string;
  let iro: string;
  let auditor: string;
  const caseId = uniqueName('child');

  beforeAll(async () => {
    api = await startCaseApi(kind);
    manager = await api.token('team-manager', 'tm-1', ['team-a']);
    recorder = await api.token('recorder', 'sw-1', ['team-a']);
    iro = await api.token('iro', 'iro-1', []);
    auditor = await api.token('auditor', 'qa-1', []);
  }, 60_000);

  afterAll(() => api?.close());

  const record = async (token: string, path: string, body: object) => {
    const response = await command(api, token, caseId, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { revision: number; events: { type: string; instanceId: string | null }[] };
  };
  const pathways = async () => (await query(api, recorder, `/cases/${caseId}`).expect(200)).body.pathways as { instanceId: string; state: string; active: boolean; allowed: string[] }[];

  it('records the child protection enquiry, conference, plan and reviews', async () => {
    await record(manager, 'open-case', { teamRef: 'team-a', occurredAt: at('2025-01-06') });
    await record(manager, 'allocate-iro', { iroRef: 'iro-1', occurredAt: at('2025-01-06', '11:00:00') });
    const strategy = await record(recorder, 'record-strategy-discussion', { occurredAt: at('2025-01-08'), attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true });
    expect(strategy.events).toEqual([expect.objectContaining({ type: 'StrategyDiscussionHeld', instanceId: 'cp-1' })]);
    const open = (await query(api, iro, `/cases/${caseId}/deadlines?asOf=${encodeURIComponent(at('2025-01-09'))}`).expect(200)).body.deadlines;
    expect(open).toEqual([expect.objectContaining({ ruleId: 'CP-04', status: 'open', dueDate: '2025-01-29', explanation: expect.stringContaining('15 working days') })]);
    await record(iro, 'record-initial-conference', { instanceId: 'cp-1', occurredAt: at('2025-01-27'), outcome: 'plan', category: 'neglect', preBirth: false });
    await record(recorder, 'record-core-group', { instanceId: 'cp-1', occurredAt: at('2025-02-03') });
    await record(iro, 'record-review-conference', { instanceId: 'cp-1', occurredAt: at('2025-04-22'), decision: 'continue-plan' });
    expect((await pathways()).find((p) => p.instanceId === 'cp-1')).toMatchObject({ state: expect.stringMatching(/^onPlan/), active: true, allowed: expect.arrayContaining(['RecordReviewConference', 'EndPlan']) });
    await record(iro, 'record-review-conference', { instanceId: 'cp-1', occurredAt: at('2025-05-28'), decision: 'end-plan' });
    expect((await pathways()).find((p) => p.instanceId === 'cp-1')).toMatchObject({ active: false });
  });

  it('records a period of care and its LAC reviews', async () => {
    const care = await record(recorder, 'record-became-looked-after', {
      occurredAt: at('2025-06-02'), legalStatus: 'V2', placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' },
    });
    expect(care.events[0]).toMatchObject({ type: 'BecameLookedAfter', instanceId: 'lac-1' });
    await record(iro, 'record-lac-review', { instanceId: 'lac-1', occurredAt: at('2025-06-25'), participation: 'PN1', timing: 'scheduled', iroRef: 'iro-1' });
    await record(iro, 'record-lac-review', { instanceId: 'lac-1', occurredAt: at('2025-09-18'), participation: 'PN2', timing: 'scheduled', iroRef: 'iro-1' });
    expect((await pathways()).find((p) => p.instanceId === 'lac-1')).toMatchObject({ active: true });
  });

  it('records a missing episode, the return and the return home interview', async () => {
    const missing = await record(recorder, 'report-missing', { occurredAt: at('2025-10-04', '22:00:00'), kind: 'missing', childStatus: 'looked-after' });
    expect(missing.events[0]).toMatchObject({ type: 'MissingReported', instanceId: 'mis-1' });
    await record(recorder, 'record-return', { instanceId: 'mis-1', occurredAt: at('2025-10-05', '14:00:00'), timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned' });
    await record(iro, 'offer-return-interview', { instanceId: 'mis-1', occurredAt: at('2025-10-06'), interviewerRole: 'iro', interviewerRef: 'iro-1' });
    await record(iro, 'record-return-interview', {
      instanceId: 'mis-1', occurredAt: at('2025-10-07'), interviewerRole: 'iro', interviewerRef: 'iro-1', pushFactors: ['unhappy-in-placement'], pullFactors: ['friends'], risks: [],
    });
    expect((await pathways()).map((p) => p.instanceId).sort()).toEqual(['cp-1', 'lac-1', 'mis-1']);
  });

  it('judges the deadlines met on time, explained by the recorded rulebook release', async () => {
    const { body } = await query(api, manager, `/cases/${caseId}/deadlines?status=all`).expect(200);
    const icpc = (body.deadlines as { ruleId: string; status: string; rulebookVersion: string; explanation: string }[]).find((d) => d.ruleId === 'CP-04');
    expect(icpc).toMatchObject({ status: 'met-on-time', rulebookVersion: expect.stringMatching(/^national@\d+$/), explanation: expect.stringContaining('CP-04') });
  });

  it('shows who recorded what and when, and logs the read for the auditor', async () => {
    const history = await query(api, auditor, `/cases/${caseId}/history?reason=${encodeURIComponent('annual QA sample')}`).expect(200);
    const events = history.body.events as { type: string; recordedBy: { userId: string; role: string }; occurredAt: string; recordedAt: string }[];
    expect(events.map((e) => e.type)).toEqual([
      'CaseOpened', 'IroAllocated', 'StrategyDiscussionHeld', 'InitialConferenceHeld', 'CoreGroupHeld', 'ReviewConferenceHeld', 'ReviewConferenceHeld',
      'BecameLookedAfter', 'LacReviewHeld', 'LacReviewHeld', 'MissingReported', 'ChildReturned', 'ReturnInterviewOffered', 'ReturnInterviewCompleted',
    ]);
    expect(events[3]).toMatchObject({ recordedBy: { userId: 'iro-1', role: 'iro' }, occurredAt: '2025-01-27T10:00:00.000Z' });
    expect(events[2]?.recordedBy).toEqual({ userId: 'sw-1', role: 'recorder' });
    const log = await query(api, auditor, `/cases/${caseId}/access-log`).expect(200);
    expect(log.body.reads).toEqual([
      expect.objectContaining({ userId: 'qa-1', what: 'history', reason: 'annual QA sample', grantedBy: 'auditor' }),
      expect.objectContaining({ userId: 'qa-1', what: 'access-log' }),
    ]);
  });
});
