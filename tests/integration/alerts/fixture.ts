import { shippedCalendar } from '@csc/calendar';
import { caseStreamId, decide, encodeCaseEvent, type CaseCommand } from '@csc/case';
import { createPostgresEventStore, deterministicEventId, type EventStore, type JsonObject } from '@csc/event-store';
import { createRedis, type Redis } from '@csc/redis';
import {
  AlertProcessor, AlertScheduler, DEFAULT_ALERT_POLICY, Deliveries, FireQueue, InboxChannel, deleteKeysUnder, fireJobId, foldCaseWithAlerts,
  type DeliveryChannel, type PlanContext,
} from '@csc/alerts';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { dropSchema } from '../../support/postgres';

/** A virtual clock: tests move it; nothing sleeps. */
export class VirtualClock {
  constructor(public ms: number) {}
  readonly now = (): Date => new Date(this.ms);
  set(instant: string): void {
    this.ms = Date.parse(instant);
  }
}

export interface Fixture {
  readonly store: EventStore;
  readonly redis: Redis;
  readonly prefix: string;
  readonly clock: VirtualClock;
  readonly context: PlanContext;
  readonly jobs: FireQueue;
  readonly deliveries: Deliveries;
  readonly inbox: InboxChannel;
  readonly processor: AlertProcessor;
  readonly scheduler: AlertScheduler;
  /** Records a command the way the case handler does (decide on the folded case, append at its revision). */
  record(command: CaseCommand, key?: string): Promise<void>;
  /** The firing jobs, in any state: `alert/<alertId>` -> planned time (ISO); throws if a job's id is not its alert's. */
  jobSet(): Promise<Record<string, string>>;
  /** Fires every job due by the virtual clock, as the BullMQ worker would (until none is left due). */
  fireDue(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openFixture(start: string, channels?: (redis: Redis, prefix: string) => DeliveryChannel[]): Promise<Fixture> {
  const schema = uniqueIdentifier('alerts');
  const clock = new VirtualClock(Date.parse(start));
  const store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, clock: clock.now, poolSize: 4 });
  const redis = createRedis(TEST_REDIS_URL, { role: 'blocking' });
  const prefix = uniqueIdentifier('alerts');
  const context: PlanContext = { calendar: shippedCalendar(), policy: DEFAULT_ALERT_POLICY };
  const jobs = new FireQueue(redis, prefix, 3);
  const inbox = new InboxChannel(redis, prefix);
  const deliveries = new Deliveries({ redis, prefix, channels: channels?.(redis, prefix) ?? [inbox], clock: clock.now });
  const processor = new AlertProcessor({ store, context, clock: clock.now, deliveries });
  const scheduler = new AlertScheduler({ store, jobs, context, clock: clock.now, redis, prefix });
  const fixture: Fixture = {
    store, redis, prefix, clock, context, jobs, deliveries, inbox, processor, scheduler,
    async record(command, key = uniqueName('cmd')) {
      const stream = caseStreamId(command.caseId);
      const events = await store.readStream(stream);
      const decision = decide(command, foldCaseWithAlerts(events).state, clock.now().toISOString(), {});
      if (!decision.ok) throw decision.error;
      await store.append(
        stream,
        decision.events.map((event, i) => ({
          id: deterministicEventId(`test:${command.caseId}:${key}:${i}`),
          type: encodeCaseEvent(event).type,
          data: encodeCaseEvent(event).data as JsonObject,
          metadata: { occurredAt: event.occurredAt, actor: { userId: 'u-1', role: 'recorder' }, correlationId: key, rulebookVersion: event.type === 'PathwayEventRecorded' ? event.rulebookVersion : null },
        })),
        events.length === 0 ? 'no_stream' : events.length - 1,
      );
      await scheduler.syncCase(command.caseId);
    },
    async jobSet() {
      const ids = await jobs.allIds();
      const data = await jobs.existing(ids);
      for (const [id, job] of data) if (id !== fireJobId(job.alertId)) throw new Error(`job ${id} holds alert ${job.alertId}, whose job id is ${fireJobId(job.alertId)}`);
      const entries: [string, string][] = [...data.values()].map((job) => [`alert/${job.alertId}`, new Date(job.at).toISOString()]);
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    },
    async fireDue() {
      const fired: string[] = [];
      for (let round = 0; round < 20; round++) {
        const due = [...(await jobs.existing(await jobs.allIds())).entries()].filter(([, job]) => job.at <= clock.ms);
        if (due.length === 0) break;
        for (const [id, job] of due) {
          const result = await processor.fire(job);
          fired.push(`${job.alertId}:${result.outcome}`);
          await jobs.remove([id]);
          await scheduler.syncCase(job.caseId);
        }
      }
      return fired;
    },
    async close() {
      await deleteKeysUnder(redis, prefix);
      await jobs.close();
      await deliveries.close();
      redis.disconnect();
      await store.close();
      await dropSchema(schema);
    },
  };
  return fixture;
}

const attendance = { police: true, health: true, education: true, others: [] };

/**
 * A CP enquiry under the national rulebook: case opened 2026-05-18, IRO allocated, strategy
 * discussion that morning: the ICPC (CP-04) is due by the end of 2026-06-09, owned by the IRO;
 * reminders 2026-05-26 and 2026-06-02 at 09:00 London, escalation at the end of 2026-06-10.
 */
export async function openCpCase(f: Fixture, caseId: string = uniqueName('c')): Promise<string> {
  await f.record({ type: 'OpenCase', caseId, teamRef: 'team-1', rulebook: 'national', occurredAt: '2026-05-18T08:00:00Z' });
  await f.record({ type: 'AllocateIro', caseId, iroRef: 'iro-1', occurredAt: '2026-05-18T08:00:00Z' });
  await f.record({ type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: '2026-05-18T08:30:00Z' });
  return caseId;
}

export function holdIcpc(caseId: string, occurredAt: string): CaseCommand {
  return { type: 'RecordInitialConference', caseId, instanceId: 'cp-1', outcome: 'plan', category: 'neglect', preBirth: false, occurredAt };
}

/** The alert events of a case stream: type and alert id, in order. */
export async function alertEvents(f: Fixture, caseId: string): Promise<{ type: string; alertId: string; late: boolean; lateByMs: number; id: string }[]> {
  return (await f.store.readStream(caseStreamId(caseId)))
    .filter((e) => e.type.startsWith('Timescale'))
    .map((e) => ({ type: e.type, id: e.id, alertId: typeof e.data.alertId === 'string' ? e.data.alertId : '', late: e.data.late === true, lateByMs: Number(e.data.lateByMs) }));
}
