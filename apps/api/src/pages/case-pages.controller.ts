import { Body, Controller, NotFoundException, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { recordAccess } from '@csc/access-log';
import type { Principal } from '@csc/auth';
import { endOfLondonDay } from '@csc/calendar';
import { CaseNotFoundError, caseStreamId } from '@csc/case';
import { caseAsOf, caseHistory, type AuditedEvent } from '@csc/reporting';
import { Public, type AuthenticatedRequest } from '../http/principal';
import { RecordIdPipe, requireAllowed } from '../cases/access';
import { accessFactsOf, CaseRecords, type LoadedCase } from '../cases/case-records';
import type { CommandType } from '../cases/commands/catalogue';
import { CommandRunner } from '../cases/commands/command-runner';
import { caseView, deadlinesView } from '../cases/queries/views';
import { PageErrorFilter } from './page-error.filter';
import { CsrfRefused, PageSessionGuard, PageUser } from './page-guard';
import { commandRequest, formErrorOf, renderForm } from './form-page';
import { blankValues, formSpec, formsFor, validatedBody, valuesOf, type FormSpec } from './forms';
import { renderPage } from './render';
import { csrfTokenFor, csrfValid, CSRF_FIELD } from './session';
import { nav } from './nav';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A child's case page, the auditor's timeline, and the forms that record its common events. */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@UseGuards(PageSessionGuard)
@Controller('app/cases')
export class CasePagesController {
  constructor(
    private readonly cases: CaseRecords,
    private readonly runner: CommandRunner,
  ) {}

  @Get()
  find(@Query('caseId') caseId: string | undefined, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): void {
    if (typeof caseId === 'string' && caseId.trim() !== '') return response.redirect(303, `/app/cases/${encodeURIComponent(caseId.trim())}`);
    renderPage(response, 'find-case.njk', { title: 'Find a case', nav: nav(user, '/app/cases'), user, csrf: csrfTokenFor(request, response) });
  }

  @Get(':caseId')
  async show(@Param('caseId', new RecordIdPipe()) caseId: string, @Query('recorded') recorded: string | undefined, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const loaded = await this.allowed(caseId, user, 'read-case');
    const now = this.cases.settings.clock().toISOString();
    const view = caseView(caseId, loaded.state, loaded.revision);
    const deadlines = deadlinesView(loaded.state, now, 'open', this.cases.settings.calendar);
    const pathways = view.pathways.map((p) => ({ ...p, forms: formsFor('case', p.allowed).map((f) => ({ slug: f.slug, title: f.title })) }));
    const done = typeof recorded === 'string' ? formSpec('case', recorded)?.done : undefined;
    renderPage(response, 'case.njk', { title: `Case ${caseId}`, nav: nav(user, ''), user, caseId, view, pathways, deadlines, recorded: done, csrf: csrfTokenFor(request, response) });
  }

  @Get(':caseId/timeline')
  async timeline(@Param('caseId', new RecordIdPipe()) caseId: string, @Query() query: Record<string, unknown>, @PageUser() user: Principal, @Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const loaded = await this.cases.load(caseId);
    if (!loaded.state.opened) throw new CaseNotFoundError(caseId);
    const grantedBy = requireAllowed(user, { kind: 'read-history' }, accessFactsOf(loaded.state));
    const asOfDate = typeof query.asOf === 'string' && DATE.test(query.asOf) ? query.asOf : undefined;
    const knownAtDate = typeof query.knownAt === 'string' && DATE.test(query.knownAt) ? query.knownAt : undefined;
    await recordAccess(await this.cases.store(), {
      streamId: caseStreamId(caseId), what: 'history', userId: user.userId, roles: user.roles, grantedBy, reason: 'timeline page',
      asOf: asOfDate === undefined ? null : endOfDay(asOfDate), at: this.cases.settings.clock(), requestId: typeof request.id === 'string' ? request.id : '',
    });
    const events = loaded.events as unknown as readonly AuditedEvent[];
    const history = caseHistory(events);
    const options = { calendar: this.cases.settings.calendar };
    const stepText = typeof query.step === 'string' && /^\d{1,9}$/.test(query.step) ? Number(query.step) : undefined;
    let view;
    let step: number | undefined;
    if (asOfDate !== undefined) {
      view = caseAsOf(events, { asOf: endOfDay(asOfDate), ...(knownAtDate ? { knownAt: endOfDay(knownAtDate) } : {}) }, options);
    } else {
      step = Math.min(stepText ?? history.length - 1, history.length - 1);
      const entry = history[step];
      view = entry === undefined ? undefined : caseAsOf(events.slice(0, step + 1), { asOf: entry.occurredAt }, options);
    }
    renderPage(response, 'timeline.njk', {
      title: `Timeline of case ${caseId}`, nav: nav(user, ''), user, caseId, history, step, view, asOfDate: asOfDate ?? '', knownAtDate: knownAtDate ?? '',
      previous: step !== undefined && step > 0 ? step - 1 : undefined, next: step !== undefined && step < history.length - 1 ? step + 1 : undefined,
    });
  }

  @Get(':caseId/record/:form')
  async recordForm(@Param('caseId', new RecordIdPipe()) caseId: string, @Param('form') slug: string, @Query('instanceId') instanceId: string | undefined, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const spec = caseForm(slug);
    await this.allowed(caseId, user, 'read-case');
    renderForm(request, response, { ...this.formPage(spec, caseId, user), values: blankValues(spec, { ...(typeof instanceId === 'string' ? { instanceId } : {}), ...(user.roles.includes('iro') ? { iroRef: user.userId } : {}) }) });
  }

  @Post(':caseId/record/:form')
  async record(@Param('caseId', new RecordIdPipe()) caseId: string, @Param('form') slug: string, @Body() body: Record<string, unknown>, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const spec = caseForm(slug);
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    const values = valuesOf(spec, body);
    const page = { ...this.formPage(spec, caseId, user), values };
    const validated = await validatedBody(spec, values);
    if ('errors' in validated) return renderForm(request, response, { ...page, errors: validated.errors }, 400);
    try {
      await this.runner.run(spec.command as CommandType, caseId, validated.body as never, commandRequest(user, request, values.key));
    } catch (error) {
      const refused = formErrorOf(spec, error);
      if (refused === undefined) throw error;
      return renderForm(request, response, { ...page, errors: refused.errors }, refused.status);
    }
    response.redirect(303, `/app/cases/${encodeURIComponent(caseId)}?recorded=${spec.slug}`);
  }

  private formPage(spec: FormSpec, caseId: string, user: Principal) {
    const back = `/app/cases/${encodeURIComponent(caseId)}`;
    return { spec, action: `${back}/record/${spec.slug}`, caption: `Case ${caseId}`, back, backText: `Back to case ${caseId}`, user };
  }

  private async allowed(caseId: string, user: Principal, kind: 'read-case'): Promise<LoadedCase> {
    const loaded = await this.cases.load(caseId);
    if (!loaded.state.opened) throw new CaseNotFoundError(caseId);
    requireAllowed(user, { kind }, accessFactsOf(loaded.state));
    return loaded;
  }
}

/** The case form named by the URL, or the page-not-found page. */
function caseForm(slug: string): FormSpec {
  const spec = formSpec('case', slug);
  if (spec === undefined) throw new NotFoundException('there is no such form');
  return spec;
}

/** The last millisecond of a London date (views "as of" a date include all of that day). */
function endOfDay(date: string): string {
  return new Date(Date.parse(endOfLondonDay(date)) - 1).toISOString();
}
