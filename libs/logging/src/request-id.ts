import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * A request id for every HTTP request: the caller's `X-Request-Id` when it is a
 * plain token (so a council's gateway can correlate), a new uuid otherwise.
 * It is echoed in the response header and carried on every log line.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
