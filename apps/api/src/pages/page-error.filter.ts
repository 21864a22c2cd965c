import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isProblemCode, PROBLEM_TYPES } from '../http/problem-types';
import { renderPage } from './render';

/** Page errors as pages: sign-in needed redirects; refusals and missing records get a plain GOV.UK error page. */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('pages');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'SIGN_IN_REQUIRED' || code === 'UNAUTHENTICATED') return response.redirect(303, '/app/sign-in');
    if (code === 'PAGE_RATE_LIMITED' || code === 'RATE_LIMITED') {
      const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      return renderPage(response, 'too-many-requests.njk', { title: 'Sorry, there have been too many requests', seconds: typeof seconds === 'number' ? seconds : 60, post: request.method === 'POST' }, 429);
    }
    const status = code === 'CSRF_REFUSED' ? 403 : isProblemCode(code) ? PROBLEM_TYPES[code].status : error instanceof HttpException ? error.getStatus() : 500;
    const requestId = typeof request.id === 'string' ? request.id : '';
    if (status === 503) response.setHeader('Connection', 'close');
    if (status >= 500 && status !== 503) this.logger.error({ err: error, requestId }, 'page failed');
    const message = status >= 500 ? 'Sorry, there is a problem with the service. Try again later.'
      : code === 'CSRF_REFUSED' ? 'The form had expired. Go back, reload the page and try again.'
      : error instanceof Error ? error.message : 'The request could not be completed.';
    const title = status === 404 ? 'Page not found' : status === 403 ? 'You cannot see this page' : status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem';
    renderPage(response, 'error.njk', { title, message, requestId }, status);
  }
}
