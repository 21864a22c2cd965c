import { Module, type DynamicModule } from '@nestjs/common';
import type { EngineConfig } from '@csc/config';
import { EventStoreModule, EventStoreProbe } from '@csc/event-store';
import { HealthModule } from '@csc/health';
import { RedisProbe, RuntimeModule } from '@csc/runtime';

@Module({})
export class ApiModule {
  static forRoot(config: EngineConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [RuntimeModule.forRoot(config, 'api'), EventStoreModule.forRoot(config), HealthModule.forRoot({ probes: [RedisProbe, EventStoreProbe] })],
    };
  }
}
