import { londonDateOf } from '@csc/calendar';
import type { IsoInstant, PathwayEvent } from '@workflows/shared';
import { ValidationError, fromRefusal, type DomainError } from './errors';
import { unknownField, unknownFieldMessage } from './fields';
import type { AnyPathway } from './pathways/types';

/**
 * The generic half of deciding a pathway command, shared by every stream kind (a child's case,
 * an allegation): build the machine event from the command's own fields (whitelisted against
 * the pathway's field spec, dated), then apply it to the instance with the machine's validation.
 */
export type Built = { readonly ok: true; readonly event: PathwayEvent } | { readonly ok: false; readonly error: DomainError };

/**
 * The pathway event a command records: `own` are the command's fields less its envelope (type,
 * stream id, instance, link), with `occurredAt` and optionally `occurredOn` (the London date of
 * occurredAt: refused when it is not).
 */
export function buildPathwayEvent(pathway: AnyPathway, eventType: string, command: string, own: Readonly<Record<string, unknown>>): Built {
  const { occurredAt, occurredOn: givenOn, ...fields } = own;
  const found = unknownField(fields, pathway.fields[eventType] ?? {});
  if (found !== undefined) {
    const topLevel = !found.path.includes('.');
    return { ok: false, error: new ValidationError(found.path, unknownFieldMessage(command, topLevel ? { ...found, known: [...found.known, 'occurredAt', 'occurredOn'] } : found)) };
  }
  const on = londonDateOf(occurredAt as IsoInstant);
  if (givenOn !== undefined && givenOn !== on) {
    return { ok: false, error: new ValidationError('occurredOn', `occurredOn ${JSON.stringify(givenOn)} is not the London date of occurredAt ${String(occurredAt)} (${on})`) };
  }
  return { ok: true, event: { ...fields, type: eventType, occurredAt: occurredAt as IsoInstant, occurredOn: on } };
}

/** Applies the event to the instance's snapshot with the machine's validation: the refusal as a DomainError, or undefined. */
export function refusalOf(pathway: AnyPathway, snapshot: unknown, event: PathwayEvent, where: { readonly instanceId: string; readonly command: string }): DomainError | undefined {
  const applied = pathway.apply(snapshot, event);
  if (applied.ok) return undefined;
  const commandFor = (eventType: string) => Object.entries(pathway.commands).find(([, type]) => type === eventType)?.[0] ?? eventType;
  return fromRefusal(applied.refusal, { pathway: pathway.kind, ...where }, commandFor);
}
