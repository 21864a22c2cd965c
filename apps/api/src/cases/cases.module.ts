import { Module, type DynamicModule } from '@nestjs/common';
import { loadEngineCalendar } from '@csc/calendar-files';
import type { EngineConfig } from '@csc/config';
import { AllegationQueriesController } from '../allegations/allegation-queries.controller';
import { AllegationRecords } from '../allegations/allegation-records';
import { AllegationRunner } from '../allegations/allegation-runner';
import { ALLEGATION_COMMAND_BODIES, ALLEGATION_GROUPS } from '../allegations/catalogue';
import { CASE_SETTINGS, CaseRecords, type CaseSettings } from './case-records';
import { buildCommandControllers, commandControllers } from './commands/command-controllers';
import { CommandRunner } from './commands/command-runner';
import { CaseQueriesController } from './queries/case-queries.controller';

export interface CaseModuleOptions {
  /** The recording clock (events' recordedAt, access times); default: the system clock. */
  readonly clock?: () => Date;
}

/**
 * Commands and queries over children's cases (`/cases/...`) and LADO
 * allegations (`/allegations/...`, the LADO role alone), wired to the process's event
 * store (EventStoreModule), the council's rulebook (CSC_RULEBOOK) and the
 * working-day calendar of CSC_DATA_DIR (loaded once at start).
 */
@Module({})
export class CasesModule {
  static forRoot(config: EngineConfig, options: CaseModuleOptions = {}): DynamicModule {
    const settings: CaseSettings = {
      clock: options.clock ?? (() => new Date()),
      defaultRulebook: config.rulebook,
      calendar: loadEngineCalendar(config.dataDir).calendar,
    };
    return {
      module: CasesModule,
      controllers: [
        ...commandControllers(),
        CaseQueriesController,
        ...buildCommandControllers({ base: 'allegations', param: 'allegationId', groups: ALLEGATION_GROUPS, bodies: ALLEGATION_COMMAND_BODIES, runner: AllegationRunner }),
        AllegationQueriesController,
      ],
      providers: [{ provide: CASE_SETTINGS, useValue: settings }, CaseRecords, CommandRunner, AllegationRecords, AllegationRunner],
      exports: [CaseRecords],
    };
  }
}
