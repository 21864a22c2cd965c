import type { INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { useJsonBodies } from './body';
import { serveOpenApi } from './openapi';

/**
 * Applies what must wrap every route before Nest's routing: security headers
 * (helmet), the JSON body parser with its size limit, and the OpenAPI
 * document. Call on an application created with `bodyParser: false`.
 */
export function applyHttpConventions(app: INestApplication, logger: Pick<Logger, 'error'>): INestApplication {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(helmet());
  useJsonBodies(express, logger);
  serveOpenApi(app);
  return app;
}
