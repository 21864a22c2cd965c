import type { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { HttpEdgeError } from './errors';
import { sendProblem } from './problem.filter';

/** The largest request body accepted: commands are small; anything bigger is refused with 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPES = ['application/json', 'application/*+json'];
/** The web pages' forms (under /app) post url-encoded bodies; every other route takes JSON only. */
const FORM_ROUTES = /^\/app(\/|$)/;
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Express middleware, in order: refuse a body that is not JSON (415), parse
 * JSON up to BODY_LIMIT_BYTES, and turn the parser's errors (413, 400) into
 * problem details. They run before Nest's routing, so their errors are
 * answered here with the same problem table.
 */
export function useJsonBodies(app: NestExpressApplication, logger: Pick<Logger, 'error'>): void {
  const requireJson = (request: Request, _response: Response, next: NextFunction) => {
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (FORM_ROUTES.test(request.path) && request.is(FORM_TYPE)) return next();
    if (WITH_BODY.has(request.method) && hasBody && !request.is(JSON_TYPES)) return next(new HttpEdgeError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type: send the body as application/json'));
    next();
  };
  const answer = (error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    sendProblem(describe(error), request, response, logger);
  };
  app.use(requireJson);
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES, strict: true, type: JSON_TYPES });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: false, type: FORM_TYPE });
  app.use(answer);
}

function describe(error: unknown): unknown {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new HttpEdgeError('PAYLOAD_TOO_LARGE', `the request body is larger than ${BODY_LIMIT_BYTES / 1024} kB`);
  if (type === 'entity.parse.failed') return new HttpEdgeError('MALFORMED_BODY', 'the request body is not valid JSON (an object or a list)');
  return error;
}
