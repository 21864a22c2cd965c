import type { IsoInstant } from '@workflows/shared';
import { knownRulebook, latestRelease, nonEmpty, occurrence } from '../checks';
import type { DecideOptions, Decision } from '../decide';
import { AllegationAlreadyOpenError, AllegationNotFoundError, ValidationError, type DomainError } from '../errors';
import { unknownField, unknownFieldMessage, type FieldSpec } from '../fields';
import { buildPathwayEvent, refusalOf } from '../pathway-event';
import { LADO_COMMANDS, ladoAllegationPathway } from '../pathways/lado-allegation';
import { ALLEGATION_INSTANCE, type AllegationCommand, type AllegationEvent, type AllegationState, type LadoCommand, type OpenAllegation } from './model';

type AllegationDecision = Decision<AllegationEvent>;
const accept = (...events: AllegationEvent[]): AllegationDecision => ({ ok: true, events });
const refuse = (error: DomainError): AllegationDecision => ({ ok: false, error });

const OPEN_FIELDS: FieldSpec<OpenAllegation> = { type: true, allegationId: true, ladoRef: true, rulebook: true, occurredAt: true };

function open(command: OpenAllegation, state: AllegationState, now: IsoInstant, options: DecideOptions): AllegationDecision {
  const unknown = unknownField({ ...command }, OPEN_FIELDS);
  if (unknown) return refuse(new ValidationError(unknown.path, unknownFieldMessage(command.type, unknown)));
  if (state.opened) return refuse(new AllegationAlreadyOpenError(command.allegationId));
  const rulebook = command.rulebook ?? options.defaultRulebook ?? 'national';
  const bad = knownRulebook(rulebook, options.rulebooks) ?? nonEmpty(command.ladoRef, 'ladoRef');
  if (bad) return refuse(bad);
  return accept({
    type: 'AllegationOpened', allegationId: command.allegationId, ladoRef: command.ladoRef, rulebook, visibility: 'lado-only',
    occurredAt: command.occurredAt, recordedAt: now,
  });
}

function record(command: LadoCommand, state: AllegationState, now: IsoInstant, options: DecideOptions): AllegationDecision {
  const pathway = ladoAllegationPathway;
  const eventType: string | undefined = Object.prototype.hasOwnProperty.call(LADO_COMMANDS, command.type) ? LADO_COMMANDS[command.type] : undefined;
  if (eventType === undefined) return refuse(new ValidationError('type', `type: unknown command '${String(command.type)}'`));
  const { type: _type, allegationId: _id, ...own }: { type: string; allegationId: string } & Record<string, unknown> = command;
  const built = buildPathwayEvent(pathway, eventType, command.type, own);
  if (!built.ok) return refuse(built.error);
  const refused = refusalOf(pathway, state.instance?.snapshot ?? pathway.start(), built.event, { instanceId: ALLEGATION_INSTANCE, command: command.type });
  if (refused) return refuse(refused);
  return accept({
    type: 'PathwayEventRecorded', pathway: pathway.kind, instanceId: ALLEGATION_INSTANCE, occurredAt: command.occurredAt, recordedAt: now,
    rulebookVersion: latestRelease(state.rulebook, options.rulebooks), event: built.event,
  });
}

/**
 * What recording `command` at `now` adds to an allegation's stream, or why not: the same rules
 * and errors as a child's case (INVALID_FIELD naming the field, NOT_ALLOWED_IN_STATE naming the
 * state and the commands allowed, OUT_OF_ORDER), plus ALLEGATION_NOT_FOUND / ALLEGATION_ALREADY_OPEN.
 */
export function decideAllegation(command: AllegationCommand, state: AllegationState, now: IsoInstant, options: DecideOptions = {}): AllegationDecision {
  if (command === null || typeof command !== 'object') return refuse(new ValidationError('command', 'command: expected an object'));
  const badId = nonEmpty(command.allegationId, 'allegationId');
  if (badId) return refuse(badId);
  if (!state.opened && command.type !== 'OpenAllegation') return refuse(new AllegationNotFoundError(command.allegationId));
  if (state.allegationId !== undefined && state.allegationId !== command.allegationId) {
    return refuse(new ValidationError('allegationId', `allegationId ${command.allegationId} is not this allegation (${state.allegationId})`));
  }
  const badTime = occurrence(command.occurredAt, now);
  if (badTime) return refuse(badTime);
  return command.type === 'OpenAllegation' ? open(command, state, now, options) : record(command, state, now, options);
}

/** True for a command of an allegation stream (it names an allegationId, not a caseId). */
export function isAllegationCommand(command: { readonly type: string }): command is AllegationCommand {
  return command.type === 'OpenAllegation' || Object.prototype.hasOwnProperty.call(LADO_COMMANDS, command.type);
}
