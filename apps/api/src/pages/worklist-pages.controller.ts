import { Controller, Get, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ForbiddenError, type Principal } from '@csc/auth';
import { Public } from '../http/principal';
import { CaseRecords } from '../cases/case-records';
import { nav } from './nav';
import { PageErrorFilter } from './page-error.filter';
import { PageSessionGuard, PageUser } from './page-guard';
import { renderPage } from './render';
import { csrfTokenFor } from './session';
import { byUrgency, DUE_SOON_DAYS, foldAllCases, iroItems, teamsItems, worklist } from './worklists';

/**
 * A manager's overdue and due-soon list for their teams and an IRO's due
 * dates, computed from the event store on each request (the Redis queue
 * projections will serve these once they land).
 */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@UseGuards(PageSessionGuard)
@Controller('app')
export class WorklistPagesController {
  constructor(private readonly cases: CaseRecords) {}

  @Get('queue')
  async queue(@PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!user.roles.includes('team-manager')) throw new ForbiddenError("the overdue list is for team managers (their teams' cases)");
    const now = this.cases.settings.clock();
    const items = worklist(await foldAllCases(await this.cases.store()), user, now, this.cases.settings.calendar, teamsItems(user));
    renderPage(response, 'queue.njk', { title: 'Overdue and due soon', nav: nav(user, '/app/queue'), user, teams: user.teams, ...byUrgency(items, now), soonDays: DUE_SOON_DAYS, csrf: csrfTokenFor(request, response) });
  }

  @Get('due')
  async due(@PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!user.roles.includes('iro')) throw new ForbiddenError('due dates are listed for IROs (the deadlines they own)');
    const now = this.cases.settings.clock();
    const items = worklist(await foldAllCases(await this.cases.store()), user, now, this.cases.settings.calendar, iroItems(user));
    renderPage(response, 'due.njk', { title: 'My due dates', nav: nav(user, '/app/due'), user, ...byUrgency(items, now), soonDays: DUE_SOON_DAYS, csrf: csrfTokenFor(request, response) });
  }
}
