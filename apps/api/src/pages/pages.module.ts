import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { EngineConfig } from '@csc/config';
import { EventStoreConnection } from '@csc/event-store/nest';
import { AllegationRecords } from '../allegations/allegation-records';
import { AllegationRunner } from '../allegations/allegation-runner';
import { CaseRecords } from '../cases/case-records';
import { CommandRunner } from '../cases/commands/command-runner';
import { QueueService } from '../queues/queue-service';
import { AssetsController } from './assets.controller';
import { CasePagesController } from './case-pages.controller';
import { LadoPagesController } from './lado-pages.controller';
import { PageThrottleGuard } from './page-throttle';
import { pagesConfig, PAGES_CONFIG, type PagesConfig } from './pages-config';
import { QueuePagesController } from './queue-pages.controller';
import { ReportPagesController } from './report-pages.controller';
import { SignInController } from './sign-in.controller';

/**
 * The web pages (GOV.UK Design System, server-rendered): sign-in, the
 * manager's live queues, the IRO's due dates, alerts and calendar feed, the
 * case page, the auditor's timeline, the LADO tracker, the KPI report and
 * the forms that record the common events; rate-limited like the api.
 * `cases` is the api's CasesModule (its CaseRecords).
 */
@Module({})
export class PagesModule implements NestModule {
  constructor(@Inject(PAGES_CONFIG) private readonly config: PagesConfig) {}

  static forRoot(config: EngineConfig, cases: DynamicModule): DynamicModule {
    const settings: PagesConfig = pagesConfig(config);
    return {
      module: PagesModule,
      imports: [cases],
      controllers: [SignInController, QueuePagesController, CasePagesController, LadoPagesController, ReportPagesController, AssetsController],
      providers: [
        { provide: PAGES_CONFIG, useValue: settings },
        { provide: CommandRunner, inject: [CaseRecords], useFactory: (records: CaseRecords) => new CommandRunner(records) },
        // The LADO's records and commands, as the api's allegations endpoints have them (same settings, same store).
        { provide: AllegationRecords, inject: [EventStoreConnection, CaseRecords], useFactory: (connection: EventStoreConnection, records: CaseRecords) => new AllegationRecords(connection, records.settings) },
        { provide: AllegationRunner, inject: [AllegationRecords], useFactory: (records: AllegationRecords) => new AllegationRunner(records) },
        // The projections' reader (queues, inboxes, allegations), feed tokens, read marks and change stream (its own Redis subscriber, opened on the first live page).
        QueueService,
        PageThrottleGuard,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // No secret (a real deployment without CSC_SESSION_SECRET): cookies are never trusted, sign-in says so.
    consumer.apply(cookieParser(this.config.sessionSecret ?? [])).forRoutes(SignInController, QueuePagesController, CasePagesController, LadoPagesController, ReportPagesController);
  }
}
