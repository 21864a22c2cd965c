import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { readAccessLog, recordAccess } from '@csc/access-log';
import type { Principal } from '@csc/auth';
import { AllegationNotFoundError, allegationDeadlinesOf, allegationStreamId, summariseAllegation } from '@csc/case';
import { CurrentPrincipal, type AuthenticatedRequest } from '../http/principal';
import { RecordIdPipe, requireAllowed } from '../cases/access';
import { DeadlinesQuery, HistoryQuery, REASON_HEADER } from '../cases/queries/queries';
import { reasonOf } from '../cases/queries/reason';
import { historyEntry } from '../cases/queries/views';
import { AllegationRecords, type LoadedAllegation } from './allegation-records';

const FACTS = { kind: 'allegation' } as const;

/** Reads of a LADO allegation: the LADO role alone (not auditors, not IROs). History reads are logged first. */
@ApiTags('lado-allegation queries')
@Controller('allegations/:allegationId')
export class AllegationQueriesController {
  constructor(private readonly allegations: AllegationRecords) {}

  @Get()
  @ApiOperation({ operationId: 'getAllegation', summary: "The allegation's state, status and subject references" })
  async summary(@Param('allegationId', new RecordIdPipe('allegationId')) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const loaded = await this.authorised(id, principal, 'read-case');
    response.setHeader('ETag', `"${loaded.revision}"`);
    return { ...summariseAllegation(loaded.state), revision: loaded.revision };
  }

  @Get('deadlines')
  @ApiOperation({ operationId: 'getAllegationDeadlines', summary: "The allegation's deadlines (open and overdue by default)" })
  async deadlines(@Param('allegationId', new RecordIdPipe('allegationId')) id: string, @Query() query: DeadlinesQuery, @CurrentPrincipal() principal: Principal) {
    const { state } = await this.authorised(id, principal, 'read-case');
    const asOf = query.asOf ?? this.allegations.settings.clock().toISOString();
    const all = allegationDeadlinesOf(state, asOf, { calendar: this.allegations.settings.calendar });
    const deadlines = query.status === 'all' ? all : all.filter((d) => d.status === 'open' || (d.status === 'breached' && d.breach === 'overdue'));
    return { allegationId: id, asOf, deadlines };
  }

  @Get('history')
  @ApiHeader({ name: REASON_HEADER, required: false, description: 'Why you are reading the record (kept in the access log)' })
  @ApiOperation({ operationId: 'getAllegationHistory', summary: "The allegation's events, who recorded them and when. The read is logged first." })
  async history(@Param('allegationId', new RecordIdPipe('allegationId')) id: string, @Query() query: HistoryQuery, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    const loaded = await this.authorised(id, principal, 'read-history');
    await this.logAccess(id, 'history', principal, reasonOf(request, query.reason), query.asOf ?? null, request);
    const events = query.asOf === undefined ? loaded.events : loaded.events.filter((event) => Date.parse(event.metadata.recordedAt) <= Date.parse(query.asOf as string));
    return { allegationId: id, streamId: allegationStreamId(id), revision: loaded.revision, asOf: query.asOf ?? null, events: events.map(historyEntry) };
  }

  @Get('access-log')
  @ApiOperation({ operationId: 'getAllegationAccessLog', summary: "Who read this allegation's history (the LADO role alone)" })
  async accessLog(@Param('allegationId', new RecordIdPipe('allegationId')) id: string, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    await this.authorised(id, principal, 'read-history');
    await this.logAccess(id, 'access-log', principal, reasonOf(request, undefined), null, request);
    return { allegationId: id, streamId: allegationStreamId(id), reads: await readAccessLog(await this.allegations.store(), allegationStreamId(id)) };
  }

  private async authorised(id: string, principal: Principal, kind: 'read-case' | 'read-history'): Promise<LoadedAllegation> {
    const loaded = await this.allegations.load(id);
    requireAllowed(principal, { kind }, FACTS);
    if (!loaded.state.opened) throw new AllegationNotFoundError(id);
    return loaded;
  }

  private async logAccess(id: string, what: 'history' | 'access-log', principal: Principal, reason: string | null, asOf: string | null, request: AuthenticatedRequest): Promise<void> {
    const grantedBy = requireAllowed(principal, { kind: 'read-history' }, FACTS);
    await recordAccess(await this.allegations.store(), {
      streamId: allegationStreamId(id), what, userId: principal.userId, roles: principal.roles, grantedBy, reason, asOf,
      at: this.allegations.settings.clock(), requestId: typeof request.id === 'string' ? request.id : '',
    });
  }
}
