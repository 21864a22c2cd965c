import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import type { EngineConfig } from '@csc/config';
import { EventStoreModule, EventStoreProbe } from '@csc/event-store/nest';
import { HealthModule } from '@csc/health';
import { RedisProbe, RuntimeModule } from '@csc/runtime';
import { CasesModule, type CaseModuleOptions } from './cases/cases.module';
import { HttpConventionsModule } from './http/http.module';
import { ApiMetricsModule } from './metrics';
import { PagesModule } from './pages/pages.module';
import { QueuesModule } from './queues/queues.module';

/** How tests and benchmarks vary the api: more modules, a private store schema, an injected clock. */
export interface ApiOptions extends CaseModuleOptions {
  /** More modules to serve (the tests' probe controllers). */
  readonly extra?: NonNullable<ModuleMetadata['imports']>;
  /** The event store's PostgreSQL / embedded schema (default `event_store`). */
  readonly schema?: string;
}

@Module({})
export class ApiModule {
  static forRoot(config: EngineConfig, options: ApiOptions = {}): DynamicModule {
    const cases = CasesModule.forRoot(config, options);
    return {
      module: ApiModule,
      imports: [
        RuntimeModule.forRoot(config, 'api'),
        EventStoreModule.forRoot(options.schema === undefined ? config : { ...config, schema: options.schema }),
        HealthModule.forRoot({ probes: [RedisProbe, EventStoreProbe] }),
        HttpConventionsModule,
        ApiMetricsModule,
        cases,
        PagesModule.forRoot(config, cases),
        QueuesModule.forRoot(cases),
        ...(options.extra ?? []),
      ],
    };
  }
}
