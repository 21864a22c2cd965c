import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import type { EngineConfig } from '@csc/config';
import { CaseRecords } from '../cases/case-records';
import { CommandRunner } from '../cases/commands/command-runner';
import { AssetsController } from './assets.controller';
import { CasePagesController } from './case-pages.controller';
import { pagesConfig, PAGES_CONFIG, type PagesConfig } from './pages-config';
import { SignInController } from './sign-in.controller';
import { WorklistPagesController } from './worklist-pages.controller';

/**
 * The web pages (GOV.UK Design System, server-rendered): sign-in, the
 * manager's and IRO's lists, the case page, the auditor's timeline and the
 * review conference form. `cases` is the api's CasesModule (its CaseRecords).
 */
@Module({})
export class PagesModule implements NestModule {
  constructor(@Inject(PAGES_CONFIG) private readonly config: PagesConfig) {}

  static forRoot(config: EngineConfig, cases: DynamicModule): DynamicModule {
    const settings: PagesConfig = pagesConfig(config);
    return {
      module: PagesModule,
      imports: [cases],
      controllers: [SignInController, WorklistPagesController, CasePagesController, AssetsController],
      providers: [{ provide: PAGES_CONFIG, useValue: settings }, { provide: CommandRunner, inject: [CaseRecords], useFactory: (records: CaseRecords) => new CommandRunner(records) }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // No secret (a real deployment without CSC_SESSION_SECRET): cookies are never trusted, sign-in says so.
    consumer.apply(cookieParser(this.config.sessionSecret ?? [])).forRoutes(SignInController, WorklistPagesController, CasePagesController);
  }
}
