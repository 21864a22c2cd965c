import type { JWTPayload } from 'jose';
import { ForbiddenError, AuthenticationError } from './errors';
import { isRole, ROLES, type Principal } from './principal';

export interface ClaimNames {
  /** Claim (or dotted path, e.g. `realm_access.roles`) holding the roles. */
  readonly roles: string;
  /** Claim (or dotted path) holding the team references. */
  readonly teams: string;
}

const REFERENCE = /^[A-Za-z0-9._:@|/-]{1,128}$/;

/**
 * The principal a verified token describes: `sub`, the engine roles among the
 * roles claim (a string or a list), and the team references. Every other
 * claim (name, email, ...) is dropped. A token granting no engine role is
 * refused with 403: it is authentic but allows nothing.
 */
export function principalFromClaims(payload: JWTPayload, names: ClaimNames): Principal {
  const userId = payload.sub;
  if (typeof userId !== 'string' || !REFERENCE.test(userId)) throw new AuthenticationError('the token has no usable subject (sub)');
  const roles = [...new Set(listAt(payload, names.roles).filter(isRole))];
  if (roles.length === 0) throw new ForbiddenError(`the token grants no engine role (claim "${names.roles}" should hold one of ${ROLES.join(', ')})`);
  const teams = [...new Set(listAt(payload, names.teams).filter((team): team is string => typeof team === 'string' && REFERENCE.test(team)))];
  return { userId, roles, teams };
}

/** The claim named exactly `path` (URL-like names such as https://council.example/roles), else the dotted path. */
function listAt(payload: JWTPayload, path: string): unknown[] {
  let value: unknown = payload[path];
  if (value === undefined) {
    value = payload;
    for (const part of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((item) => item !== '');
  return [];
}
