import type { EngineConfig } from '@csc/config';
import { devVerifierSettings, loadOrCreateDevKey } from './dev-key';
import { readPublicKeys } from './keys';
import { createTokenVerifier, refusingVerifier, type TokenVerifier } from './verify';

export type AuthConfig = Pick<
  EngineConfig,
  'authIssuer' | 'authAudience' | 'authJwksUrl' | 'authPublicKeys' | 'authRolesClaim' | 'authTeamsClaim' | 'authDevKeys' | 'dataDir'
>;

export const NOT_CONFIGURED = 'authentication is not configured: set CSC_AUTH_ISSUER with CSC_AUTH_JWKS_URL or CSC_AUTH_PUBLIC_KEYS (or CSC_AUTH_DEV_KEYS=true for local development)';

/**
 * The verifier the configuration asks for: the real provider's (issuer and its
 * keys), the development key's (only when CSC_AUTH_DEV_KEYS=true, which the
 * configuration refuses beside a real issuer), or one that refuses everything.
 */
export async function verifierFromConfig(config: AuthConfig, now?: () => Date): Promise<TokenVerifier> {
  const clock = now ? { now } : {};
  if (config.authDevKeys) return createTokenVerifier(devVerifierSettings(await loadOrCreateDevKey(config.dataDir), config.authAudience, now));
  if (config.authIssuer === '') return refusingVerifier(NOT_CONFIGURED);
  return createTokenVerifier({
    issuer: config.authIssuer,
    audience: config.authAudience,
    claims: { roles: config.authRolesClaim, teams: config.authTeamsClaim },
    ...(config.authJwksUrl !== '' ? { jwksUrl: config.authJwksUrl } : {}),
    ...(config.authPublicKeys !== '' ? { keys: readPublicKeys(config.authPublicKeys) } : {}),
    ...clock,
  });
}
