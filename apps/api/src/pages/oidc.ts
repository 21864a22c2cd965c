import type { Request, Response } from 'express';
import { generators, Issuer, type BaseClient } from 'openid-client';
import { principalFromClaims, type ClaimNames, type Principal } from '@csc/auth';

/** Sign-in with the council's OIDC provider: authorization code with PKCE (S256), state and nonce. */
export interface OidcSettings {
  /** The provider's issuer (CSC_AUTH_ISSUER): its metadata is discovered from /.well-known/openid-configuration. */
  readonly issuer: string;
  readonly clientId: string;
  /** Empty: a public client (PKCE alone, token_endpoint_auth_method none). */
  readonly clientSecret: string;
  /** This service's callback, registered with the provider: https://<host>/app/sign-in/callback. */
  readonly redirectUri: string;
  readonly claims: ClaimNames;
}

/** The signed, short-lived cookie holding one sign-in's state, nonce and PKCE verifier. */
export const PENDING_COOKIE = 'csc_oidc';
const PENDING_SECONDS = 10 * 60;

interface Pending {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

/**
 * The flow, on openid-client 5: `begin` redirects to the provider with a
 * code challenge and remembers the verifier, state and nonce in a signed
 * cookie; `finish` (the callback) checks state, exchanges the code with the
 * verifier, validates the ID token (signature, issuer, audience, nonce,
 * expiry) and maps its claims to the engine's principal exactly as the bearer
 * verifier does (roles and teams claims; no personal claims kept).
 */
export class OidcSignIn {
  private client: Promise<BaseClient> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  async begin(response: Response): Promise<string> {
    const client = await this.discover();
    const pending: Pending = { state: generators.state(), nonce: generators.nonce(), verifier: generators.codeVerifier() };
    response.cookie(PENDING_COOKIE, JSON.stringify(pending), { httpOnly: true, secure: true, sameSite: 'lax', signed: true, path: '/app/sign-in', maxAge: PENDING_SECONDS * 1000 });
    return client.authorizationUrl({
      scope: 'openid', state: pending.state, nonce: pending.nonce,
      code_challenge: generators.codeChallenge(pending.verifier), code_challenge_method: 'S256',
    });
  }

  async finish(request: Request, response: Response): Promise<Principal> {
    const cookies = request.signedCookies as Record<string, unknown> | undefined;
    const raw = cookies?.[PENDING_COOKIE];
    response.clearCookie(PENDING_COOKIE, { path: '/app/sign-in' });
    if (typeof raw !== 'string') throw new OidcError('the sign-in had expired or was started in another browser');
    const pending = JSON.parse(raw) as Pending;
    const client = await this.discover();
    const params = client.callbackParams(request);
    const tokens = await client.callback(this.settings.redirectUri, params, { state: pending.state, nonce: pending.nonce, code_verifier: pending.verifier });
    return principalFromClaims(tokens.claims(), this.settings.claims);
  }

  /** The provider's metadata, discovered once (a failed discovery is tried again on the next sign-in). */
  private discover(): Promise<BaseClient> {
    if (this.client !== undefined) return this.client;
    const client = Issuer.discover(this.settings.issuer).then((issuer) => new issuer.Client({
      client_id: this.settings.clientId,
      ...(this.settings.clientSecret === '' ? { token_endpoint_auth_method: 'none' } : { client_secret: this.settings.clientSecret }),
      redirect_uris: [this.settings.redirectUri],
      response_types: ['code'],
    }));
    this.client = client;
    client.catch(() => {
      this.client = undefined;
    });
    return client;
  }
}

/** A sign-in that could not be completed (the page says so; the user starts again). */
export class OidcError extends Error {
  readonly code = 'OIDC_SIGN_IN_FAILED';
}
