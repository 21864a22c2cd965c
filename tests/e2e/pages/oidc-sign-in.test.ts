import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@csc/config';
import { createApiApplication } from '../../../apps/api/src/create';
import { freePort } from '../../support/ports';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { openBrowser, type Browser } from './browser';
import { startFakeProvider, type FakeProvider } from './fake-oidc';
import { dropSchema } from '../../support/postgres';

/**
 * Sign-in for a real deployment: the OIDC authorization-code flow with PKCE
 * (openid-client) against a minimal provider, in Chromium. No demo users are
 * offered; the ID token's roles and teams claims become the session's principal.
 */
jest.setTimeout(60_000);

describe('OIDC sign-in (authorization code with PKCE) in a browser', () => {
  let provider: FakeProvider;
  let api: INestApplication;
  const schema = uniqueIdentifier('pages_oidc');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csc-pages-oidc-'));
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    provider = await startFakeProvider({ sub: 'tm-9', roles: ['team-manager'], teams: ['team-9'] });
    // The callback registered with the provider is this service's public origin: pick the port first.
    const port = await freePort();
    base = `http://localhost:${port}`;
    const config = loadConfig({
      CSC_EVENT_STORE: TEST_POSTGRES_URL, CSC_REDIS_URL: TEST_REDIS_URL, CSC_REDIS_PREFIX: uniqueIdentifier('pages'), CSC_DATA_DIR: dataDir,
      CSC_LOG_LEVEL: 'silent', CSC_AUTH_ISSUER: provider.issuer, CSC_AUTH_JWKS_URL: `${provider.issuer}/jwks`,
      CSC_OIDC_CLIENT_ID: 'csc-pages', CSC_SESSION_SECRET: 'a-test-session-secret-of-32-characters-or-more', CSC_PUBLIC_URL: base,
    });
    api = await createApiApplication(config, [], { schema });
    await api.listen(port, '127.0.0.1');
    browser = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.close();
    await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs a manager in through the provider and starts a session with their roles and teams', async () => {
    const { page } = browser;
    await page.goto(`${base}/app/sign-in`);
    expect(await page.locator('input[name="user"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    expect(new URL(page.url()).pathname).toBe('/app/queue');
    expect(await page.locator('form[action="/app/sign-out"]').innerText()).toContain('tm-9');
    expect(await page.locator('h1').innerText()).toBe('Overdue and due soon');
    expect(provider.refused).toEqual([]);
  });

  it('refuses a callback that no sign-in of this browser started', async () => {
    await browser.context.clearCookies();
    const response = await browser.page.goto(`${base}/app/sign-in/callback?code=stolen&state=guess`);
    expect(response?.status()).toBe(400);
    expect(await browser.page.locator('h1').innerText()).toBe('Sign-in failed');
  });

  it('refuses the demo users outside demo mode', async () => {
    const response = await browser.page.request.post(`${base}/app/sign-in/demo`, { form: { user: 'manager', _csrf: 'x' } });
    expect(response.status()).toBe(404);
  });
});

