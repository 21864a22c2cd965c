import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '@csc/auth';

/** A request the authentication guard has passed: it carries the verified principal. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export const PUBLIC_ROUTE = 'csc:public';

/** Marks a controller or handler as served without a token (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The verified principal of the request (a handler parameter). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** Health probes (their controller lives in libs/health) are public and keep their own response format. */
const HEALTH_ROUTES = /^\/health(\/|$)/;

/** Matched on the route's declared pattern, not the raw URL. */
export function isHealthRoute(request: Pick<Request, 'route'>): boolean {
  const route: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' && HEALTH_ROUTES.test(route);
}
