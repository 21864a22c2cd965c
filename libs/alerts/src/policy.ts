/**
 * The alert policy's settings and their defaults. Reminder offsets come from `@csc/case`
 * (`reminderOffsets`: 10 and 5 working days before act-by for conferences and reviews, 2 for
 * the rest, at 09:00 London); these are the settings this lib adds.
 */
export interface AlertPolicy {
  /** Escalate a breach still open this many working days after it to the team manager (CSC_ALERT_ESCALATION). */
  readonly escalation: { readonly enabled: boolean; readonly workingDays: number };
  /** An alert raised more than this after its time is marked late (CSC_ALERT_LATE_TOLERANCE_MS). */
  readonly lateToleranceMs: number;
}

export const DEFAULT_ALERT_POLICY: AlertPolicy = {
  escalation: { enabled: true, workingDays: 1 },
  lateToleranceMs: 60_000,
};

/** Settings of the alert worker (the integrator adds them to @csc/config; these are the defaults). */
export interface AlertSettings {
  readonly policy: AlertPolicy;
  /** CSC_ALERT_RECONCILE_INTERVAL_MS: full reconciliation period (0: only at start-up and on demand). */
  readonly reconcileIntervalMs: number;
  /** CSC_ALERT_FIRE_ATTEMPTS: attempts of a firing job before it is left failed (reconcile retries it). */
  readonly fireAttempts: number;
  /** CSC_ALERT_DELIVERY_ATTEMPTS: attempts of one delivery (exponential backoff from 1 s). */
  readonly deliveryAttempts: number;
  /** CSC_ALERT_SMTP_URL: smtp:// or smtps:// URL; empty: no email channel. */
  readonly smtpUrl: string;
  /** CSC_ALERT_EMAIL_FROM: sender address of alert emails. */
  readonly emailFrom: string;
  /** CSC_ALERT_WEBHOOK_URL: where every alert is POSTed; empty: no webhook channel. */
  readonly webhookUrl: string;
  /** CSC_ALERT_WEBHOOK_SECRET: HMAC-SHA256 key of the webhook signature (required with a webhook URL). */
  readonly webhookSecret: string;
  /** CSC_ALERT_WORKER_CONCURRENCY: firing jobs processed at once per worker. */
  readonly concurrency: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  policy: DEFAULT_ALERT_POLICY,
  reconcileIntervalMs: 15 * 60_000,
  fireAttempts: 12,
  deliveryAttempts: 10,
  smtpUrl: '',
  emailFrom: 'alerts@localhost',
  webhookUrl: '',
  webhookSecret: '',
  concurrency: 16,
};
