import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { readAccessLog, recordAccess, type AccessWhat } from '@csc/access-log';
import { ForbiddenError, type CaseAccessFacts, type Principal } from '@csc/auth';
import { CaseNotFoundError, caseStreamId } from '@csc/case';
import { CurrentPrincipal, type AuthenticatedRequest } from '../../http/principal';
import { RecordIdPipe, requireAllowed } from '../access';
import { accessFactsOf, CaseRecords, type LoadedCase } from '../case-records';
import { caseView, deadlinesView, historyEntry } from './views';
import { CaseQuery, DeadlinesQuery, HistoryQuery, REASON_HEADER } from './queries';
import { reasonOf } from './reason';

/**
 * Reads of a child's case: its pathways and states, its deadlines, its
 * history (each read recorded in the access log first) and, for auditors,
 * the access log itself. Authorised by the case's allocation as folded now.
 */
@ApiTags('case queries')
@Controller('cases/:caseId')
export class CaseQueriesController {
  constructor(private readonly cases: CaseRecords) {}

  @Get()
  @ApiOperation({ operationId: 'getCase', summary: "The case's pathway instances, their states and the commands each allows" })
  async state(@Param('caseId', new RecordIdPipe()) caseId: string, @Query() query: CaseQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const loaded = await this.authorised(caseId, principal, 'read-case');
    const { state } = query.asOf === undefined ? loaded : await this.cases.load(caseId, query.asOf);
    response.setHeader('ETag', `"${loaded.revision}"`);
    return caseView(caseId, state, loaded.revision);
  }

  @Get('deadlines')
  @ApiOperation({ operationId: 'getCaseDeadlines', summary: "The case's deadlines (open and overdue by default), each with the rulebook's explanation" })
  async deadlines(@Param('caseId', new RecordIdPipe()) caseId: string, @Query() query: DeadlinesQuery, @CurrentPrincipal() principal: Principal) {
    const { state } = await this.authorised(caseId, principal, 'read-case');
    const asOf = query.asOf ?? this.cases.settings.clock().toISOString();
    return { caseId, asOf, deadlines: deadlinesView(state, asOf, query.status ?? 'open', this.cases.settings.calendar) };
  }

  @Get('history')
  @ApiHeader({ name: REASON_HEADER, required: false, description: 'Why you are reading the record (kept in the access log)' })
  @ApiOperation({ operationId: 'getCaseHistory', summary: "The case's events: what was recorded, when it happened, when and by whom it was recorded. The read is logged first." })
  async history(@Param('caseId', new RecordIdPipe()) caseId: string, @Query() query: HistoryQuery, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    const loaded = await this.cases.load(caseId);
    const grantedBy = requireAllowed(principal, { kind: 'read-history' }, this.factsOf(caseId, loaded));
    await this.logAccess(caseId, 'history', principal, grantedBy, reasonOf(request, query.reason), query.asOf ?? null, request);
    const events = query.asOf === undefined ? loaded.events : loaded.events.filter((event) => Date.parse(event.metadata.recordedAt) <= Date.parse(query.asOf as string));
    return { caseId, streamId: caseStreamId(caseId), revision: loaded.revision, asOf: query.asOf ?? null, events: events.map(historyEntry) };
  }

  @Get('access-log')
  @ApiOperation({ operationId: 'getCaseAccessLog', summary: "Who read this child's history, when and why (auditors); this read is logged too" })
  async accessLog(@Param('caseId', new RecordIdPipe()) caseId: string, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    const loaded = await this.cases.load(caseId);
    const facts = this.factsOf(caseId, loaded);
    if (!principal.roles.includes('auditor')) throw new ForbiddenError('the access log is for auditors');
    const grantedBy = requireAllowed(principal, { kind: 'read-history' }, facts);
    await this.logAccess(caseId, 'access-log', principal, grantedBy, reasonOf(request, undefined), null, request);
    return { caseId, streamId: caseStreamId(caseId), reads: await readAccessLog(await this.cases.store(), caseStreamId(caseId)) };
  }

  private async authorised(caseId: string, principal: Principal, kind: 'read-case'): Promise<LoadedCase> {
    const loaded = await this.cases.load(caseId);
    requireAllowed(principal, { kind }, this.factsOf(caseId, loaded));
    return loaded;
  }

  private factsOf(caseId: string, loaded: LoadedCase): CaseAccessFacts {
    if (!loaded.state.opened) throw new CaseNotFoundError(caseId);
    return accessFactsOf(loaded.state);
  }

  private async logAccess(caseId: string, what: AccessWhat, principal: Principal, grantedBy: string, reason: string | null, asOf: string | null, request: AuthenticatedRequest): Promise<void> {
    await recordAccess(await this.cases.store(), {
      streamId: caseStreamId(caseId), what, userId: principal.userId, roles: principal.roles, grantedBy, reason, asOf,
      at: this.cases.settings.clock(), requestId: typeof request.id === 'string' ? request.id : '',
    });
  }
}
