import { Body, Controller, Get, Inject, NotFoundException, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '@csc/auth';
import { Public } from '../http/principal';
import { DEMO_USERS, PAGES_CONFIG, type PagesConfig } from './pages-config';
import { errors } from 'openid-client';
import { OidcError, OidcSignIn } from './oidc';
import { CsrfRefused } from './page-guard';
import { PageErrorFilter } from './page-error.filter';
import { PageThrottleGuard } from './page-throttle';
import { renderPage } from './render';
import { csrfTokenFor, csrfValid, CSRF_FIELD, endSession, sessionOf, startSession } from './session';

/** The demo users as GOV.UK radios items. */
function demoItems() {
  return DEMO_USERS.map((u) => ({ value: u.id, text: u.label, hint: { text: u.hint } }));
}

/** Where each role starts. */
export function homeOf(principal: Principal): string {
  if (principal.roles.includes('team-manager')) return '/app/queue';
  if (principal.roles.includes('iro')) return '/app/due';
  if (principal.roles.includes('auditor')) return '/app/cases';
  if (principal.roles.includes('lado')) return '/app/lado';
  return '/app/signed-in';
}

/**
 * The start page, sign-in and sign-out. Demo mode (CSC_AUTH_DEV_KEYS=true)
 * serves a page to pick a demo user; real deployments sign in with the
 * council's OIDC provider (authorization code + PKCE, `OidcSignIn`).
 */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@UseGuards(PageThrottleGuard)
@Controller()
export class SignInController {
  private readonly oidcFlow: OidcSignIn | undefined;

  constructor(@Inject(PAGES_CONFIG) private readonly config: PagesConfig) {
    this.oidcFlow = config.oidc === undefined || config.sessionSecret === undefined ? undefined : new OidcSignIn(config.oidc);
  }

  @Get()
  root(@Res() response: Response): void {
    response.redirect(303, '/app');
  }

  @Get('app')
  start(@Req() request: Request, @Res() response: Response): void {
    const session = sessionOf(request, new Date());
    if (session !== undefined) return response.redirect(303, homeOf(session.principal));
    renderPage(response, 'start.njk', { title: "Children's social care timescales" });
  }

  @Get('app/sign-in')
  signIn(@Req() request: Request, @Res() response: Response): void {
    if (this.config.sessionSecret === undefined) return renderPage(response, 'error.njk', { title: 'Sign-in is not configured', message: 'Set CSC_SESSION_SECRET (32 characters or more) and an identity provider.' }, 503);
    renderPage(response, 'sign-in.njk', { title: 'Sign in', demo: this.config.demo, oidc: this.oidcFlow !== undefined, users: demoItems(), csrf: csrfTokenFor(request, response) });
  }

  @Post('app/sign-in/demo')
  demo(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): void {
    if (!this.config.demo) throw new NotFoundException('demo users exist only in demo mode');
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    const user = DEMO_USERS.find((u) => u.id === body.user);
    if (user === undefined) {
      return renderPage(response, 'sign-in.njk', { title: 'Sign in', demo: true, users: demoItems(), csrf: csrfTokenFor(request, response), errors: [{ text: 'Select who you want to sign in as', href: '#user' }] }, 400);
    }
    startSession(response, user.principal, new Date());
    response.redirect(303, homeOf(user.principal));
  }

  @Get('app/sign-in/oidc')
  async oidc(@Res() response: Response): Promise<void> {
    if (this.oidcFlow === undefined) return renderPage(response, 'error.njk', { title: 'Sign-in is not configured', message: 'Set CSC_AUTH_ISSUER, CSC_OIDC_CLIENT_ID, CSC_PUBLIC_URL and CSC_SESSION_SECRET.' }, 503);
    response.redirect(303, await this.oidcFlow.begin(response));
  }

  @Get('app/sign-in/callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (this.oidcFlow === undefined) throw new NotFoundException('OIDC sign-in is not configured');
    let principal: Principal;
    try {
      principal = await this.oidcFlow.finish(request, response);
    } catch (error) {
      if (error instanceof errors.OPError || error instanceof errors.RPError || error instanceof OidcError) {
        return renderPage(response, 'error.njk', { title: 'Sign-in failed', message: `${error.message}. Start again from the sign-in page.` }, 400);
      }
      throw error;
    }
    startSession(response, principal, new Date());
    response.redirect(303, homeOf(principal));
  }

  @Post('app/sign-out')
  signOut(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): void {
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    endSession(response);
    response.redirect(303, '/app');
  }

  @Get('app/signed-in')
  signedIn(@Req() request: Request, @Res() response: Response): void {
    const session = sessionOf(request, new Date());
    if (session === undefined) return response.redirect(303, '/app/sign-in');
    renderPage(response, 'signed-in.njk', { title: 'Signed in', user: session.principal, csrf: csrfTokenFor(request, response) });
  }
}
