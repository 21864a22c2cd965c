import { Body, Controller, Get, NotFoundException, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '@csc/auth';
import { AllegationNotFoundError, allegationDeadlinesOf, summariseAllegation, type AllegationDeadline, type AllegationState } from '@csc/case';
import { Public } from '../http/principal';
import { RecordIdPipe, requireAllowed } from '../cases/access';
import { AllegationRecords } from '../allegations/allegation-records';
import { AllegationRunner } from '../allegations/allegation-runner';
import type { AllegationCommandType } from '../allegations/catalogue';
import { QueueService } from '../queues/queue-service';
import { commandRequest, formErrorOf, renderForm } from './form-page';
import { blankValues, formSpec, FORMS, validatedBody, valuesOf, type FormSpec } from './forms';
import { nav } from './nav';
import { PageErrorFilter } from './page-error.filter';
import { CsrfRefused, PageSessionGuard, PageUser } from './page-guard';
import { PageThrottleGuard } from './page-throttle';
import { renderPage } from './render';
import { csrfTokenFor, csrfValid, CSRF_FIELD } from './session';

const FACTS = { kind: 'allegation' } as const;
/** At most this many allegations on the tracker (a council has tens open at a time). */
const TRACKER_ROWS = 500;
/** Statuses in which the outcome can still be recorded (the allegation's own rules decide; a refusal is shown on the form). */
const OUTCOME_PENDING = new Set(['open', 'under-investigation', 'awaiting-cps-decision']);

const openDeadlines = (state: AllegationState, asOf: string, records: AllegationRecords): AllegationDeadline[] =>
  allegationDeadlinesOf(state, asOf, { calendar: records.settings.calendar }).filter((d) => d.status === 'open' || (d.status === 'breached' && d.breach === 'overdue'));

/** One tracker row: the allegation, its stage and its open deadlines (overdue first, then soonest). */
export function trackerRow(state: AllegationState, deadlines: readonly AllegationDeadline[]) {
  const summary = summariseAllegation(state);
  const sorted = [...deadlines].sort((a, b) => Number(b.status === 'breached') - Number(a.status === 'breached') || (a.dueInstant ?? '9999').localeCompare(b.dueInstant ?? '9999'));
  return {
    allegationId: summary.allegationId, status: summary.status, stage: summary.state, ladoRef: summary.ladoRef ?? null,
    overdue: sorted.filter((d) => d.status === 'breached').length,
    deadlines: sorted.map((d) => ({ id: d.id, ruleId: d.ruleId, title: d.title, dueDate: d.dueDate, timescale: d.timescale, overdue: d.status === 'breached' })),
  };
}

/**
 * The LADO's tracker of open allegations (stage, due dates, overdue first; from the Redis
 * projection of open allegations), an allegation's page (its stream, folded) and its forms.
 * The LADO role alone.
 */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@UseGuards(PageSessionGuard, PageThrottleGuard)
@Controller('app/lado')
export class LadoPagesController {
  constructor(
    private readonly allegations: AllegationRecords,
    private readonly runner: AllegationRunner,
    private readonly queues: QueueService,
  ) {}

  @Get()
  async tracker(@PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    requireAllowed(user, { kind: 'read-case' }, FACTS);
    const now = this.queues.now();
    const asOf = now.toISOString();
    // The LADO's open allegations from the Redis projection (libs/projections), overdue first.
    const { items } = await this.queues.reader.openAllegations(now, { offset: 0, limit: TRACKER_ROWS });
    const rows = items.map((a) => ({
      allegationId: a.allegationId, status: a.status, stage: a.stage, ladoRef: a.ladoRef, overdue: a.overdue,
      deadlines: [...a.deadlines].sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.dueInstant ?? '9999').localeCompare(y.dueInstant ?? '9999'))
        .map((d) => ({ id: d.id, ruleId: d.ruleId, title: d.title, dueDate: d.dueDate, timescale: null, overdue: d.overdue })),
    }));
    rows.sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0));
    renderPage(response, 'lado.njk', { title: 'Open allegations', nav: nav(user, '/app/lado'), user, rows, overdue: rows.filter((r) => r.overdue > 0).length, asOf, csrf: csrfTokenFor(request, response) });
  }

  @Get(':allegationId')
  async show(@Param('allegationId', new RecordIdPipe('allegationId')) id: string, @Query('recorded') recorded: string | undefined, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { state, revision } = await this.loaded(id, user);
    const asOf = this.allegations.settings.clock().toISOString();
    const row = trackerRow(state, openDeadlines(state, asOf, this.allegations));
    const forms = OUTCOME_PENDING.has(row.status) ? FORMS.filter((f) => f.target === 'allegation') : [];
    const done = typeof recorded === 'string' ? formSpec('allegation', recorded)?.done : undefined;
    renderPage(response, 'allegation.njk', { title: `Allegation ${id}`, nav: nav(user, ''), user, row, revision, forms, recorded: done, csrf: csrfTokenFor(request, response) });
  }

  @Get(':allegationId/record/:form')
  async recordForm(@Param('allegationId', new RecordIdPipe('allegationId')) id: string, @Param('form') slug: string, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const spec = allegationForm(slug);
    await this.loaded(id, user);
    renderForm(request, response, { ...formPage(spec, id, user), values: blankValues(spec, {}) });
  }

  @Post(':allegationId/record/:form')
  async record(@Param('allegationId', new RecordIdPipe('allegationId')) id: string, @Param('form') slug: string, @Body() body: Record<string, unknown>, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const spec = allegationForm(slug);
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    const values = valuesOf(spec, body);
    const page = { ...formPage(spec, id, user), values };
    const validated = await validatedBody(spec, values);
    if ('errors' in validated) return renderForm(request, response, { ...page, errors: validated.errors }, 400);
    try {
      await this.runner.run(spec.command as AllegationCommandType, id, validated.body as never, commandRequest(user, request, values.key));
    } catch (error) {
      const refused = formErrorOf(spec, error);
      if (refused === undefined) throw error;
      return renderForm(request, response, { ...page, errors: refused.errors }, refused.status);
    }
    response.redirect(303, `/app/lado/${encodeURIComponent(id)}?recorded=${spec.slug}`);
  }

  private async loaded(id: string, user: Principal) {
    requireAllowed(user, { kind: 'read-case' }, FACTS);
    const loaded = await this.allegations.load(id);
    if (!loaded.state.opened) throw new AllegationNotFoundError(id);
    return loaded;
  }
}

function allegationForm(slug: string): FormSpec {
  const spec = formSpec('allegation', slug);
  if (spec === undefined) throw new NotFoundException('there is no such form');
  return spec;
}

function formPage(spec: FormSpec, id: string, user: Principal) {
  const back = `/app/lado/${encodeURIComponent(id)}`;
  return { spec, action: `${back}/record/${spec.slug}`, caption: `Allegation ${id}`, back, backText: `Back to allegation ${id}`, user };
}
