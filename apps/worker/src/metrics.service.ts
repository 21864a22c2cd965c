import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EngineConfig } from '@csc/config';
import { EventStoreConnection } from '@csc/event-store/nest';
import { MetricsRegistry, registerWorkerMetrics, type WorkerMetrics } from '@csc/metrics';
import { RedisCommandClient } from '@csc/runtime';

/**
 * The worker's figures on its /metrics (`@csc/metrics`): projection and alert-scheduler lag,
 * alert jobs by state, open and overdue deadlines, failing deliveries, all read at scrape time.
 */
@Injectable()
export class WorkerMetricsService implements OnModuleInit, OnApplicationShutdown {
  private metrics: WorkerMetrics | undefined;

  constructor(
    private readonly registry: MetricsRegistry,
    private readonly config: EngineConfig,
    private readonly redis: RedisCommandClient,
    private readonly events: EventStoreConnection,
  ) {}

  onModuleInit(): void {
    this.metrics = registerWorkerMetrics(this.registry, { redis: this.redis.redis, prefix: this.config.redisPrefix, store: () => this.events.get(), clock: () => new Date() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.metrics?.close();
  }
}
