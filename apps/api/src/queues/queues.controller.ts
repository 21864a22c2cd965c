import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { filter, map, type Observable } from 'rxjs';
import { authorise, ForbiddenError, type Action, type CaseAccessFacts, type Principal } from '@csc/auth';
import { MAX_READ_MARKS, icalendar, type InboxRecipient } from '@csc/projections';
import { CurrentPrincipal, Public } from '../http/principal';
import { RecordIdPipe } from '../cases/access';
import { RequestValidationError } from '../http/errors';
import { intParam } from './params';
import { QueueService } from './queue-service';

/**
 * The queue read model over HTTP: a team's overdue and due-soon queues, an IRO's due list, the
 * live stream of queue changes, and each IRO's calendar feed behind a revocable secret token.
 */
@ApiTags('queues')
@Controller('queues')
export class QueuesController {
  constructor(private readonly queues: QueueService) {}

  @Get('teams/:teamRef/overdue')
  @ApiOperation({ operationId: 'getTeamOverdue', summary: "A team's overdue deadlines, most overdue first: how late each is and why it is due (the rulebook)" })
  async overdue(@Param('teamRef', new RecordIdPipe('teamRef')) teamRef: string, @Query('limit') limit: string | undefined, @Query('offset') offset: string | undefined, @CurrentPrincipal() principal: Principal) {
    this.allowed(principal, { kind: 'read-team-queue', teamRef });
    const now = this.queues.now();
    const page = { offset: intParam(offset, 'offset', 0, 0, 1_000_000), limit: intParam(limit, 'limit', 100, 1, 1000) };
    return { teamRef, asOf: now.toISOString(), items: await this.queues.reader.overdue(teamRef, now, page) };
  }

  @Get('teams/:teamRef/due')
  @ApiOperation({ operationId: 'getTeamDueSoon', summary: "A team's deadlines due within the next N working days (default 5), soonest first" })
  async teamDue(@Param('teamRef', new RecordIdPipe('teamRef')) teamRef: string, @Query('workingDays') days: string | undefined, @CurrentPrincipal() principal: Principal) {
    this.allowed(principal, { kind: 'read-team-queue', teamRef });
    const now = this.queues.now();
    const workingDays = intParam(days, 'workingDays', 5, 0, 250);
    return { teamRef, asOf: now.toISOString(), workingDays, items: await this.queues.reader.dueWithin({ kind: 'team', ref: teamRef }, now, workingDays) };
  }

  @Get('iros/:iroRef/due')
  @ApiOperation({ operationId: 'getIroDue', summary: "An IRO's reviews and conferences due within the next N working days (default 10), soonest first" })
  async iroDue(@Param('iroRef', new RecordIdPipe('iroRef')) iroRef: string, @Query('workingDays') days: string | undefined, @CurrentPrincipal() principal: Principal) {
    this.allowed(principal, { kind: 'read-iro-queue', iroRef });
    const now = this.queues.now();
    const workingDays = intParam(days, 'workingDays', 10, 0, 250);
    return { iroRef, asOf: now.toISOString(), workingDays, items: await this.queues.reader.dueWithin({ kind: 'iro', ref: iroRef }, now, workingDays) };
  }

  @Sse('changes')
  @ApiOperation({ operationId: 'streamQueueChanges', summary: 'Server-sent events: each change to a queue the caller may see (team managers: their teams; IROs: their own)' })
  changes(@CurrentPrincipal() principal: Principal, @Req() request: Request): Observable<MessageEvent> {
    const visible = (teams: readonly string[], iros: readonly string[]): { teams: string[]; iros: string[] } => ({
      teams: teams.filter((teamRef) => authorise(principal, { kind: 'read-team-queue', teamRef }).allowed),
      iros: iros.filter((iroRef) => authorise(principal, { kind: 'read-iro-queue', iroRef }).allowed),
    });
    return this.queues.liveChanges(request.socket).pipe(
      map((change) => ({ change, seen: visible(change.teams, change.iros) })),
      filter(({ seen }) => seen.teams.length > 0 || seen.iros.length > 0),
      map(({ change, seen }) => ({ type: 'queue-change', data: { caseId: change.caseId, teams: seen.teams, iros: seen.iros, added: change.added, removed: change.removed } })),
    );
  }

  @Post('iros/:iroRef/calendar-token')
  @HttpCode(201)
  @ApiOperation({ operationId: 'createIroCalendarToken', summary: "Creates (or rotates) the IRO's secret calendar feed token; the old feed URL stops working. Shown once." })
  async createToken(@Param('iroRef', new RecordIdPipe('iroRef')) iroRef: string, @CurrentPrincipal() principal: Principal) {
    if (principal.userId !== iroRef || !principal.roles.includes('iro')) throw new ForbiddenError('an IRO creates a calendar feed for their own list only');
    const token = await this.queues.tokens.rotate(iroRef);
    return { iroRef, token, path: `/queues/calendar/${token}.ics` };
  }

  @Delete('iros/:iroRef/calendar-token')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeIroCalendarToken', summary: "Revokes the IRO's calendar feed token (the IRO, or an administrator)" })
  async revokeToken(@Param('iroRef', new RecordIdPipe('iroRef')) iroRef: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    const own = principal.userId === iroRef && principal.roles.includes('iro');
    if (!own && !authorise(principal, { kind: 'administer' }).allowed) throw new ForbiddenError('an IRO revokes their own calendar feed; an administrator anyone\'s');
    await this.queues.tokens.revoke(iroRef);
  }

  @Public()
  @Get('calendar/:file')
  @ApiOperation({ operationId: 'getIroCalendar', summary: "An IRO's due reviews and conferences as iCalendar (no bearer token: the secret token in the URL is the credential)" })
  async calendar(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    const iroRef = token.length <= 300 ? await this.queues.tokens.verify(token) : undefined;
    if (iroRef === undefined) {
      response.status(404).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no calendar feed here (the link was revoked or rotated)', code: 'NOT_FOUND' }));
      return;
    }
    const items = await this.queues.reader.ownedBy(iroRef);
    response.status(200).type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, no-store');
    response.send(icalendar(items, this.queues.now(), `Due reviews and conferences: ${iroRef}`));
  }

  @Get('inbox')
  @ApiOperation({
    operationId: 'getMyInbox',
    summary: "The caller's own alert inbox, newest first: reminders, breaches and escalations sent to them (an IRO), to their teams, or to their teams' manager (a team manager), each marked read or unread for this user",
  })
  async inbox(@Query('limit') limit: string | undefined, @Query('offset') offset: string | undefined, @Query('unread') unread: string | undefined, @CurrentPrincipal() principal: Principal) {
    const page = { offset: intParam(offset, 'offset', 0, 0, 1_000_000), limit: intParam(limit, 'limit', 50, 1, 500) };
    if (unread !== undefined && unread !== 'true' && unread !== 'false') throw new RequestValidationError([{ field: 'unread', message: 'must be true or false' }]);
    const inbox = await this.queues.reader.inbox(principal.userId, inboxRecipients(principal), page, unread === 'true');
    return { userId: principal.userId, asOf: this.queues.now().toISOString(), ...inbox };
  }

  @Post('inbox/read')
  @HttpCode(204)
  @ApiBody({ schema: { type: 'object', required: ['alertEventIds'], properties: { alertEventIds: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: MAX_READ_MARKS } } } })
  @ApiOperation({ operationId: 'markMyInboxRead', summary: "Marks alerts of the caller's own inbox read: recorded as an InboxAlertsRead event on the user's inbox stream (audited, rebuildable)" })
  async markRead(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<void> {
    const ids = (body as { alertEventIds?: unknown } | null)?.alertEventIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_READ_MARKS || !ids.every((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))) {
      throw new RequestValidationError([{ field: 'alertEventIds', message: `must be a list of 1 to ${MAX_READ_MARKS} alert event ids (UUIDs)` }]);
    }
    const found = await this.queues.reader.inInbox(inboxRecipients(principal), ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw new RequestValidationError([{ field: 'alertEventIds', message: `not in your inbox: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}` }]);
    await this.queues.markRead(principal, ids);
  }

  @Get('allegations')
  @ApiOperation({
    operationId: 'getOpenAllegations',
    summary: "The LADO's open allegations (the LADO role alone): stage, status, each open deadline with its due date and whether it is overdue; the next due first",
  })
  async allegations(@Query('limit') limit: string | undefined, @Query('offset') offset: string | undefined, @CurrentPrincipal() principal: Principal) {
    this.allowed(principal, { kind: 'read-case' }, { kind: 'allegation' });
    const page = { offset: intParam(offset, 'offset', 0, 0, 1_000_000), limit: intParam(limit, 'limit', 200, 1, 1000) };
    const now = this.queues.now();
    return { asOf: now.toISOString(), ...(await this.queues.reader.openAllegations(now, page)) };
  }

  private allowed(principal: Principal, action: Action, facts?: CaseAccessFacts): void {
    const decision = authorise(principal, action, facts);
    if (!decision.allowed) throw new ForbiddenError(decision.reason);
  }
}

/**
 * The alert recipients whose inboxes make up a user's inbox: an IRO's own (by user id); for each
 * of the user's teams, the team's (recorders and managers) and the team manager's (managers).
 */
export function inboxRecipients(principal: Principal): InboxRecipient[] {
  const recipients: InboxRecipient[] = [];
  if (principal.roles.includes('iro')) recipients.push({ kind: 'iro', ref: principal.userId });
  for (const team of principal.teams) {
    if (principal.roles.includes('recorder') || principal.roles.includes('team-manager')) recipients.push({ kind: 'team', ref: team });
    if (principal.roles.includes('team-manager')) recipients.push({ kind: 'team-manager', ref: team });
  }
  return recipients;
}
