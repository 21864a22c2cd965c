import { HttpStatus, Injectable, RequestMethod, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { HttpEdgeError } from '../errors';
import type { AuthenticatedRequest } from '../principal';
import { IdempotencyStore, requestFingerprint } from './store';

const IDEMPOTENT = 'csc:idempotent';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** A visible-ASCII key of 1 to 255 characters; a structured-field string ("...") is unquoted. */
const KEY = /^[\x21-\x7E]{1,255}$/;

/** Marks a command endpoint: it requires an Idempotency-Key and replays the first response to a repeat. */
export const Idempotent = (): MethodDecorator => SetMetadata(IDEMPOTENT, true);

/**
 * The Idempotency-Key protocol (after the IETF httpapi draft) on @Idempotent()
 * handlers: the first request with a key executes; a repeat with the same
 * method, path and body gets the first response again (header
 * Idempotent-Replayed: true) and executes nothing; a repeat with a different
 * request is 422; a repeat while the first is still running is 409 with
 * Retry-After. Failed requests free their key (they changed nothing).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    return from(this.run(context, next));
  }

  private async run(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = idempotencyKeyOf(request.header(IDEMPOTENCY_HEADER));
    const claim = await this.store.claim(request.principal?.userId ?? 'anonymous', key, requestFingerprint(request.method, request.originalUrl, request.body));
    switch (claim.kind) {
      case 'mismatch':
        throw new HttpEdgeError('IDEMPOTENCY_KEY_REUSED', `${IDEMPOTENCY_HEADER}: this key was first used with a different request; use a new key for a new request`);
      case 'in-progress':
        throw new HttpEdgeError('IDEMPOTENCY_KEY_IN_PROGRESS', `${IDEMPOTENCY_HEADER}: the first request with this key is still being processed; retry shortly`, 1);
      case 'replay':
        response.status(claim.response.status).setHeader(REPLAYED_HEADER, 'true');
        return claim.response.body;
      case 'execute': {
        let body: unknown;
        try {
          body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        } catch (error) {
          await claim.release.abandon();
          throw error;
        }
        await claim.release.complete({ status: this.statusOf(context), body: body ?? null });
        return body;
      }
      default: {
        const unhandled: never = claim;
        return unhandled;
      }
    }
  }

  /** The status Nest will send: the handler's @HttpCode, else 201 for POST and 200 otherwise. */
  private statusOf(context: ExecutionContext): number {
    const code = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (code !== undefined) return code;
    return this.reflector.get<RequestMethod>(METHOD_METADATA, context.getHandler()) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
  }
}

export function idempotencyKeyOf(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new HttpEdgeError('IDEMPOTENCY_KEY_MISSING', `${IDEMPOTENCY_HEADER}: send a unique key (a UUID) with every command, and the same key when retrying it`);
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY.test(key)) throw new HttpEdgeError('IDEMPOTENCY_KEY_INVALID', `${IDEMPOTENCY_HEADER}: must be 1 to 255 visible ASCII characters (a UUID is best)`);
  return key;
}
