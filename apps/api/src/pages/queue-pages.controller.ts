import { Body, Controller, Get, Inject, Post, Query, Req, Res, Sse, UseFilters, UseGuards, type MessageEvent } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { filter, map, type Observable } from 'rxjs';
import { authorise, ForbiddenError, type Principal } from '@csc/auth';
import { formatLondonTime } from '@csc/calendar';
import { Public } from '../http/principal';
import { inboxRecipients } from '../queues/queues.controller';
import { QueueService } from '../queues/queue-service';
import { nav } from './nav';
import { PageErrorFilter } from './page-error.filter';
import { CsrfRefused, PageSessionGuard, PageUser } from './page-guard';
import { PageThrottleGuard } from './page-throttle';
import { PAGES_CONFIG, type PagesConfig } from './pages-config';
import { renderPage } from './render';
import { csrfTokenFor, csrfValid, CSRF_FIELD } from './session';
import { inboxRow, iroLists, IRO_SOON_WORKING_DAYS, readableTeams, teamLists, TEAM_SOON_WORKING_DAYS } from './worklists';

/** How many alerts of each inbox the page lists. */
const INBOX_ROWS = 100;

/**
 * A manager's overdue and due-soon queues (with a live change stream the page's script
 * follows), an IRO's due dates and calendar-feed link, and the inbox of alerts: read from the
 * Redis queue projection and the alerts' inbox, never folded per request.
 */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@UseGuards(PageSessionGuard, PageThrottleGuard)
@Controller('app')
export class QueuePagesController {
  constructor(
    private readonly queues: QueueService,
    @Inject(PAGES_CONFIG) private readonly config: PagesConfig,
  ) {}

  @Get('queue')
  async queue(@PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!user.roles.includes('team-manager')) throw new ForbiddenError("the overdue list is for team managers (their teams' cases)");
    const now = this.queues.now();
    const teams = readableTeams(user);
    const lists = await teamLists(this.queues.reader, teams, now);
    renderPage(response, 'queue.njk', { title: 'Overdue and due soon', nav: nav(user, '/app/queue'), user, teams, ...lists, soonDays: TEAM_SOON_WORKING_DAYS, asOf: formatLondonTime(now.toISOString()), csrf: csrfTokenFor(request, response) });
  }

  /** Server-sent events: a change to a queue this user may see (the page's script counts them). */
  @Sse('queue/changes')
  changes(@PageUser() user: Principal, @Req() request: Request): Observable<MessageEvent> {
    // Ends when the api stops (QueueService closes the connection), so an open page never holds up a shutdown.
    return this.queues.liveChanges(request.socket).pipe(
      map((change) => ({
        caseId: change.caseId,
        teams: change.teams.filter((teamRef) => user.roles.includes('team-manager') && authorise(user, { kind: 'read-team-queue', teamRef }).allowed),
        iros: change.iros.filter((iroRef) => authorise(user, { kind: 'read-iro-queue', iroRef }).allowed),
      })),
      filter((seen) => seen.teams.length > 0 || seen.iros.length > 0),
      map((seen) => ({ type: 'queue-change', data: seen })),
    );
  }

  @Get('due')
  async due(@PageUser() user: Principal, @Query('feed') feed: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireIro(user);
    const now = this.queues.now();
    const lists = await iroLists(this.queues.reader, user.userId, now);
    renderPage(response, 'due.njk', {
      title: 'My due dates', nav: nav(user, '/app/due'), user, ...lists, soonDays: IRO_SOON_WORKING_DAYS, asOf: formatLondonTime(now.toISOString()),
      feedRevoked: feed === 'revoked', csrf: csrfTokenFor(request, response),
    });
  }

  /** Creates (or replaces) the IRO's secret calendar feed link and shows it, once. */
  @Post('due/calendar-feed')
  async createFeed(@Body() body: Record<string, unknown>, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireIro(user);
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    const token = await this.queues.tokens.rotate(user.userId);
    const url = `${this.origin(request)}/queues/calendar/${encodeURIComponent(token)}.ics`;
    renderPage(response, 'calendar-feed.njk', { title: 'Your calendar feed link', nav: nav(user, '/app/due'), user, url, csrf: csrfTokenFor(request, response) });
  }

  @Post('due/calendar-feed/revoke')
  async revokeFeed(@Body() body: Record<string, unknown>, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireIro(user);
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    await this.queues.tokens.revoke(user.userId);
    response.redirect(303, '/app/due?feed=revoked');
  }

  /** Reminders, breaches and escalations sent to this user (an IRO's own; a manager's teams'), from the inbox projection. */
  @Get('inbox')
  async inboxPage(@PageUser() user: Principal, @Query('read') read: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const recipients = this.recipients(user);
    const inbox = await this.queues.reader.inbox(user.userId, recipients, { offset: 0, limit: INBOX_ROWS });
    renderPage(response, 'inbox.njk', {
      title: 'Alerts', nav: nav(user, '/app/inbox'), user, total: inbox.total, unread: inbox.unread, items: inbox.items.map(inboxRow),
      marked: typeof read === 'string' && /^\d{1,4}$/.test(read) ? Number(read) : undefined, csrf: csrfTokenFor(request, response),
    });
  }

  /** Marks the unread alerts the page lists as read (recorded as an event on the user's inbox stream). */
  @Post('inbox/read')
  async markRead(@Body() body: Record<string, unknown>, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!csrfValid(request, body[CSRF_FIELD])) throw new CsrfRefused('the form token did not match');
    const unread = await this.queues.reader.inbox(user.userId, this.recipients(user), { offset: 0, limit: INBOX_ROWS }, true);
    const ids = unread.items.map((i) => i.eventId);
    if (ids.length > 0) await this.queues.markRead(user, ids);
    response.redirect(303, `/app/inbox?read=${ids.length}`);
  }

  private recipients(user: Principal) {
    const recipients = inboxRecipients(user).filter((r) => r.kind === 'iro' || readableTeams(user).includes(r.ref));
    if (recipients.length === 0) throw new ForbiddenError('alerts are sent to IROs, teams and team managers');
    return recipients;
  }

  private requireIro(user: Principal): void {
    if (!user.roles.includes('iro')) throw new ForbiddenError('due dates and calendar feeds are for IROs (the deadlines they own)');
  }

  /** This service's public origin (CSC_PUBLIC_URL), or the one the browser used. */
  private origin(request: Request): string {
    return this.config.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
  }
}
