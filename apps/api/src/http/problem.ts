import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request } from 'express';
import { RequestValidationError, type FieldError } from './errors';
import { isProblemCode, PROBLEM_TYPES, problemTypeUri, type ProblemCode } from './problem-types';

/** An RFC 9457 problem details document, with the engine's stable `code`. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: ProblemCode;
  readonly requestId?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface ProblemResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Problem;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Facts a domain error may carry that help the caller, copied as problem extensions (references only). */
const EXTENSIONS = ['pathway', 'instanceId', 'state', 'command', 'allowed', 'notBefore', 'caseId', 'streamId', 'expected', 'actual', 'attempts', 'policy', 'known', 'allegationId'] as const;

/** The problem an error becomes: status and title from PROBLEM_TYPES, by the error's code. */
export function toProblem(error: unknown, request: Pick<Request, 'originalUrl' | 'headers'> & { id?: unknown }): ProblemResponse {
  const code = codeOf(error);
  const { status, title } = PROBLEM_TYPES[code];
  const source = error instanceof Error ? (error as Error & Record<string, unknown>) : undefined;
  const body: Problem = {
    type: problemTypeUri(code),
    title,
    status,
    detail: status >= 500 ? `${title}; try again later, quoting the request id` : (source?.message ?? title),
    instance: request.originalUrl.split('?')[0] ?? '/',
    code,
    ...(typeof request.id === 'string' ? { requestId: request.id } : {}),
    ...(status < 500 && source ? extensions(source) : {}),
  };
  return { status, headers: headersFor(code, source, request), body };
}

function codeOf(error: unknown): ProblemCode {
  if (error instanceof ThrottlerException) return 'RATE_LIMITED';
  if (error instanceof HttpException) return codeOfStatus(error.getStatus());
  const candidate = typeof error === 'object' && error !== null ? (error as { code?: unknown; type?: unknown }) : {};
  if (isProblemCode(candidate.code)) return candidate.code;
  return codeOfBodyParser(candidate.type) ?? 'INTERNAL';
}

function codeOfStatus(status: number): ProblemCode {
  const byStatus: Partial<Record<number, ProblemCode>> = { 400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' };
  return byStatus[status] ?? 'INTERNAL';
}

/** body-parser's error types (it gives no code). */
function codeOfBodyParser(type: unknown): ProblemCode | undefined {
  if (type === 'entity.too.large') return 'PAYLOAD_TOO_LARGE';
  if (type === 'entity.parse.failed') return 'MALFORMED_BODY';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 'UNSUPPORTED_MEDIA_TYPE';
  return undefined;
}

function extensions(error: Error & Record<string, unknown>): Record<string, unknown> {
  if (error instanceof RequestValidationError) return { errors: error.errors };
  const found: Record<string, unknown> = {};
  for (const key of EXTENSIONS) if (error[key] !== undefined) found[key] = error[key];
  if (typeof error.field === 'string') found.errors = [{ field: error.field, message: error.message }];
  return found;
}

function headersFor(code: ProblemCode, error: Record<string, unknown> | undefined, request: Pick<Request, 'headers'>): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
  if (typeof error?.retryAfterSeconds === 'number') headers['Retry-After'] = String(error.retryAfterSeconds);
  if (code === 'UNAUTHENTICATED') headers['WWW-Authenticate'] = request.headers.authorization ? 'Bearer realm="csc", error="invalid_token"' : 'Bearer realm="csc"';
  return headers;
}
