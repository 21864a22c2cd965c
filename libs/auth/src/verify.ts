import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type ClaimNames } from './claims';
import { AuthKeysUnavailableError, AuthenticationError, ForbiddenError } from './errors';
import type { Principal } from './principal';

/** The only signature algorithms accepted: asymmetric ones. `none` and HS* (shared secrets) are always refused. */
export const ALLOWED_ALGORITHMS = ['RS256', 'ES256', 'PS256'] as const;

/** Clock skew tolerated between the identity provider and this server, on `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

export interface VerifierSettings {
  readonly issuer: string;
  readonly audience: string;
  /** A remote JWKS (fetched, cached, refreshed on an unknown `kid`). */
  readonly jwksUrl?: string;
  /** Locally configured public keys. */
  readonly keys?: JSONWebKeySet;
  readonly claims: ClaimNames;
  /** The clock, for tests; the real time otherwise. */
  readonly now?: () => Date;
}

export interface TokenVerifier {
  /** The principal of a valid token; AuthenticationError (401), ForbiddenError (403) or AuthKeysUnavailableError (503) otherwise. */
  verify(token: string): Promise<Principal>;
}

/**
 * A verifier checking signature (allowed algorithms only), issuer, audience,
 * expiry and not-before (with CLOCK_TOLERANCE_SECONDS), and that `exp` and
 * `sub` are present.
 */
export function createTokenVerifier(settings: VerifierSettings): TokenVerifier {
  const getKey = keyResolver(settings);
  return {
    async verify(token: string): Promise<Principal> {
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [...ALLOWED_ALGORITHMS],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub'],
          ...(settings.now ? { currentDate: settings.now() } : {}),
        });
        return principalFromClaims(payload, settings.claims);
      } catch (error) {
        throw translate(error);
      }
    },
  };
}

/** A verifier for when no token source is configured: it refuses every token, saying so. */
export function refusingVerifier(reason: string): TokenVerifier {
  return { verify: () => Promise.reject(new AuthenticationError(reason)) };
}

function keyResolver(settings: VerifierSettings): JWTVerifyGetKey {
  const local = settings.keys ? createLocalJWKSet(settings.keys) : undefined;
  const remote = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }) : undefined;
  if (local && remote) {
    return async (header, token) => {
      try {
        return await local(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey) return remote(header, token);
        throw error;
      }
    };
  }
  const only = local ?? remote;
  if (!only) throw new Error('a token verifier needs a JWKS URL or public keys');
  return only;
}

function translate(error: unknown): Error {
  if (error instanceof AuthenticationError || error instanceof ForbiddenError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return new AuthenticationError(`the token's "${error.claim}" claim is not accepted (${error.reason})`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError(`the token's algorithm is not accepted (only ${ALLOWED_ALGORITHMS.join(', ')})`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('the token signature is invalid');
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthenticationError('the token was not signed by a trusted key');
  if (error instanceof errors.JWKSInvalid || (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC'))
    return new AuthKeysUnavailableError(`the JWKS URL gave no usable key set (${error.message})`, { cause: error });
  if (error instanceof errors.JWKSTimeout) return new AuthKeysUnavailableError('the JWKS URL did not answer in time', { cause: error });
  if (error instanceof errors.JOSEError) return new AuthenticationError(`the token is not valid (${error.code})`);
  return new AuthKeysUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
}
