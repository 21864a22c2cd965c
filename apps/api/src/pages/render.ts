import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import nunjucks from 'nunjucks';

/** govuk-frontend's dist folder (its `govuk/` holds the CSS, assets and Nunjucks macros). */
export const GOVUK_DIST = path.resolve(path.dirname(require.resolve('govuk-frontend')), '..');

/** The page templates: beside this file in the sources; the built dist reads them from the sources. */
function viewsDir(): string {
  const candidates = [path.join(__dirname, 'views'), path.resolve(__dirname, '../../../../../apps/api/src/pages/views')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'layout.njk')));
  if (found === undefined) throw new Error(`page templates not found (looked in ${candidates.join(', ')})`);
  return found;
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
