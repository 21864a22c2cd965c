import nodemailer, { type Transporter } from 'nodemailer';
import type { Recipient } from '../events';
import { DeliveryError } from '../errors';
import type { AlertNotice } from '../processor';
import { noticeText, type DeliveryChannel } from './channel';

/** Finds a recipient's email address when sending (addresses are never stored with alerts). */
export type AddressBook = (recipient: Recipient) => Promise<string | undefined>;

export interface EmailChannelOptions {
  /** smtp:// or smtps:// URL (CSC_ALERT_SMTP_URL). */
  readonly smtpUrl: string;
  readonly from: string;
  readonly addressOf: AddressBook;
}

/** Email through SMTP (nodemailer). A recipient without an address is skipped, not failed. */
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(private readonly options: EmailChannelOptions) {
    this.transport = nodemailer.createTransport(options.smtpUrl);
  }

  async deliver(notice: AlertNotice): Promise<'sent' | 'skipped'> {
    const to = await this.options.addressOf(notice.recipient);
    if (to === undefined) return 'skipped';
    const { subject, text } = noticeText(notice);
    try {
      await this.transport.sendMail({ from: this.options.from, to, subject, text, messageId: `<${notice.eventId}@csc.alerts>` });
    } catch (error) {
      throw new DeliveryError(this.name, error instanceof Error ? error.message : String(error), { cause: error });
    }
    return 'sent';
  }

  close(): void {
    this.transport.close();
  }
}
