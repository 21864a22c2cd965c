import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { filter, map, type Observable } from 'rxjs';
import { authorise, ForbiddenError, type Action, type Principal } from '@csc/auth';
import { icalendar } from '@csc/projections';
import { CurrentPrincipal, Public } from '../http/principal';
import { RecordIdPipe } from '../cases/access';
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
  changes(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    const visible = (teams: readonly string[], iros: readonly string[]): { teams: string[]; iros: string[] } => ({
      teams: teams.filter((teamRef) => authorise(principal, { kind: 'read-team-queue', teamRef }).allowed),
      iros: iros.filter((iroRef) => authorise(principal, { kind: 'read-iro-queue', iroRef }).allowed),
    });
    return this.queues.changes.pipe(
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

  private allowed(principal: Principal, action: Action): void {
    const decision = authorise(principal, action);
    if (!decision.allowed) throw new ForbiddenError(decision.reason);
  }
}
