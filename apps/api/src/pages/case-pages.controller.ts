import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
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
import { CommandRunner } from '../cases/commands/command-runner';
import { caseView, deadlinesView } from '../cases/queries/views';
import { PageErrorFilter } from './page-error.filter';
import { CsrfRefused, PageSessionGuard, PageUser } from './page-guard';
import { DECISIONS, formFieldOf, reviewFormOf, summaryItem, validatedReviewBody, type ReviewForm } from './record-form';
import { renderPage } from './render';
import { csrfTokenFor, csrfValid, CSRF_FIELD } from './session';
import { nav } from './nav';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A child's case page, the auditor's timeline, and the form to record a review conference. */
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
    const canRecordReview = view.pathways.filter((p) => p.allowed.includes('RecordReviewConference'));
    renderPage(response, 'case.njk', { title: `Case ${caseId}`, nav: nav(user, ''), user, caseId, view, deadlines, canRecordReview, recorded: recorded === 'review-conference', csrf: csrfTokenFor(request, response) });
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

  @Get(':caseId/record/review-conference')
  async reviewForm(@Param('caseId', new RecordIdPipe()) caseId: string, @Query('instanceId') instanceId: string | undefined, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.allowed(caseId, user, 'read-case');
    const form: ReviewForm = { instanceId: typeof instanceId === 'string' ? instanceId : '', day: '', month: '', year: '', decision: '', key: crypto.randomUUID() };
    renderPage(response, 'review-conference.njk', { title: 'Record a review conference', nav: nav(user, ''), user, caseId, form, decisions: DECISIONS, csrf: csrfTokenFor(request, response) });
  }

  @Post(':caseId/record/review-conference')
  async recordReview(@Param('caseId', new RecordIdPipe()) caseId: string, @Body() body: Record<string, unknown>, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    const form = reviewFormOf(body);
    const validated = await validatedReviewBody(form);
    const again = (errors: readonly { field: string; message: string }[], status: number) => renderPage(response, 'review-conference.njk', {
      title: 'Error: Record a review conference', nav: nav(user, ''), user, caseId, form, decisions: DECISIONS, csrf: csrfTokenFor(request, response),
      errors: errors.map(summaryItem), fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
    }, status);
    if ('errors' in validated) return again(validated.errors, 400);
    try {
      await this.runner.run('RecordReviewConference', caseId, validated.body as never, commandRequest(user, request, form.key));
    } catch (error) {
      const domain = error as { code?: unknown; field?: unknown; message?: string };
      if (typeof domain.code !== 'string' || ['FORBIDDEN', 'CASE_NOT_FOUND'].includes(domain.code) || domain.code.startsWith('EVENT_STORE')) throw error;
      return again([{ field: formFieldOf(domain.field), message: domain.message ?? domain.code }], domain.code === 'NOT_ALLOWED_IN_STATE' ? 409 : 400);
    }
    response.redirect(303, `/app/cases/${encodeURIComponent(caseId)}?recorded=review-conference`);
  }

  private async allowed(caseId: string, user: Principal, kind: 'read-case'): Promise<LoadedCase> {
    const loaded = await this.cases.load(caseId);
    if (!loaded.state.opened) throw new CaseNotFoundError(caseId);
    requireAllowed(user, { kind }, accessFactsOf(loaded.state));
    return loaded;
  }
}

/** The last millisecond of a London date (views "as of" a date include all of that day). */
function endOfDay(date: string): string {
  return new Date(Date.parse(endOfLondonDay(date)) - 1).toISOString();
}

/**
 * The request the command runner reads: the page user as principal, the form's
 * idempotency key (one per form shown, so a double submit records once) and the request id.
 */
function commandRequest(user: Principal, request: Request, key: string): AuthenticatedRequest {
  const idempotencyKey = /^[\x21-\x7e]{1,200}$/.test(key) ? key : crypto.randomUUID();
  return Object.assign(Object.create(request) as AuthenticatedRequest, {
    principal: user,
    header: (name: string) => (name.toLowerCase() === 'idempotency-key' ? idempotencyKey : undefined),
  });
}
