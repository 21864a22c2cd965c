import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, type TokenVerifier } from '@csc/auth';
import { isHealthRoute, PUBLIC_ROUTE, type AuthenticatedRequest } from './principal';

/** The DI token of the process's TokenVerifier. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * Every route needs a valid bearer token unless it is @Public() or a health
 * probe (matched on the route's declared pattern, not the raw URL). The
 * principal is put on the request for the handlers, the rate limit and the
 * idempotency keys.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.isPublic(context, request)) return true;
    const header = request.headers.authorization;
    if (header === undefined) throw new AuthenticationError('send a bearer token: Authorization: Bearer <token>');
    const match = BEARER.exec(header.trim());
    if (!match?.[1]) throw new AuthenticationError('the Authorization header is not a bearer token');
    request.principal = await this.verifier.verify(match[1]);
    return true;
  }

  private isPublic(context: ExecutionContext, request: AuthenticatedRequest): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    return isHealthRoute(request);
  }
}
