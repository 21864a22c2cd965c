import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { EngineConfig } from '@csc/config';
import { createApiApplication } from './create';

export async function startApi(config: EngineConfig): Promise<INestApplication> {
  const app = await createApiApplication(config);
  await app.listen(config.apiPort, config.listenHost);
  const url = (await app.getUrl()).replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
  app.get(Logger).log(`api listening on ${url} (OpenAPI: ${url}/api/docs)`);
  return app;
}
