import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Role } from './principal';
import type { VerifierSettings } from './verify';

/** The `iss` of development tokens: no real provider uses it. */
export const DEV_ISSUER = 'urn:csc:dev';
export const DEV_KEY_FILE = 'dev-auth-key.json';
const DEV_ALGORITHM = 'ES256';

/** The local development signing key: generated once into the data folder, readable by its owner only. */
export interface DevKey {
  readonly privateJwk: JWK;
  readonly publicJwks: JSONWebKeySet;
}

export async function loadOrCreateDevKey(dataDir: string): Promise<DevKey> {
  const file = path.join(dataDir, DEV_KEY_FILE);
  const existing = await readKey(file);
  if (existing) return existing;
  await fs.mkdir(dataDir, { recursive: true });
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const privateJwk: JWK = { ...jwk, alg: DEV_ALGORITHM, use: 'sig', kid: await calculateJwkThumbprint(jwk) };
  // Written aside and linked into place: two processes starting at once agree on one key.
  const staging = `${file}.${randomUUID()}`;
  await fs.writeFile(staging, JSON.stringify(privateJwk), { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(staging, file);
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  } finally {
    await fs.unlink(staging);
  }
  const stored = await readKey(file);
  if (!stored) throw new Error(`${file}: the development key could not be written`);
  return stored;
}

async function readKey(file: string): Promise<DevKey | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  const privateJwk = JSON.parse(text) as JWK;
  const { d: _private, ...publicJwk } = privateJwk;
  return { privateJwk, publicJwks: { keys: [publicJwk] } };
}

export interface DevTokenRequest {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly teams?: readonly string[];
  readonly ttlSeconds: number;
  readonly audience: string;
  readonly now: Date;
}

/** A development token: `iss` DEV_ISSUER, the roles and teams in the `roles` and `teams` claims, nothing personal. */
export async function mintDevToken(key: DevKey, request: DevTokenRequest): Promise<string> {
  const issuedAt = Math.floor(request.now.getTime() / 1000);
  return new SignJWT({ roles: [...request.roles], teams: [...(request.teams ?? [])] })
    .setProtectedHeader({ alg: DEV_ALGORITHM, typ: 'JWT', ...(key.privateJwk.kid ? { kid: key.privateJwk.kid } : {}) })
    .setIssuer(DEV_ISSUER)
    .setAudience(request.audience)
    .setSubject(request.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds)
    .sign(await importJWK(key.privateJwk, DEV_ALGORITHM));
}

/** What a verifier of development tokens checks: the dev issuer, the configured audience, the dev public key. */
export function devVerifierSettings(key: DevKey, audience: string, now?: () => Date): VerifierSettings {
  return { issuer: DEV_ISSUER, audience, keys: key.publicJwks, claims: { roles: 'roles', teams: 'teams' }, ...(now ? { now } : {}) };
}

const TTL = /^(\d{1,6})([smhd])$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
export const MAX_DEV_TTL_SECONDS = 7 * 86_400;

/** `90s`, `30m`, `8h`, `2d` as seconds; at most a week. */
export function parseTtl(text: string): number {
  const match = TTL.exec(text);
  if (!match) throw new Error(`--ttl: "${text}" is not a duration such as 30m, 8h or 2d`);
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
  if (seconds < 1 || seconds > MAX_DEV_TTL_SECONDS) throw new Error(`--ttl: "${text}" must be between 1s and 7d`);
  return seconds;
}

/** Duck-typed: errors from Node's built-ins may come from another realm (jest's vm), failing `instanceof Error`. */
function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}
