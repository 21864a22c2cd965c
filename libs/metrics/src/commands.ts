import { Counter } from 'prom-client';
import type { MetricsRegistry } from './registry';

/** The outcome of a command the engine recorded. */
export const ACCEPTED = 'accepted';
/** A repeat of a recorded command (same user and Idempotency-Key): answered from the first response, nothing appended. */
export const REPLAYED = 'replayed';

/**
 * Command outcomes by command type and outcome: `accepted`, `replayed`, or the problem code of
 * the refusal (`NOT_ALLOWED_IN_STATE`, `VALIDATION_FAILED`, `FORBIDDEN`, ...).
 */
export class CommandMetrics {
  readonly outcomes: Counter<'command' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.outcomes = new Counter({
      name: 'csc_commands_total',
      help: 'Commands received by command type and outcome: accepted, replayed, or the problem code of the refusal',
      labelNames: ['command', 'outcome'],
      registers: [metrics.registry],
    });
  }

  record(command: string, outcome: string): void {
    this.outcomes.inc({ command, outcome });
  }
}
