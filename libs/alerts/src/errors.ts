/** Errors of the alert lib, with stable codes. */
export class AlertError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Redis would evict keys under memory pressure: BullMQ jobs and checkpoints would be lost. */
export class EvictionPolicyError extends AlertError {
  constructor(readonly policy: string) {
    super(
      'REDIS_EVICTION_POLICY',
      `Redis maxmemory-policy is '${policy}': it may evict BullMQ alert jobs and checkpoints, losing reminders. ` +
        `Set maxmemory-policy to noeviction (CONFIG SET maxmemory-policy noeviction, or in redis.conf).`,
    );
  }
}

/** Another writer kept appending to the case while an alert was being raised. */
export class AlertConflictError extends AlertError {
  constructor(
    readonly alertId: string,
    readonly attempts: number,
  ) {
    super('ALERT_CONFLICT', `alert ${alertId}: the case stream kept changing over ${attempts} attempts; the job will retry`);
  }
}

/** A delivery channel could not deliver (the job retries with backoff). */
export class DeliveryError extends AlertError {
  constructor(
    readonly channel: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super('ALERT_DELIVERY_FAILED', `${channel}: ${message}`, options);
  }
}
