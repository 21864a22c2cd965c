import { Module, type DynamicModule } from '@nestjs/common';
import type { EngineConfig } from '@csc/config';
import { EventStoreModule, EventStoreProbe } from '@csc/event-store/nest';
import { HealthModule } from '@csc/health';
import { MetricsModule } from '@csc/metrics';
import { RedisProbe, RuntimeModule } from '@csc/runtime';
import { AlertsService } from './alerts.service';
import { WorkerMetricsService } from './metrics.service';
import { ProjectionsService } from './projections.service';

/**
 * The worker: projectors and BullMQ processors (added by later issues). It
 * serves only its health endpoints and /metrics over HTTP, on CSC_WORKER_PORT.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: EngineConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [RuntimeModule.forRoot(config, 'worker'), EventStoreModule.forRoot(config), HealthModule.forRoot({ probes: [RedisProbe, EventStoreProbe] }), MetricsModule.forRoot()],
      providers: [AlertsService, ProjectionsService, WorkerMetricsService],
    };
  }
}
