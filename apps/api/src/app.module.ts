import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import type { EngineConfig } from '@csc/config';
import { EventStoreModule, EventStoreProbe } from '@csc/event-store';
import { HealthModule } from '@csc/health';
import { RedisProbe, RuntimeModule } from '@csc/runtime';
import { HttpConventionsModule } from './http/http.module';

@Module({})
export class ApiModule {
  /** `extra`: more modules to serve (the tests' probe controllers). */
  static forRoot(config: EngineConfig, extra: NonNullable<ModuleMetadata['imports']> = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        RuntimeModule.forRoot(config, 'api'),
        EventStoreModule.forRoot(config),
        HealthModule.forRoot({ probes: [RedisProbe, EventStoreProbe] }),
        HttpConventionsModule,
        ...extra,
      ],
    };
  }
}
