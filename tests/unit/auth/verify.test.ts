import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type JWK, type KeyLike } from 'jose';
import { AuthenticationError, createTokenVerifier, ForbiddenError, parsePublicKeys, type TokenVerifier } from '@csc/auth';

const ISSUER = 'https://login.council.example/tenant/v2.0';
const AUDIENCE = 'api://csc';
const NOW = new Date('2026-03-02T10:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

interface Signer {
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
  readonly alg: string;
}

async function signer(alg: 'RS256' | 'ES256' | 'PS256', kid: string): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid }, alg };
}

function token(by: Signer, claims: Record<string, unknown> = {}, options: { iss?: string; aud?: string; exp?: number; sub?: string | null } = {}): Promise<string> {
  const jwt = new SignJWT({ roles: ['iro'], teams: ['t1'], name: 'A Person', email: 'a@example.org', ...claims })
    .setProtectedHeader({ alg: by.alg, kid: by.publicJwk.kid ?? '' })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt(nowSeconds - 60)
    .setExpirationTime(options.exp ?? nowSeconds + 3600);
  if (options.sub !== null) jwt.setSubject(options.sub ?? 'u1');
  return jwt.sign(by.privateKey);
}

async function refusal(verifier: TokenVerifier, jwt: string): Promise<Error> {
  try {
    await verifier.verify(jwt);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the token to be refused');
}

describe('bearer-token verification', () => {
  let trusted: Signer;
  let other: Signer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    trusted = await signer('RS256', 'trusted');
    other = await signer('RS256', 'trusted');
    verifier = createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: { keys: [trusted.publicJwk] },
      claims: { roles: 'roles', teams: 'teams' },
      now: () => NOW,
    });
  });

  it('accepts a valid token and keeps references only: sub, engine roles and teams', async () => {
    const principal = await verifier.verify(await token(trusted, { roles: ['iro', 'team-manager', 'Global.Admin'] }));
    expect(principal).toEqual({ userId: 'u1', roles: ['iro', 'team-manager'], teams: ['t1'] });
  });

  it.each(['ES256', 'PS256'] as const)('accepts %s', async (alg) => {
    const key = await signer(alg, `k-${alg}`);
    const both = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { keys: [key.publicJwk] }, claims: { roles: 'roles', teams: 'teams' }, now: () => NOW });
    await expect(both.verify(await token(key))).resolves.toMatchObject({ userId: 'u1' });
  });

  it('refuses a forged signature (same kid, another key)', async () => {
    const error = await refusal(verifier, await token(other));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('the token signature is invalid');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await token(trusted)).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'u1', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: nowSeconds + 60 })).toString('base64url');
    expect((await refusal(verifier, `${header}.${payload}.${signature}`)).message).toBe('the token signature is invalid');
  });

  it('refuses an expired token beyond the clock tolerance, and accepts one within it', async () => {
    expect((await refusal(verifier, await token(trusted, {}, { exp: nowSeconds - 31 }))).message).toBe('the token has expired');
    await expect(verifier.verify(await token(trusted, {}, { exp: nowSeconds - 20 }))).resolves.toMatchObject({ userId: 'u1' });
  });

  it('refuses a wrong issuer and a wrong audience, naming the claim', async () => {
    expect((await refusal(verifier, await token(trusted, {}, { iss: 'https://evil.example/' }))).message).toMatch(/"iss" claim/);
    expect((await refusal(verifier, await token(trusted, {}, { aud: 'api://another-app' }))).message).toMatch(/"aud" claim/);
  });

  it('refuses alg none', async () => {
    const unsecured = new UnsecuredJWT({ sub: 'u1', roles: ['admin'] }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime(nowSeconds + 60).encode();
    const error = await refusal(verifier, unsecured);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/algorithm is not accepted/);
  });

  it('refuses HS256 signed with the public key as the shared secret (key confusion)', async () => {
    const { publicKey } = await generateKeyPair('RS256');
    const pem = await exportSPKI(publicKey);
    const confused = createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: parsePublicKeys(pem, 'test'),
      claims: { roles: 'roles', teams: 'teams' },
      now: () => NOW,
    });
    const hs = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(nowSeconds + 60)
      .sign(new TextEncoder().encode(pem));
    expect((await refusal(confused, hs)).message).toMatch(/algorithm is not accepted/);
  });

  it('refuses a token with no expiry or no subject', async () => {
    const noExp = await new SignJWT({ roles: ['iro'] }).setProtectedHeader({ alg: 'RS256', kid: 'trusted' }).setSubject('u1').setIssuer(ISSUER).setAudience(AUDIENCE).sign(trusted.privateKey);
    expect((await refusal(verifier, noExp)).message).toMatch(/"exp" claim/);
    expect(await refusal(verifier, await token(trusted, {}, { sub: null }))).toBeInstanceOf(AuthenticationError);
  });

  it('refuses garbage and tokens from an unknown key', async () => {
    expect(await refusal(verifier, 'not-a-token')).toBeInstanceOf(AuthenticationError);
    const stranger = await signer('ES256', 'stranger');
    expect((await refusal(verifier, await token(stranger))).message).toBe('the token was not signed by a trusted key');
  });

  it('answers 403, not 401, to an authentic token that grants no engine role', async () => {
    const none = await refusal(verifier, await token(trusted, { roles: ['Global.Reader'] }));
    expect(none).toBeInstanceOf(ForbiddenError);
    expect(none.message).toMatch(/grants no engine role/);
    expect(await refusal(verifier, await token(trusted, { roles: undefined }))).toBeInstanceOf(ForbiddenError);
  });

  it('follows a dotted roles claim and a namespaced one', async () => {
    const nested = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { keys: [trusted.publicJwk] }, claims: { roles: 'realm_access.roles', teams: 'https://council.example/teams' }, now: () => NOW });
    const principal = await nested.verify(await token(trusted, { roles: undefined, realm_access: { roles: ['auditor'] }, 'https://council.example/teams': 'a b' }));
    expect(principal).toEqual({ userId: 'u1', roles: ['auditor'], teams: ['a', 'b'] });
  });
});

describe('configured public keys', () => {
  it('reads PEM public keys and refuses private key material', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    expect(parsePublicKeys(await exportSPKI(publicKey), 'keys.pem').keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256' });
    const privateJwks = JSON.stringify({ keys: [await exportJWK(privateKey)] });
    expect(() => parsePublicKeys(privateJwks, 'keys.json')).toThrow(/private key material/);
    expect(() => parsePublicKeys('hello', 'keys.txt')).toThrow(/neither a JWKS document nor PEM/);
  });
});
