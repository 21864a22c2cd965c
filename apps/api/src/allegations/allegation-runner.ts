import { Injectable } from '@nestjs/common';
import type { Principal } from '@csc/auth';
import { AllegationNotFoundError, type AllegationCommand } from '@csc/case';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from '../http/idempotency/interceptor';
import type { AuthenticatedRequest } from '../http/principal';
import { ifMatchOf, requireAllowed } from '../cases/access';
import type { RecordCommandRunner } from '../cases/commands/command-controllers';
import { eventSummary, plain } from '../cases/commands/command-runner';
import { PreconditionFailedError } from '../cases/errors';
import { AllegationRecords } from './allegation-records';
import type { AllegationCommandBody, AllegationCommandType } from './catalogue';

/** The LADO's commands: the same path as a case's, on the allegation's own stream, for the LADO role alone. */
@Injectable()
export class AllegationRunner implements RecordCommandRunner {
  constructor(private readonly allegations: AllegationRecords) {}

  async run<T extends AllegationCommandType>(type: T, allegationId: string, body: AllegationCommandBody<T>, request: AuthenticatedRequest) {
    const principal = request.principal as Principal;
    const ifMatch = ifMatchOf(request.header('if-match'));
    const command = { ...plain(body), type, allegationId } as AllegationCommand;
    const { state, events, revision } = await this.allegations.load(allegationId);
    if (!state.opened && command.type !== 'OpenAllegation') throw new AllegationNotFoundError(allegationId);
    const role = requireAllowed(principal, { kind: 'command', command: type }, { kind: 'allegation' });
    if (ifMatch !== undefined && ifMatch !== revision) throw new PreconditionFailedError(ifMatch, revision);
    const handler = await this.allegations.handler({ allegationId, events }, ifMatch);
    const idempotencyKey = `${principal.userId}/${idempotencyKeyOf(request.header(IDEMPOTENCY_HEADER))}`;
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    const result = await handler.handle(command, { actor: { userId: principal.userId, role }, idempotencyKey, ...(requestId ? { correlationId: requestId } : {}) });
    return { allegationId, streamId: result.streamId, revision: result.revision, repeated: result.repeated, events: result.events.map(eventSummary) };
  }
}
