import { FeedTokens, QueueProjector, QueueReader, RedisLease, icalendar } from '@csc/projections';
import { deadlineOptions, openFixture, type Fixture } from './fixture';
import { uniqueName } from '../../support/unique';

jest.setTimeout(60_000);

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(async () => {
  await f.close();
});

const attendance = { police: true, health: true, education: true, others: [] };

async function cpEnquiry(caseId: string, teamRef: string, iroRef: string, on: string): Promise<void> {
  await f.record({ type: 'OpenCase', caseId, teamRef, rulebook: 'national', occurredAt: `${on}T08:00:00Z` }, `${on}T08:00:00Z`);
  await f.record({ type: 'AllocateIro', caseId, iroRef, occurredAt: `${on}T08:00:00Z` }, `${on}T08:00:00Z`);
  await f.record({ type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: `${on}T08:30:00Z` }, `${on}T09:00:00Z`);
}

describe('a team overdue queue and an IRO due list', () => {
  const team = uniqueName('team');
  const iro = uniqueName('iro');
  const early = uniqueName('c');
  const later = uniqueName('c');
  let reader: QueueReader;

  beforeAll(async () => {
    const prefix = f.prefix();
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, publish: false });
    await cpEnquiry(later, team, iro, '2026-05-25');
    await cpEnquiry(early, team, iro, '2026-05-18');
    await projector.projectCase(later);
    await projector.projectCase(early);
    reader = new QueueReader(f.redis, prefix, deadlineOptions);
  });

  it('lists overdue items most overdue first, with how late each is and the rulebook explanation', async () => {
    const now = new Date('2026-06-20T10:00:00Z');
    const items = await reader.overdue(team, now);
    const dues = items.map((i) => Date.parse(i.dueInstant ?? ''));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const icpcs = items.filter((i) => i.ruleId === 'CP-04');
    expect(icpcs.map((i) => i.caseId)).toEqual([early, later]);
    const first = icpcs[0]!;
    expect(first.dueInstant).toBe('2026-06-09T23:00:00.000Z');
    expect(first.lateByMs).toBe(now.getTime() - Date.parse('2026-06-09T23:00:00Z'));
    expect(first.lateWorkingDays).toBe(8);
    expect(first.why).toContain('CP-04');
    expect(first.why).toContain('Rule:');
    expect(items.every((i) => i.lateByMs > 0)).toBe(true);
  });

  it('lists nothing overdue before the first due instant', async () => {
    expect(await reader.overdue(team, new Date('2026-05-19T10:00:00Z'))).toEqual([]);
  });

  it("gives an IRO's items due within the next N working days, soonest first", async () => {
    const items = await reader.dueWithin({ kind: 'iro', ref: iro }, new Date('2026-06-01T09:00:00Z'), 6);
    expect(items.filter((i) => i.ruleId === 'CP-04').map((i) => i.caseId)).toEqual([early]);
    const wider = await reader.dueWithin({ kind: 'iro', ref: iro }, new Date('2026-06-01T09:00:00Z'), 15);
    expect(wider.filter((i) => i.ruleId === 'CP-04').map((i) => i.caseId)).toEqual([early, later]);
  });

  it('feeds an IRO calendar: one VEVENT per due item, CRLF lines of at most 75 octets', async () => {
    const owned = await reader.ownedBy(iro);
    const text = icalendar(owned, new Date('2026-06-01T09:00:00Z'), `Due: ${iro}`);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.at(-1)).toBe('');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(owned.filter((d) => d.dueDate !== null).length);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(owned.filter((d) => d.dueDate !== null).length);
    expect(owned.length).toBeGreaterThanOrEqual(2);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260609');
    expect(text).not.toMatch(/\n(?<!\r\n)/);
  });
});

describe('the projector lease', () => {
  it('lets one holder at a time have it; a second waits until the first releases it', async () => {
    const key = `${f.prefix()}:lease:test`;
    const first = new RedisLease({ redis: f.redis, key, ttlMs: 10_000 });
    const second = new RedisLease({ redis: f.redis, key, ttlMs: 10_000 });
    expect(await first.tryAcquire()).toBe(true);
    expect(await second.tryAcquire()).toBe(false);
    expect(await second.renew()).toBe(false);
    expect(await first.renew()).toBe(true);
    let acquired = false;
    const waiting = second.acquire(new AbortController().signal, 20).then(() => { acquired = true; });
    expect(await first.holder()).toBe(first.token);
    expect(acquired).toBe(false);
    await first.release();
    await waiting;
    expect(await second.holder()).toBe(second.token);
    expect(await first.renew()).toBe(false);
    await second.release();
  });

  it('is handed over at the next renewal when another asks for it', async () => {
    const key = `${f.prefix()}:lease:test`;
    const holder = new RedisLease({ redis: f.redis, key, ttlMs: 10_000 });
    const asker = new RedisLease({ redis: f.redis, key, ttlMs: 10_000 });
    const third = new RedisLease({ redis: f.redis, key, ttlMs: 10_000 });
    expect(await holder.tryAcquire()).toBe(true);
    await asker.requestHandover(10_000);
    expect(await holder.renew()).toBe(false);
    await holder.release();
    expect(await third.tryAcquire()).toBe(false);
    expect(await asker.tryAcquire()).toBe(true);
    await asker.release();
    expect(await third.tryAcquire()).toBe(true);
    await third.release();
  });
});

describe('calendar feed tokens', () => {
  it('verify until rotated or revoked, and are stored only as a hash', async () => {
    const prefix = f.prefix();
    const tokens = new FeedTokens(f.redis, prefix);
    const iro = uniqueName('iro');
    const token = await tokens.rotate(iro);
    expect(await tokens.verify(token)).toBe(iro);
    expect(await f.redis.get(`${prefix}:feed-token:iro:${iro}`)).not.toContain(token.slice(iro.length + 1));
    const rotated = await tokens.rotate(iro);
    expect(await tokens.verify(token)).toBeUndefined();
    expect(await tokens.verify(rotated)).toBe(iro);
    expect(await tokens.verify(`${iro}.forged`)).toBeUndefined();
    expect(await tokens.revoke(iro)).toBe(true);
    expect(await tokens.verify(rotated)).toBeUndefined();
  });
});
