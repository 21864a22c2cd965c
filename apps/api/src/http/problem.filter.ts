import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isHealthRoute } from './principal';
import { toProblem } from './problem';

/**
 * Every error leaves the api as problem details; 5xx are logged (code and
 * message only, no request body). Health probes keep Terminus's own 503 body,
 * which orchestrators and the readiness tests read.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    if (error instanceof HttpException && isHealthRoute(request)) {
      http.getResponse<Response>().status(error.getStatus()).json(error.getResponse());
      return;
    }
    sendProblem(error, request, http.getResponse<Response>(), this.logger);
  }
}

export function sendProblem(error: unknown, request: Request, response: Response, logger: Pick<Logger, 'error'>): void {
  const problem = toProblem(error, request);
  if (problem.status >= 500) logger.error({ code: problem.body.code, requestId: problem.body.requestId, err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, 'request failed');
  // For the command outcome counter (apps/api/src/metrics.ts): the code, never the detail.
  response.locals.problemCode = problem.body.code;
  if (response.headersSent) return;
  response.status(problem.status).set(problem.headers).send(JSON.stringify(problem.body));
}
