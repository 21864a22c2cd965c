import type { INestApplication } from '@nestjs/common';
import type { EngineConfig } from '@csc/config';
import { startHttp } from '@csc/runtime';
import { ApiModule } from './app.module';

export function startApi(config: EngineConfig): Promise<INestApplication> {
  return startHttp('api', ApiModule.forRoot(config), config.apiPort, config.listenHost);
}
