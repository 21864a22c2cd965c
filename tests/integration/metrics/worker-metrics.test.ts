import { shippedCalendar } from '@csc/calendar';
import type { CaseCommand } from '@csc/case';
import { MetricsRegistry, registerWorkerMetrics, type WorkerMetrics } from '@csc/metrics';
import { QueueProjector, QueueReader } from '@csc/projections';
import type { DeliveryChannel } from '@csc/alerts';
import { openFixture, type Fixture } from '../alerts/fixture';
import { uniqueName } from '../../support/unique';
import { sample } from './scrape';

jest.setTimeout(30_000);

/** A delivery channel whose every attempt fails (an SMTP server that refuses). */
const refusing: DeliveryChannel = { name: 'email', deliver: () => Promise.reject(new Error('550 refused')) };

const attendance = { police: true, health: true, education: true, others: [] };

describe('the worker /metrics figures: projection lag, alert jobs, open and overdue deadlines, failing deliveries', () => {
  let f: Fixture;
  let registry: MetricsRegistry;
  let metrics: WorkerMetrics;
  const scrape = () => registry.text();

  beforeAll(async () => {
    f = await openFixture('2026-05-18T08:00:00Z', () => [refusing]);
    registry = new MetricsRegistry({ defaults: false });
    metrics = registerWorkerMetrics(registry, { redis: f.redis, prefix: f.prefix, store: () => Promise.resolve(f.store), clock: f.clock.now });
  });
  afterAll(async () => {
    await metrics?.close();
    await f?.close();
  });

  it('follows the store and Redis as cases are recorded, projected, scheduled, fall overdue and fail to be delivered', async () => {
    const lag = (text: string, subscriber: string) => ({ events: sample(text, 'csc_projection_lag_events', { subscriber }), seconds: sample(text, 'csc_projection_lag_seconds', { subscriber }) });
    const jobs = (text: string, queue: string, state: string) => sample(text, 'csc_alert_jobs', { queue, state });
    let text = await scrape();
    expect(lag(text, 'projection-queues')).toEqual({ events: 0, seconds: 0 });
    expect(jobs(text, 'alerts', 'delayed')).toBe(0);
    expect(sample(text, 'csc_deadlines_open')).toBe(0);
    expect(sample(text, 'csc_deadlines_overdue')).toBe(0);
    expect(sample(text, 'csc_alert_deliveries_failing')).toBe(0);

    // A child protection enquiry: its ICPC falls due within 15 working days. record() also
    // syncs the case's alert jobs, as the live scheduler would, but saves no checkpoint.
    const caseId = uniqueName('c');
    const team = uniqueName('team');
    const commands: CaseCommand[] = [
      { type: 'OpenCase', caseId, teamRef: team, rulebook: 'national', occurredAt: '2026-05-18T08:00:00Z' },
      { type: 'AllocateIro', caseId, iroRef: 'iro-1', occurredAt: '2026-05-18T08:00:00Z' },
      { type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: '2026-05-18T07:30:00Z' },
    ];
    for (const command of commands) await f.record(command);
    const events = (await f.store.readAll()).length;
    expect(events).toBeGreaterThanOrEqual(3);
    f.clock.set('2026-05-18T08:00:30Z');
    text = await scrape();
    expect(lag(text, 'projection-queues')).toEqual({ events, seconds: 30 });
    expect(lag(text, 'alert-scheduler')).toEqual({ events, seconds: 30 });
    const scheduled = jobs(text, 'alerts', 'delayed') ?? 0;
    expect(scheduled).toBeGreaterThan(0);
    expect(sample(text, 'csc_deadlines_open')).toBe(0); // not projected yet

    // The projector catches up: its lag is gone, the scheduler's is not.
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix: f.prefix, deadlines: { calendar: shippedCalendar() }, publish: false });
    await projector.rebuild();
    text = await scrape();
    expect(lag(text, 'projection-queues')).toEqual({ events: 0, seconds: 0 });
    expect(lag(text, 'alert-scheduler')).toEqual({ events, seconds: 30 });
    const open = sample(text, 'csc_deadlines_open') ?? 0;
    expect(open).toBeGreaterThan(0);
    expect(sample(text, 'csc_deadlines_overdue')).toBe(0);

    // Six weeks on, the ICPC is overdue: as many as the team's overdue queue lists.
    f.clock.set('2026-07-01T12:00:00Z');
    const overdue = (await new QueueReader(f.redis, f.prefix, { calendar: shippedCalendar() }).overdue(team, f.clock.now())).length;
    expect(overdue).toBeGreaterThan(0);
    text = await scrape();
    expect(sample(text, 'csc_deadlines_overdue')).toBe(overdue);
    expect(lag(text, 'alert-scheduler').seconds).toBe((Date.parse('2026-07-01T12:00:00Z') - Date.parse('2026-05-18T08:00:00Z')) / 1000);

    // The scheduler starts (no checkpoint: it reconciles and saves one): it has caught up.
    await f.scheduler.resumePosition();
    text = await scrape();
    expect(lag(text, 'alert-scheduler')).toEqual({ events: 0, seconds: 0 });
    expect(jobs(text, 'alerts', 'delayed')).toBe(scheduled); // every job was already at its planned time

    // Firing raises the alerts (events: the scheduler lags again) and enqueues their deliveries, which fail.
    const fired = await f.fireDue();
    expect(fired.length).toBeGreaterThan(0);
    text = await scrape();
    const deliveries = jobs(text, 'alert-delivery', 'waiting') ?? 0;
    expect(deliveries).toBeGreaterThan(0);
    expect(lag(text, 'alert-scheduler').events).toBeGreaterThan(0);
    for (const job of await f.deliveries.queue.getJobs(['waiting'])) await expect(f.deliveries.deliver(job.data, 1, true)).rejects.toThrow('550 refused');
    text = await scrape();
    expect(sample(text, 'csc_alert_deliveries_failing')).toBe(deliveries);
    expect(text).not.toContain(caseId);
    expect(text).not.toContain(team);
  });

  it('leaves a figure out, and counts the failure, when its source does not answer', async () => {
    const failing = new MetricsRegistry({ defaults: false });
    const broken = registerWorkerMetrics(failing, { redis: f.redis, prefix: f.prefix, store: () => Promise.reject(new Error('store down')), clock: f.clock.now });
    try {
      await failing.text();
      const text = await failing.text(); // the counter may be written before the first scrape's readings fail
      expect(sample(text, 'csc_projection_lag_events', { subscriber: 'projection-queues' })).toBeUndefined();
      expect(sample(text, 'csc_metrics_collect_errors_total', { source: 'projection-lag' })).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'csc_alert_jobs', { queue: 'alerts', state: 'delayed' })).toBeDefined();
    } finally {
      await broken.close();
    }
  });
});
