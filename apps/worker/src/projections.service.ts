import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { loadEngineCalendar } from '@csc/calendar-files';
import { EngineConfig } from '@csc/config';
import { keepRunning } from '@csc/event-store';
import { EventStoreConnection } from '@csc/event-store/nest';
import { QueueProjector } from '@csc/projections';
import { createRedis } from '@csc/redis';

/**
 * Runs the queue projector (`@csc/projections`): the replica that holds the Redis lease projects;
 * the others wait for it. Restarts after a failure or a lost lease.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('projections');
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly config: EngineConfig,
    private readonly events: EventStoreConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  private async run(): Promise<void> {
    const redis = createRedis(this.config.redisUrl, { role: 'blocking', connectionName: 'csc-projections' });
    const log = (level: 'warn', message: string, fields?: Record<string, unknown>): void => this.logger[level]({ msg: message, ...fields });
    try {
      await keepRunning('projections: queues', async (signal) => {
        const store = await this.events.get();
        const projector = new QueueProjector({
          store, redis, prefix: this.config.redisPrefix, deadlines: { calendar: loadEngineCalendar(this.config.dataDir).calendar }, holder: `worker@${hostname()}:${process.pid}`,
        });
        await projector.run(signal);
      }, this.abort.signal, log);
    } finally {
      redis.disconnect();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}
