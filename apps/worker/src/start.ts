import type { INestApplication } from '@nestjs/common';
import type { EngineConfig } from '@csc/config';
import { startHttp } from '@csc/runtime';
import { WorkerModule } from './worker.module';

export function startWorker(config: EngineConfig): Promise<INestApplication> {
  return startHttp('worker', WorkerModule.forRoot(config), config.workerPort, config.listenHost);
}
