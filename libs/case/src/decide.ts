import type { RulebookRegistry } from '@csc/rulebook';
import type { IsoInstant } from '@workflows/shared';
import { knownRulebook, latestRelease, nonEmpty, occurrence } from './checks';
import type { CaseCommand, CaseLevelCommand } from './commands';
import {
  CaseAlreadyOpenError, CaseNotFoundError, InstanceStillActiveError, OutOfOrderError, UnknownInstanceError, ValidationError, type DomainError,
} from './errors';
import type { CaseEvent, InstanceLink } from './events';
import { unknownField, unknownFieldMessage, type FieldSpec } from './fields';
import { buildPathwayEvent, refusalOf } from './pathway-event';
import { commandTarget } from './pathways/registry';
import type { AnyPathway } from './pathways/types';
import type { CaseState } from './state';

export interface DecideOptions {
  /** The rulebook releases known (default: the built-in ones). */
  readonly rulebooks?: RulebookRegistry;
  /** The council's rulebook for an OpenCase that names none (CSC_RULEBOOK; default 'national'). */
  readonly defaultRulebook?: string;
}

/** New events, or why not. */
export type Decision<E = CaseEvent> = { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly error: DomainError };

const accept = (...events: CaseEvent[]): Decision => ({ ok: true, events });
const refuse = (error: DomainError): { readonly ok: false; readonly error: DomainError } => ({ ok: false, error });

/** Every field of each case-level command (anything else is refused). */
const CASE_LEVEL_FIELDS: { readonly [T in CaseLevelCommand['type']]: FieldSpec<Extract<CaseLevelCommand, { type: T }>> } = {
  OpenCase: { type: true, caseId: true, teamRef: true, rulebook: true, occurredAt: true },
  AllocateIro: { type: true, caseId: true, iroRef: true, occurredAt: true },
  DeallocateIro: { type: true, caseId: true, iroRef: true, occurredAt: true },
  ChangeTeam: { type: true, caseId: true, teamRef: true, occurredAt: true },
};

function decideCaseLevel(command: CaseLevelCommand, state: CaseState, now: IsoInstant, options: DecideOptions): Decision {
  const unknown = unknownField({ ...command }, CASE_LEVEL_FIELDS[command.type]);
  if (unknown !== undefined) return refuse(new ValidationError(unknown.path, unknownFieldMessage(command.type, unknown)));
  const when = { occurredAt: command.occurredAt, recordedAt: now };
  switch (command.type) {
    case 'OpenCase': {
      if (state.opened) return refuse(new CaseAlreadyOpenError(command.caseId));
      const rulebook = command.rulebook ?? options.defaultRulebook ?? 'national';
      const unknownRulebook = knownRulebook(rulebook, options.rulebooks);
      if (unknownRulebook) return refuse(unknownRulebook);
      const bad = nonEmpty(command.teamRef, 'teamRef');
      return bad ? refuse(bad) : accept({ type: 'CaseOpened', ...when, caseId: command.caseId, teamRef: command.teamRef, rulebook });
    }
    case 'AllocateIro': {
      const bad = nonEmpty(command.iroRef, 'iroRef');
      if (bad) return refuse(bad);
      if (state.iroRef === command.iroRef) return accept();
      const previous: CaseEvent[] = state.iroRef === undefined ? [] : [{ type: 'IroDeallocated', ...when, iroRef: state.iroRef }];
      return accept(...previous, { type: 'IroAllocated', ...when, iroRef: command.iroRef });
    }
    case 'DeallocateIro': {
      const bad = nonEmpty(command.iroRef, 'iroRef');
      if (bad) return refuse(bad);
      if (state.iroRef !== command.iroRef) {
        return refuse(new ValidationError('iroRef', `iroRef: ${command.iroRef} is not the allocated IRO (allocated: ${state.iroRef ?? 'none'})`));
      }
      return accept({ type: 'IroDeallocated', ...when, iroRef: command.iroRef });
    }
    case 'ChangeTeam': {
      const bad = nonEmpty(command.teamRef, 'teamRef');
      return bad ? refuse(bad) : accept({ type: 'TeamChanged', ...when, teamRef: command.teamRef });
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

type Located = { readonly instanceId: string; readonly snapshot: unknown } | { readonly error: DomainError };

/** The instance a command names, or a new one where the pathway may start. */
function locate(pathway: AnyPathway, eventType: string, instanceId: unknown, on: string, state: CaseState): Located {
  const mine = Object.values(state.instances).filter((i) => i.pathway === pathway.kind);
  if (instanceId !== undefined) {
    const found = typeof instanceId === 'string' ? state.instances[instanceId] : undefined;
    if (found === undefined || found.pathway !== pathway.kind) return { error: new UnknownInstanceError(pathway.kind, typeof instanceId === 'string' ? instanceId : JSON.stringify(instanceId), mine.map((i) => i.instanceId)) };
    return { instanceId: found.instanceId, snapshot: found.snapshot };
  }
  if (!pathway.starts.includes(eventType)) {
    const known = mine.map((i) => i.instanceId);
    return { error: new ValidationError('instanceId', `instanceId is missing: name the ${pathway.kind} instance (${known.length > 0 ? known.join(', ') : 'the case has none yet'})`) };
  }
  for (const other of mine) {
    if (pathway.active(other.snapshot)) return { error: new InstanceStillActiveError(pathway.kind, other.instanceId, pathway.state(other.snapshot)) };
    const ended = pathway.endedOn(other.snapshot);
    if (ended !== undefined && on < ended) {
      return { error: new OutOfOrderError('occurredOn', ended, `the end of ${pathway.kind} ${other.instanceId}`, `occurredOn ${on} is before the end of ${pathway.kind} ${other.instanceId} on ${ended}`) };
    }
  }
  return { instanceId: `${pathway.instancePrefix}-${(state.started[pathway.kind] ?? 0) + 1}`, snapshot: pathway.start() };
}

/** Fields of a pathway command that are not the event's: where it goes. */
type Envelope = { readonly type: string; readonly caseId: string; readonly instanceId?: unknown; readonly linkedTo?: unknown };

/** The link a new instance names (`linkedTo`), checked against the pathway's link table; or why not. */
function linkOf(pathway: AnyPathway, linkedTo: unknown, starting: boolean, state: CaseState): { readonly link?: InstanceLink } | { readonly error: DomainError } {
  if (linkedTo === undefined) return {};
  const bad = (message: string) => ({ error: new ValidationError('linkedTo', `linkedTo: ${message}`) });
  if (!starting) return bad(`only a command that starts a ${pathway.kind} instance may name what it follows from`);
  const target = typeof linkedTo === 'string' ? state.instances[linkedTo] : undefined;
  if (target === undefined) return bad(`the case has no instance ${JSON.stringify(linkedTo)} (its instances: ${Object.keys(state.instances).join(', ') || 'none'})`);
  const rule = pathway.linksFrom?.find((l) => l.from === target.pathway);
  if (rule === undefined) {
    return bad(`a ${pathway.kind} instance cannot follow from ${target.pathway} ${target.instanceId} (it may follow from: ${pathway.linksFrom?.map((l) => l.from).join(', ') || 'nothing'})`);
  }
  const leads = rule.leadsHere(target.snapshot);
  if (leads !== true) return bad(`${target.pathway} ${target.instanceId} does not lead to ${pathway.kind}: ${leads}`);
  const earlier = Object.values(state.instances).find((i) => i.pathway === pathway.kind && i.linkedTo?.instanceId === target.instanceId);
  if (earlier !== undefined) return bad(`${target.pathway} ${target.instanceId} already led to ${pathway.kind} ${earlier.instanceId}`);
  return { link: { pathway: target.pathway, instanceId: target.instanceId } };
}

function decidePathway(command: Exclude<CaseCommand, CaseLevelCommand>, state: CaseState, now: IsoInstant, options: DecideOptions): Decision {
  const target = commandTarget(command.type);
  if (target === undefined) return refuse(new ValidationError('type', `type: unknown command '${String(command.type)}'`));
  const { pathway, eventType } = target;
  const { type: _type, caseId: _caseId, instanceId, linkedTo, ...own }: Envelope & Record<string, unknown> = command;
  const built = buildPathwayEvent(pathway, eventType, command.type, own);
  if (!built.ok) return refuse(built.error);
  const { event } = built;
  const located = locate(pathway, eventType, instanceId, event.occurredOn, state);
  if ('error' in located) return refuse(located.error);
  const linked = linkOf(pathway, linkedTo, instanceId === undefined, state);
  if ('error' in linked) return refuse(linked.error);
  const refused = refusalOf(pathway, located.snapshot, event, { instanceId: located.instanceId, command: command.type });
  if (refused) return refuse(refused);
  const rulebookVersion = latestRelease(state.rulebook, options.rulebooks);
  return accept({
    type: 'PathwayEventRecorded',
    pathway: pathway.kind,
    instanceId: located.instanceId,
    occurredAt: command.occurredAt,
    recordedAt: now,
    rulebookVersion,
    event,
    ...(linked.link === undefined ? {} : { linkedTo: linked.link }),
  });
}

function isCaseLevel(command: CaseCommand): command is CaseLevelCommand {
  return command.type === 'OpenCase' || command.type === 'AllocateIro' || command.type === 'DeallocateIro' || command.type === 'ChangeTeam';
}

/**
 * What recording `command` at `now` adds to the case: new events, or why not (a DomainError with
 * a stable code). Pure; bad input changes nothing. Pathway events are dated `occurredAt` (world
 * time, on which timeliness is judged) and stamped `recordedAt = now` (recording lag).
 */
export function decide(command: CaseCommand, state: CaseState, now: IsoInstant, options: DecideOptions = {}): Decision {
  if (command === null || typeof command !== 'object') return refuse(new ValidationError('command', 'command: expected an object'));
  const badCase = nonEmpty(command.caseId, 'caseId');
  if (badCase) return refuse(badCase);
  if (!state.opened && command.type !== 'OpenCase') return refuse(new CaseNotFoundError(command.caseId));
  if (state.caseId !== undefined && state.caseId !== command.caseId) {
    return refuse(new ValidationError('caseId', `caseId ${command.caseId} is not this case (${state.caseId})`));
  }
  const badTime = occurrence(command.occurredAt, now);
  if (badTime) return refuse(badTime);
  return isCaseLevel(command) ? decideCaseLevel(command, state, now, options) : decidePathway(command, state, now, options);
}
