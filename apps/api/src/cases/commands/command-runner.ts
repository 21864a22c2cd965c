import { Injectable } from '@nestjs/common';
import type { Principal } from '@csc/auth';
import { CaseNotFoundError, type CaseCommand } from '@csc/case';
import type { RecordedEvent } from '@csc/event-store';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from '../../http/idempotency/interceptor';
import type { AuthenticatedRequest } from '../../http/principal';
import { ifMatchOf, requireAllowed } from '../access';
import { accessFactsOf, CaseRecords } from '../case-records';
import { PreconditionFailedError } from '../errors';
import type { CommandBody, CommandType } from './catalogue';
import type { RecordCommandRunner } from './command-controllers';

/** What a command endpoint answers: the events appended and the case's new revision (references only). */
export interface CommandResult {
  readonly caseId: string;
  readonly streamId: string;
  /** The case's revision after the command: send it as If-Match to insist on this state next time. */
  readonly revision: number;
  /** True when this command had been recorded before (same user and Idempotency-Key): nothing was appended. */
  readonly repeated: boolean;
  readonly events: readonly { readonly id: string; readonly type: string; readonly revision: number; readonly instanceId: string | null; readonly occurredAt: string; readonly recordedAt: string }[];
}

/**
 * The one path of every command endpoint: authorise against the case's
 * allocation, check If-Match, build the command from the validated body and
 * the URL, hand it to the case handler, and map what was appended.
 */
@Injectable()
export class CommandRunner implements RecordCommandRunner {
  constructor(private readonly cases: CaseRecords) {}

  async run<T extends CommandType>(type: T, caseId: string, body: CommandBody<T>, request: AuthenticatedRequest): Promise<CommandResult> {
    const principal = request.principal as Principal;
    const ifMatch = ifMatchOf(request.header('if-match'));
    const command = { ...plain(body), type, caseId } as CaseCommand;
    const { state, events, revision } = await this.cases.load(caseId);
    const facts = state.opened ? accessFactsOf(state) : command.type === 'OpenCase' ? { kind: 'child' as const, teamRef: command.teamRef } : undefined;
    if (facts === undefined) throw new CaseNotFoundError(caseId);
    const role = requireAllowed(principal, { kind: 'command', command: type }, facts);
    if (ifMatch !== undefined && ifMatch !== revision) throw new PreconditionFailedError(ifMatch, revision);
    const handler = await this.cases.handler({ caseId, events }, ifMatch);
    // Keys are per user (as in Redis): two users' equal keys never make one command.
    const idempotencyKey = `${principal.userId}/${idempotencyKeyOf(request.header(IDEMPOTENCY_HEADER))}`;
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    const result = await handler.handle(command, { actor: { userId: principal.userId, role }, idempotencyKey, ...(requestId ? { correlationId: requestId } : {}) });
    return { caseId, streamId: result.streamId, revision: result.revision, repeated: result.repeated, events: result.events.map(eventSummary) };
  }
}

/** The validated body as plain JSON: no class prototypes, no undefined fields. */
export function plain(body: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

export function eventSummary(event: RecordedEvent): CommandResult['events'][number] {
  const instanceId = event.data.instanceId;
  return {
    id: event.id,
    type: event.type,
    revision: event.revision,
    instanceId: typeof instanceId === 'string' ? instanceId : null,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
  };
}
