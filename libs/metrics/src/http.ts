import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Histogram } from 'prom-client';
import type { MetricsRegistry } from './registry';

/** The route label of a request that matched no route (a 404, or refused before routing). */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Seconds: from 5 ms to 10 s. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type HttpLabel = 'method' | 'route' | 'status_code';

/** What a finished request reports to `onFinish`: its route template (never the raw URL) and status. */
export interface FinishedRequest {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/**
 * The route template a request matched (`/cases/:caseId`), never its URL: URLs carry case ids.
 * `fallback` names requests refused before routing (a malformed body), else UNMATCHED_ROUTE.
 */
export function routeTemplate(request: Request, fallback?: (request: Request) => string | undefined): string {
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string' && !CATCH_ALL.test(path)) return `${request.baseUrl}${path}` || '/';
  return fallback?.(request) ?? UNMATCHED_ROUTE;
}

/**
 * Nest mounts global middleware on a catch-all route (`/{*path}`), which stays on `request.route`
 * when no handler matches after it: that is no route of ours.
 */
const CATCH_ALL = /^\/?(\{\*\w*\}|\*\w*|\(\.\*\))$/;

/** Request latency by method, route template and status code. */
export class HttpMetrics {
  readonly duration: Histogram<HttpLabel>;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'csc_http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route template (never the URL) and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [metrics.registry],
    });
  }

  /**
   * Express middleware that times every request until its response is finished (or the client
   * went away: a server-sent event stream ends that way). Install it before everything else.
   */
  middleware(options: { readonly fallbackRoute?: (request: Request) => string | undefined; readonly onFinish?: (finished: FinishedRequest, request: Request, response: Response) => void } = {}): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      const started = process.hrtime.bigint();
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        const finished: FinishedRequest = {
          method: request.method,
          route: routeTemplate(request, options.fallbackRoute),
          status: response.statusCode,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        };
        this.duration.observe({ method: finished.method, route: finished.route, status_code: String(finished.status) }, finished.seconds);
        options.onFinish?.(finished, request, response);
      };
      response.once('finish', finish);
      response.once('close', finish);
      next();
    };
  }
}
