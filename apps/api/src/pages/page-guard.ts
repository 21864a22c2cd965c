import { Injectable, type CanActivate, type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '@csc/auth';
import { sessionOf } from './session';

/** Raised when a page needs a signed-in user: the filter redirects to the sign-in page. */
export class SignInRequired extends Error {
  readonly code = 'SIGN_IN_REQUIRED';
}

/** Raised when a form's CSRF token is missing or not this browser's. */
export class CsrfRefused extends Error {
  readonly code = 'CSRF_REFUSED';
}

type PageRequest = Request & { pagePrincipal?: Principal };

/** Pages need a session cookie (signed, unexpired); its principal is what the access policy is asked about. */
@Injectable()
export class PageSessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<PageRequest>();
    const session = sessionOf(request, new Date());
    if (session === undefined) throw new SignInRequired('sign in to see this page');
    request.pagePrincipal = session.principal;
    return true;
  }
}

/** The signed-in user of a page (after PageSessionGuard). */
export const PageUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<PageRequest>().pagePrincipal;
  if (!principal) throw new SignInRequired('sign in to see this page');
  return principal;
});
