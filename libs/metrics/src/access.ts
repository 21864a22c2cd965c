import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export type AccessDecision = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** Headers a reverse proxy adds: a request carrying one did not start on this machine, whatever its socket says. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Who may read /metrics. With a token (CSC_METRICS_TOKEN), only requests that send it as
 * `Authorization: Bearer <token>`, from anywhere. Without one, only requests from loopback that
 * no proxy forwarded: metrics are never public by default, even with CSC_LISTEN_HOST=0.0.0.0.
 */
export function metricsAccess(request: Pick<Request, 'headers' | 'socket'>, token: string): AccessDecision {
  if (token !== '') {
    const header = request.headers.authorization ?? '';
    const sent = /^Bearer (\S+)$/.exec(header.trim())?.[1];
    if (sent !== undefined && sameSecret(sent, token)) return { ok: true };
    return { ok: false, status: 401, reason: 'metrics: send Authorization: Bearer <CSC_METRICS_TOKEN>' };
  }
  const address = request.socket.remoteAddress ?? '';
  if (!LOOPBACK.test(address)) return { ok: false, status: 403, reason: 'metrics are served on loopback only; set CSC_METRICS_TOKEN to scrape them from elsewhere' };
  if (FORWARDED.some((name) => request.headers[name] !== undefined)) {
    return { ok: false, status: 403, reason: 'metrics are not served through a proxy unless CSC_METRICS_TOKEN is set' };
  }
  return { ok: true };
}

/** Constant-time comparison (of digests, so that lengths leak nothing either). */
function sameSecret(sent: string, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(token));
}
