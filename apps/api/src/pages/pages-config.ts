import { randomBytes } from 'node:crypto';
import type { Principal } from '@csc/auth';
import type { EngineConfig } from '@csc/config';
import type { OidcSettings } from './oidc';

export interface DemoUser {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly principal: Principal;
}

/** The demo council's people (the synthetic council's references: teams team-1.., IROs iro-01..). */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'iro', label: 'Independent reviewing officer (iro-01)', hint: 'Your reviews and conferences, and their due dates', principal: { userId: 'iro-01', roles: ['iro'], teams: [] } },
  { id: 'manager', label: 'Team manager (tm-1)', hint: 'Overdue and due-soon items for teams 1 to 6', principal: { userId: 'tm-1', roles: ['team-manager'], teams: ['team-1', 'team-2', 'team-3', 'team-4', 'team-5', 'team-6'] } },
  { id: 'auditor', label: 'Auditor (qa-1)', hint: "Any child's history, as of any date", principal: { userId: 'qa-1', roles: ['auditor'], teams: [] } },
  { id: 'lado', label: 'Local authority designated officer (lado-1)', hint: 'Allegations about adults who work with children', principal: { userId: 'lado-1', roles: ['lado'], teams: [] } },
];

export interface PagesConfig {
  /** Demo mode (CSC_AUTH_DEV_KEYS=true): the pick-a-demo-user page is served. */
  readonly demo: boolean;
  /** Signs the session and CSRF cookies: CSC_SESSION_SECRET, or (demo only) random per process. */
  readonly sessionSecret: string | undefined;
  /** OIDC sign-in (authorization code + PKCE), when the issuer, client id and public URL are all set. */
  readonly oidc: OidcSettings | undefined;
  /** CSC_PUBLIC_URL without a trailing slash (calendar feed links), when set. */
  readonly publicUrl: string | undefined;
  /** Page requests per user (or, signed out, per address) per minute: CSC_API_RATE_LIMIT, the api's budget. */
  readonly rateLimit: number;
}

/** The pages' settings, from the validated configuration (CSC_SESSION_SECRET, CSC_OIDC_*, CSC_PUBLIC_URL). */
export function pagesConfig(config: EngineConfig): PagesConfig {
  const secret = config.sessionSecret === '' ? undefined : config.sessionSecret;
  return {
    demo: config.authDevKeys,
    sessionSecret: secret ?? (config.authDevKeys ? randomBytes(32).toString('base64url') : undefined),
    oidc: oidcSettings(config),
    publicUrl: /^https?:\/\/\S+$/.test(config.publicUrl) ? config.publicUrl.replace(/\/+$/, '') : undefined,
    rateLimit: config.apiRateLimit,
  };
}

/**
 * CSC_AUTH_ISSUER (the same provider the bearer tokens come from), CSC_OIDC_CLIENT_ID,
 * CSC_OIDC_CLIENT_SECRET (optional: a public client uses PKCE alone) and CSC_PUBLIC_URL
 * (this service's https origin; the callback is <CSC_PUBLIC_URL>/app/sign-in/callback).
 */
function oidcSettings(config: EngineConfig): OidcSettings | undefined {
  const clientId = config.oidcClientId;
  const publicUrl = config.publicUrl.replace(/\/+$/, '');
  if (config.authIssuer === '' || clientId === '' || !/^https?:\/\/\S+$/.test(publicUrl)) return undefined;
  return {
    issuer: config.authIssuer, clientId, clientSecret: config.oidcClientSecret,
    redirectUri: `${publicUrl}/app/sign-in/callback`, claims: { roles: config.authRolesClaim, teams: config.authTeamsClaim },
  };
}

export const PAGES_CONFIG = Symbol('PagesConfig');
