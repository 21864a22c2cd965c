import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { EngineConfig } from '@csc/config';
import { ApiModule, type ApiOptions } from './app.module';
import { applyHttpConventions } from './http/create-app';
import { useApiMetrics } from './metrics';

/**
 * The api application, configured but not listening: modules, pino logger,
 * security headers, body limit and OpenAPI. `extra` adds modules (tests);
 * `options` a private store schema or an injected clock (tests, benchmarks).
 */
export async function createApiApplication(config: EngineConfig, extra: NonNullable<ModuleMetadata['imports']> = [], options: Omit<ApiOptions, 'extra'> = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, { ...options, extra }), { bodyParser: false, bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  useApiMetrics(app);
  return applyHttpConventions(app, logger);
}
