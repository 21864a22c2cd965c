/** The engine's roles. Token role values outside this list are ignored. */
export const ROLES = ['recorder', 'iro', 'team-manager', 'lado', 'auditor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/**
 * Who is asking, as references only: the token's subject, the engine roles it
 * grants and the teams the user belongs to. Never names, emails or other
 * personal claims, so a principal may be logged and kept in audit events.
 */
export interface Principal {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly teams: readonly string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
