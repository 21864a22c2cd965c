import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessProbes, type ReadinessProbe } from './probe';

export interface HealthModuleOptions {
  /** Modules that provide what the probes inject. */
  readonly imports?: ModuleMetadata['imports'];
  readonly probes: readonly Type<ReadinessProbe>[];
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        ...options.probes,
        {
          provide: ReadinessProbes,
          useFactory: (...probes: ReadinessProbe[]) => new ReadinessProbes(probes),
          inject: [...options.probes],
        },
      ],
    };
  }
}
