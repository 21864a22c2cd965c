import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  Deliveries, EmailChannel, EvictionPolicyError, InboxChannel, SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookChannel, assertEvictionPolicy,
  deleteKeysUnder, verifyWebhook, type AlertNotice,
} from '@csc/alerts';
import { createRedis, type Redis } from '@csc/redis';
import { TEST_REDIS_URL } from '../../support/services';
import { PrivateRedis } from '../../support/redis-server';
import { uniqueIdentifier } from '../../support/unique';

const SECRET = 'test-webhook-secret-0123456789';
const clock = () => new Date('2026-05-26T08:00:05Z');
const notice: AlertNotice = {
  eventId: '7d3c6f2e-0a4b-5c1d-8e9f-0123456789ab', alertId: 'c-1/cp-1/icpc/reminder-10', deadlineId: 'c-1/cp-1/icpc', caseId: 'c-1', ruleId: 'CP-04',
  kind: 'reminder', workingDaysBefore: 10, scheduledFor: '2026-05-26T08:00:00.000Z', raisedAt: '2026-05-26T08:00:05.000Z', late: false, lateByMs: 5000,
  dueInstant: '2026-06-09T23:00:00.000Z', recipient: { kind: 'iro', ref: 'iro-1' },
};

let redis: Redis;
let prefix: string;
beforeEach(() => {
  redis = createRedis(TEST_REDIS_URL, { role: 'blocking' });
  prefix = uniqueIdentifier('alerts');
});
afterEach(async () => {
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
});

describe('delivering alerts', () => {
  it('email goes through a real SMTP server on loopback, with references only', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => { received.push(text); done(); });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const email = new EmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'alerts@council.test', addressOf: (r) => Promise.resolve(r.ref === 'iro-1' ? 'iro1@council.test' : undefined) });
    try {
      const deliveries = new Deliveries({ redis, prefix, channels: [email], clock });
      expect(await deliveries.deliver({ channel: 'email', notice }, 1, false)).toBe('sent');
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('Subject: [csc] CP-04 reminder');
      expect(received[0]).toContain('c-1/cp-1/icpc');
      expect(await deliveries.deliver({ channel: 'email', notice }, 1, false)).toBe('sent');
      expect(received).toHaveLength(1);
      expect(await deliveries.deliver({ channel: 'email', notice: { ...notice, eventId: 'other', recipient: { kind: 'team', ref: 't' } } }, 1, false)).toBe('skipped');
      await deliveries.close();
    } finally {
      email.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a webhook that fails is visible as failing and retried; the delivery that succeeds is signed with HMAC-SHA256', async () => {
    const answers = [500, 200];
    const bodies: { body: string; valid: boolean }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push({ body, valid: verifyWebhook(SECRET, String(req.headers[TIMESTAMP_HEADER]), body, String(req.headers[SIGNATURE_HEADER])) });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const webhook = new WebhookChannel({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET, clock });
      const deliveries = new Deliveries({ redis, prefix, channels: [new InboxChannel(redis, prefix), webhook], clock });
      await deliveries.enqueue(notice);
      expect((await deliveries.queue.getJobs(['waiting'])).map((j) => [j.id, j.opts.attempts, j.opts.backoff])).toEqual(
        expect.arrayContaining([[`delivery/${notice.eventId}/webhook`, 10, { type: 'exponential', delay: 1000 }]]),
      );
      await expect(deliveries.deliver({ channel: 'webhook', notice }, 1, false)).rejects.toMatchObject({ code: 'ALERT_DELIVERY_FAILED' });
      expect(await deliveries.statusOf(notice.eventId)).toMatchObject({ webhook: { state: 'pending', attempts: 1, lastError: 'webhook: HTTP 500 from the webhook' } });
      expect(await deliveries.failing()).toEqual([`${notice.eventId}/webhook`]);
      expect(await deliveries.deliver({ channel: 'webhook', notice }, 2, false)).toBe('sent');
      expect(await deliveries.failing()).toEqual([]);
      expect(bodies.map((b) => b.valid)).toEqual([true, true]);
      expect(JSON.parse(bodies[1]?.body ?? '{}')).toEqual({ type: 'csc.alert', notice });
      expect(await deliveries.deliver({ channel: 'inbox', notice }, 1, false)).toBe('sent');
      expect(await new InboxChannel(redis, prefix).read({ kind: 'iro', ref: 'iro-1' })).toEqual([notice]);
      await deliveries.close();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a delivery whose attempts are spent is marked failed and re-enqueued by retryFailed', async () => {
    const webhook = new WebhookChannel({ url: 'http://127.0.0.1:1/unreachable', secret: SECRET, clock, timeoutMs: 500 });
    const deliveries = new Deliveries({ redis, prefix, channels: [webhook], clock });
    await deliveries.enqueue(notice);
    await deliveries.queue.obliterate({ force: true });
    await expect(deliveries.deliver({ channel: 'webhook', notice }, 10, true)).rejects.toMatchObject({ code: 'ALERT_DELIVERY_FAILED' });
    expect(await deliveries.statusOf(notice.eventId)).toMatchObject({ webhook: { state: 'failed', attempts: 10 } });
    expect(await deliveries.failing()).toEqual([`${notice.eventId}/webhook`]);
    expect(await deliveries.queue.getJobCounts('waiting')).toEqual({ waiting: 0 });
    expect(await deliveries.retryFailed()).toBe(1);
    expect(await deliveries.queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    await deliveries.close();
  });
});

describe("Redis's eviction policy", () => {
  it('noeviction is accepted; allkeys-lru is refused with a message saying what to set', async () => {
    expect(await assertEvictionPolicy(redis)).toBe('noeviction');
    const privateRedis = await PrivateRedis.start();
    const client = createRedis(privateRedis.url, { role: 'blocking' });
    try {
      await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const refusal = assertEvictionPolicy(client);
      await expect(refusal).rejects.toBeInstanceOf(EvictionPolicyError);
      await expect(refusal).rejects.toMatchObject({ code: 'REDIS_EVICTION_POLICY', message: expect.stringContaining('noeviction') });
    } finally {
      client.disconnect();
      await privateRedis.down();
    }
  });
});
