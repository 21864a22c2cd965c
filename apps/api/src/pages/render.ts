import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import nunjucks from 'nunjucks';

/** govuk-frontend's dist folder (its `govuk/` holds the CSS, assets and Nunjucks macros). */
export const GOVUK_DIST = path.resolve(path.dirname(require.resolve('govuk-frontend')), '..');

/**
 * The page templates and static files, beside this file: in the sources (jest, ts) and in
 * dist/ (`npm run build` copies them there: scripts/copy-assets.mjs), never the one from the other.
 */
export const VIEWS_DIR = path.join(__dirname, 'views');
export const STATIC_DIR = path.join(__dirname, 'static');

function viewsDir(): string {
  if (!existsSync(path.join(VIEWS_DIR, 'layout.njk'))) throw new Error(`page templates not found in ${VIEWS_DIR} (npm run build copies them into dist/)`);
  return VIEWS_DIR;
}

let environment: nunjucks.Environment | undefined;

function env(): nunjucks.Environment {
  environment ??= nunjucks.configure([viewsDir(), GOVUK_DIST], { autoescape: true, throwOnUndefined: false, noCache: false });
  return environment;
}

/**
 * Renders a page: a per-response CSP nonce for govuk-frontend's one inline
 * script, and a page CSP without upgrade-insecure-requests (pages are also
 * served on http://localhost in demo mode).
 */
export function renderPage(response: Response, view: string, context: Record<string, unknown>, status = 200): void {
  const nonce = randomBytes(16).toString('base64');
  response.setHeader('Content-Security-Policy', [
    "default-src 'self'", `script-src 'self' 'nonce-${nonce}'`, "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
    "form-action 'self'", "frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'",
  ].join('; '));
  response.setHeader('Cache-Control', 'no-store');
  response.status(status).type('html').send(env().render(view, { ...context, cspNonce: nonce }));
}
