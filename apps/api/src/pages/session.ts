import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Principal, Role } from '@csc/auth';

/** The signed session cookie (cookie-parser's HMAC signature) and the CSRF cookie. */
export const SESSION_COOKIE = 'csc_session';
export const CSRF_COOKIE = 'csc_csrf';
export const CSRF_FIELD = '_csrf';
/** A page session lasts a working day. */
export const SESSION_SECONDS = 8 * 60 * 60;

export interface PageSession {
  readonly principal: Principal;
  /** Epoch seconds after which the session is refused. */
  readonly exp: number;
}

/** A signed cookie's value, verified by cookie-parser with the pages' secret (absent or tampered: undefined). */
function signedCookie(request: Request, name: string): unknown {
  const cookies = request.signedCookies as Record<string, unknown> | undefined;
  return cookies?.[name];
}

const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: 'lax', signed: true, path: '/' } as const;

/** The session on the request, if its cookie is signed by us and not expired. */
export function sessionOf(request: Request, now: Date): PageSession | undefined {
  const raw = signedCookie(request, SESSION_COOKIE);
  if (typeof raw !== 'string') return undefined;
  try {
    const session = JSON.parse(raw) as PageSession;
    if (typeof session.exp !== 'number' || session.exp * 1000 <= now.getTime()) return undefined;
    if (typeof session.principal?.userId !== 'string' || !Array.isArray(session.principal.roles)) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function startSession(response: Response, principal: Principal, now: Date): void {
  const session: PageSession = { principal: { userId: principal.userId, roles: [...principal.roles] as Role[], teams: [...principal.teams] }, exp: Math.floor(now.getTime() / 1000) + SESSION_SECONDS };
  response.cookie(SESSION_COOKIE, JSON.stringify(session), { ...COOKIE_OPTIONS, maxAge: SESSION_SECONDS * 1000 });
  // A new session gets a new CSRF token (no token fixation across sign-in).
  response.cookie(CSRF_COOKIE, newToken(), COOKIE_OPTIONS);
}

export function endSession(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
  response.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * The CSRF token for this browser: kept in a signed, httpOnly cookie, echoed
 * in every form as a hidden field and compared on POST (SameSite=Lax stops
 * most cross-site posts already; the token stops the rest).
 */
export function csrfTokenFor(request: Request, response: Response): string {
  const existing = signedCookie(request, CSRF_COOKIE);
  if (typeof existing === 'string' && existing.length >= 32) return existing;
  const token = newToken();
  response.cookie(CSRF_COOKIE, token, COOKIE_OPTIONS);
  return token;
}

/** True when the form's token is this browser's (constant-time comparison). */
export function csrfValid(request: Request, sent: unknown): boolean {
  const expected = signedCookie(request, CSRF_COOKIE);
  if (typeof expected !== 'string' || typeof sent !== 'string') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(sent).digest();
  return timingSafeEqual(a, b);
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}
