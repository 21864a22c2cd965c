import { at, attendance, command, startCaseApi, type CaseApi } from '../../integration/api/case-api';
import { uniqueName } from '../../support/unique';
import { capture, openBrowser, seriousViolations, type Browser } from './browser';

/**
 * The pages in a real browser (Debian's Chromium through playwright-core): a
 * manager sees an overdue review conference, the IRO records it through the
 * form (after the form shows the api's validation messages), it leaves the
 * list; an auditor steps through the case and replays it to a past date.
 * Every page is screenshotted and checked with axe-core.
 */
jest.setTimeout(90_000);

describe('pages in a browser (Chromium, real api on PostgreSQL and Redis)', () => {
  let api: CaseApi;
  let browser: Browser;
  let base: string;
  const caseId = uniqueName('child');

  beforeAll(async () => {
    api = await startCaseApi('postgres');
    // localhost: a potentially trustworthy origin, so the Secure session cookie is kept over http.
    base = api.url.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
    const manager = await api.token('team-manager', 'tm-1', ['team-1']);
    const iro = await api.token('iro', 'iro-01', []);
    const record = async (token: string, path: string, body: object) => {
      const response = await command(api, token, caseId, path, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    };
    // A plan made at an ICPC in June 2025: its first review conference (CP-08, 3 months) is long overdue.
    await record(manager, 'open-case', { teamRef: 'team-1', occurredAt: at('2025-05-01') });
    await record(manager, 'allocate-iro', { iroRef: 'iro-01', occurredAt: at('2025-05-01', '11:00:00') });
    await record(manager, 'record-strategy-discussion', { occurredAt: at('2025-05-12'), attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true });
    await record(iro, 'record-initial-conference', { instanceId: 'cp-1', occurredAt: at('2025-05-30'), outcome: 'plan', category: 'neglect', preBirth: false });
    browser = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signInAs = async (who: 'manager' | 'iro' | 'auditor') => {
    const { page } = browser;
    await browser.context.clearCookies();
    await page.goto(`${base}/app/sign-in`);
    await page.check(`input[name="user"][value="${who}"]`);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const overdueReview = () => browser.page.locator(`tr[data-deadline^="${caseId}/cp-1/"]`, { hasText: 'CP-08' });

  it('has an accessibility check that finds a serious violation when there is one', async () => {
    await browser.page.setContent('<html lang="en"><head><title>t</title></head><body><main><img src="x.png"><input type="text"></main></body></html>');
    expect((await seriousViolations(browser.page)).map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'label']));
  });

  it('shows the start page and the demo sign-in, accessibly', async () => {
    await browser.page.goto(`${base}/`);
    expect(await browser.page.getByRole('heading', { level: 1 }).innerText()).toBe("Children's social care timescales");
    expect(await browser.page.title()).toContain("Children's social care timescales");
    expect(await capture(browser.page, '01-start')).toEqual([]);
    await browser.page.goto(`${base}/app/sign-in`);
    expect(await browser.page.locator('input[name="user"]').count()).toBe(4);
    expect(await capture(browser.page, '02-sign-in')).toEqual([]);
  });

  it("refuses a form posted without this browser's CSRF token", async () => {
    const response = await browser.page.request.post(`${base}/app/sign-in/demo`, { form: { user: 'manager', _csrf: 'forged' }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });

  it('keeps form bodies to the pages: a url-encoded command to the api is still refused (415)', async () => {
    const response = await browser.page.request.post(`${base}/cases/${caseId}/commands/open-case`, { form: { teamRef: 'team-1' } });
    expect(response.status()).toBe(415);
  });

  it('sends a browser with a forged session cookie to sign in', async () => {
    const forged = { userId: 'tm-1', roles: ['team-manager'], teams: ['team-1'] };
    await browser.context.addCookies([{ name: 'csc_session', value: `s:${encodeURIComponent(JSON.stringify({ principal: forged, exp: 9e9 }))}.forged`, url: base }]);
    await browser.page.goto(`${base}/app/queue`);
    expect(new URL(browser.page.url()).pathname).toBe('/app/sign-in');
  });

  it('a manager sees the overdue review conference on their list', async () => {
    await signInAs('manager');
    expect(new URL(browser.page.url()).pathname).toBe('/app/queue');
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'csc_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    await expect(overdueReview().count()).resolves.toBe(1);
    expect(await overdueReview().innerText()).toContain('Overdue');
    expect(await capture(browser.page, '03-manager-overdue')).toEqual([]);
  });

  it('the IRO sees it due, opens the case and reads why it is due', async () => {
    await signInAs('iro');
    expect(new URL(browser.page.url()).pathname).toBe('/app/due');
    await expect(overdueReview().count()).resolves.toBe(1);
    expect(await capture(browser.page, '04-iro-due-dates')).toEqual([]);
    await browser.page.getByRole('link', { name: caseId }).first().click();
    await expect(browser.page.getByRole('heading', { level: 1, name: caseId }).count()).resolves.toBe(1);
    const card = browser.page.locator('.govuk-summary-card', { hasText: 'CP-08' }).first();
    await card.getByText('Why is this due then?').click();
    expect(await card.innerText()).toMatch(/CP-08/);
    expect(await capture(browser.page, '05-case')).toEqual([]);
  });

  it('the IRO records the review conference; the form shows the api validation messages first', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: /Record a review conference/ }).click();
    await page.getByRole('button', { name: 'Record the review conference' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.count()).resolves.toBe(1);
    expect(await summary.innerText()).toMatch(/Enter the date the review conference was held/);
    expect(await summary.innerText()).toMatch(/Decision: must be one of/);
    expect(await capture(page, '06-review-form-errors')).toEqual([]);

    // A date before the plan began: the case's own rule (OUT_OF_ORDER) answers, in the same summary.
    await page.fill('#occurredAt-day', '1');
    await page.fill('#occurredAt-month', '1');
    await page.fill('#occurredAt-year', '2025');
    await page.check('input[name="decision"][value="continue-plan"]');
    await page.getByRole('button', { name: 'Record the review conference' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('is before the start of this pathway instance on 2025-05-12');
    expect(await page.locator('#occurredAt-error').innerText()).toContain('is before the start');
    expect(await capture(page, '06b-review-form-refused')).toEqual([]);

    await page.fill('#occurredAt-day', '1');
    await page.fill('#occurredAt-month', '9');
    await page.fill('#occurredAt-year', '2025');
    await page.check('input[name="decision"][value="continue-plan"]');
    expect(await capture(page, '07-review-form')).toEqual([]);
    await page.getByRole('button', { name: 'Record the review conference' }).click();
    expect(new URL(page.url()).pathname).toBe(`/app/cases/${caseId}`);
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Review conference recorded');
    expect(await capture(page, '08-case-after-review')).toEqual([]);
  });

  it('the review conference has left the manager\'s list', async () => {
    await signInAs('manager');
    await expect(overdueReview().count()).resolves.toBe(0);
    expect(await capture(browser.page, '09-manager-after')).toEqual([]);
  });

  it('an auditor steps through the case and replays it to a past date', async () => {
    const { page } = browser;
    await signInAs('auditor');
    await page.goto(`${base}/app/cases/${caseId}/timeline?step=2`);
    expect(await page.locator('#view-heading').innerText()).toBe('After event 3 of 5');
    await page.getByRole('link', { name: /Event 4/ }).click();
    expect(await page.locator('#view-heading').innerText()).toBe('After event 4 of 5');
    expect(await page.locator('#deadlines-then').innerText()).toContain('CP-08');
    expect(await capture(page, '10-auditor-timeline')).toEqual([]);

    // 20 May 2025: after the strategy discussion, before the ICPC: the ICPC (CP-04) was open, no plan yet.
    await page.fill('#asOf', '2025-05-20');
    await page.getByRole('button', { name: 'Show the case then' }).click();
    expect(await page.locator('#view-heading').innerText()).toBe('As of 2025-05-20');
    const then = await page.locator('#deadlines-then').innerText();
    expect(then).toContain('CP-04');
    expect(then).not.toContain('CP-08');
    expect(await capture(page, '11-auditor-as-of')).toEqual([]);
  });
});
