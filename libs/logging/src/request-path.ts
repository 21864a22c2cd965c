/** What the request logger sees of a request once routing is done (express's request, structurally). */
export interface RoutedRequest {
  readonly baseUrl?: string;
  readonly route?: { readonly path?: unknown };
  readonly params?: Readonly<Record<string, unknown>>;
}

/** The path logged for a request that matched none of the engine's routes. */
export const UNMATCHED_PATH = '(unmatched)';

/**
 * A reference as the engine mints them: one token of letters, digits and `.`, `_`, `:`, `-`, with
 * at least one digit (`child-000123`, `iro-01`, `cp-1`, a UUID). A name, a date written out or
 * free text fails it.
 */
const REFERENCE = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Route parameters whose values are references by contract (`caseId`, `iroRef`); any other (a feed token) is never logged. */
const REFERENCE_PARAM = /(Id|Ref)$/;

/**
 * Nest mounts global middleware on a catch-all route (`/{*path}`), which stays on `request.route`
 * when no handler matches after it: that is no route of ours.
 */
const CATCH_ALL = /^\/?(\{\*\w*\}|\*\w*|\(\.\*\))$/;

/**
 * The path a request log line may carry: the route template the request matched, with each
 * reference parameter filled in when its value is a reference (`/cases/child-000123`) and left as
 * its name otherwise (`/cases/:caseId` for `GET /cases/Jane%20Smith`). A request that matched no
 * route logs UNMATCHED_PATH: its raw URL could hold anything a caller typed.
 */
export function loggablePath(request: RoutedRequest): string {
  const template = request.route?.path;
  if (typeof template !== 'string' || CATCH_ALL.test(template)) return UNMATCHED_PATH;
  const filled = template.replace(/:(\w+)/g, (whole, name: string) => {
    const value = request.params?.[name];
    return REFERENCE_PARAM.test(name) && typeof value === 'string' && REFERENCE.test(value) ? value : whole;
  });
  return `${request.baseUrl ?? ''}${filled}` || '/';
}
