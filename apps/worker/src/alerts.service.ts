import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EvictionPolicyError, alertSettingsFrom, startAlerts, type AlertRuntime } from '@csc/alerts';
import { loadEngineCalendar } from '@csc/calendar-files';
import { EngineConfig } from '@csc/config';
import { EventStoreConnection } from '@csc/event-store/nest';

/**
 * Runs the deadline scheduler, the firing and the delivery workers (`@csc/alerts`). Starts in
 * the background once the event store opens, so the health endpoints answer meanwhile; refuses
 * for good (and says why) on a Redis that evicts keys.
 */
@Injectable()
export class AlertsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('alerts');
  private runtime: AlertRuntime | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;
  private readonly stopping = new AbortController();

  constructor(
    private readonly config: EngineConfig,
    private readonly events: EventStoreConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  private async start(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        const store = await this.events.get();
        if (this.stopped) return;
        this.runtime = await startAlerts({
          redisUrl: this.config.redisUrl, prefix: this.config.redisPrefix, store, calendar: loadEngineCalendar(this.config.dataDir).calendar,
          settings: alertSettingsFrom(this.config), clock: () => new Date(),
          log: (level, message, fields) => this.logger[level === 'info' ? 'log' : level]({ msg: message, ...fields }),
        });
        if (this.stopped) await this.runtime.close();
        return;
      } catch (error) {
        if (error instanceof EvictionPolicyError) {
          this.logger.error(error.message);
          return;
        }
        this.logger.warn(`alerts not started (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`);
        await this.pause(Math.min(1000 * attempt, 10_000));
      }
    }
  }

  /** Waits `ms` before the next attempt, or less if the process is stopping. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stopping.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopping.signal.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * Stops the alert machinery. A start still waiting for the event store to open is not waited
   * for (it sees `stopped` and gives up); one that is inside `startAlerts` finishes and closes.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    const stopped = new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.race([this.starting, stopped]);
    await this.runtime?.close();
  }
}
