import { alertEventId } from '@csc/alerts';
import { alertEvents, holdIcpc, openCpCase, openFixture, type Fixture } from './fixture';

let f: Fixture;
afterEach(async () => f.close());

describe('firing alerts on a virtual clock', () => {
  it('a reminder fires at its time, not before, once, and the next alert of the deadline is scheduled', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T07:59:59Z');
    expect(await f.fireDue()).toEqual([]);
    f.clock.set('2026-05-26T08:00:00Z');
    expect(await f.fireDue()).toEqual([`${caseId}/cp-1/icpc/reminder-10:raised`]);
    expect(await alertEvents(f, caseId)).toEqual([
      { type: 'TimescaleReminderSent', id: alertEventId(`${caseId}/cp-1/icpc/reminder-10`), alertId: `${caseId}/cp-1/icpc/reminder-10`, late: false, lateByMs: 0 },
    ]);
    expect(await f.jobSet()).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-5`]: '2026-06-02T08:00:00.000Z' });
    expect(await f.fireDue()).toEqual([]);
  });

  it('reminders, breach and escalation go out in turn while the deadline stays open, each to its recipient', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    for (const at of ['2026-05-26T08:00:00Z', '2026-06-02T08:00:00Z', '2026-06-09T23:00:00Z', '2026-06-10T23:00:00Z']) {
      f.clock.set(at);
      expect(await f.fireDue()).toHaveLength(1);
    }
    expect((await alertEvents(f, caseId)).map((e) => [e.type, e.late])).toEqual([
      ['TimescaleReminderSent', false], ['TimescaleReminderSent', false], ['TimescaleBreached', false], ['TimescaleEscalated', false],
    ]);
    expect(await f.jobSet()).toEqual({});
    await Promise.all((await f.deliveries.queue.getJobs(['waiting'])).map((job) => f.deliveries.deliver(job.data, 1, false)));
    expect((await f.inbox.read({ kind: 'iro', ref: 'iro-1' })).map((n) => n.kind)).toEqual(['breach', 'reminder', 'reminder']);
    expect((await f.inbox.read({ kind: 'team-manager', ref: 'team-1' })).map((n) => n.kind)).toEqual(['escalation']);
  });

  it('a met deadline raises nothing, and a stale job for it does nothing', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-22T16:00:00Z');
    await f.record(holdIcpc(caseId, '2026-05-22T10:00:00Z'));
    f.clock.set('2026-06-12T00:00:00Z');
    await f.fireDue();
    expect((await alertEvents(f, caseId)).filter((e) => e.alertId.includes('/icpc/'))).toEqual([]);
    expect(await f.processor.fire({ caseId, alertId: `${caseId}/cp-1/icpc/breach` })).toEqual({ outcome: 'stale', alertId: `${caseId}/cp-1/icpc/breach` });
    expect((await alertEvents(f, caseId)).filter((e) => e.alertId.includes('/icpc/'))).toEqual([]);
  });

  it('the processor keeps the fold of a case it fired, and still sees what another writer appended since', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T08:00:00Z');
    expect((await f.processor.fire({ caseId, alertId: `${caseId}/cp-1/icpc/reminder-10` })).outcome).toBe('raised');
    expect((await f.processor.fire({ caseId, alertId: `${caseId}/cp-1/icpc/reminder-10` })).outcome).toBe('already-raised');
    f.clock.set('2026-05-27T16:00:00Z');
    await f.record(holdIcpc(caseId, '2026-05-27T10:00:00Z'));
    f.clock.set('2026-06-02T08:00:00Z');
    expect(await f.processor.fire({ caseId, alertId: `${caseId}/cp-1/icpc/reminder-5` })).toEqual({ outcome: 'stale', alertId: `${caseId}/cp-1/icpc/reminder-5` });
    expect((await alertEvents(f, caseId)).map((e) => e.alertId)).toEqual([`${caseId}/cp-1/icpc/reminder-10`]);
  });

  it('two alerts of one case fired at once are both raised, once each, one after the other', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-06-12T00:00:00Z');
    const alertIds = [`${caseId}/cp-1/icpc/reminder-10`, `${caseId}/cp-1/icpc/reminder-5`, `${caseId}/cp-1/icpc/reminder-10`];
    const outcomes = await Promise.all(alertIds.map((alertId) => f.processor.fire({ caseId, alertId })));
    expect(outcomes.map((o) => o.outcome)).toEqual(['raised', 'raised', 'already-raised']);
    expect((await alertEvents(f, caseId)).map((e) => [e.alertId, e.late])).toEqual([[alertIds[0], true], [alertIds[1], true]]);
  });

  it('a job that fires before its alert is due (the deadline moved later) raises nothing yet', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-20T08:00:00Z');
    expect(await f.processor.fire({ caseId, alertId: `${caseId}/cp-1/icpc/breach` })).toEqual({ outcome: 'not-yet', alertId: `${caseId}/cp-1/icpc/breach`, at: Date.parse('2026-06-09T23:00:00Z') });
    expect(await alertEvents(f, caseId)).toEqual([]);
  });

  it('an alert raised after its time is marked late, with how late', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T10:30:00Z');
    await f.fireDue();
    expect(await alertEvents(f, caseId)).toMatchObject([{ type: 'TimescaleReminderSent', late: true, lateByMs: 2.5 * 3600_000 }]);
  });
});
