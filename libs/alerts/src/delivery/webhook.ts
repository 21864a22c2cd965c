import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryError } from '../errors';
import type { AlertNotice } from '../processor';
import type { DeliveryChannel } from './channel';

export interface WebhookChannelOptions {
  readonly url: string;
  /** HMAC-SHA256 key (CSC_ALERT_WEBHOOK_SECRET). */
  readonly secret: string;
  readonly clock: () => Date;
  readonly timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-csc-signature';
export const TIMESTAMP_HEADER = 'x-csc-timestamp';

/** `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`: receivers recompute and compare. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): true when the signature matches the body and timestamp. */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * POSTs each alert as JSON, signed (`x-csc-signature`, `x-csc-timestamp`) and carrying its event
 * id (`x-csc-event-id`, for the receiver to drop repeats). A non-2xx answer or a network error
 * fails the attempt; the delivery job retries with exponential backoff.
 */
export class WebhookChannel implements DeliveryChannel {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookChannelOptions) {
    if (options.secret.length < 16) throw new RangeError('webhook secret: at least 16 characters (CSC_ALERT_WEBHOOK_SECRET)');
  }

  async deliver(notice: AlertNotice): Promise<'sent'> {
    const body = JSON.stringify({ type: 'csc.alert', notice });
    const timestamp = this.options.clock().toISOString();
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-csc-event-id': notice.eventId,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(this.options.secret, timestamp, body),
        },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new DeliveryError(this.name, error instanceof Error ? error.message : String(error), { cause: error });
    }
    await response.arrayBuffer();
    if (!response.ok) throw new DeliveryError(this.name, `HTTP ${response.status} from the webhook`);
    return 'sent';
  }
}
