import type { PathwayEvent } from '@workflows/shared';

/**
 * The fields a command may carry, as data: `true` for a value, a nested spec for an object (or
 * for each element of an array of objects). A command's fields are whitelisted against its spec
 * before anything is stored, so a name typed into a field that does not exist is refused rather
 * than kept (privacy: events hold references, never names).
 */
export type FieldSpec<T> = { readonly [K in keyof T]-?: SpecOf<NonNullable<T[K]>> };

type SpecOf<V> = [V] extends [readonly (infer U)[]] ? (U extends object ? FieldSpec<U> : true) : [V] extends [object] ? FieldSpec<V> : true;

/** Envelope fields every pathway event has: the command supplies them apart from the event's own. */
type EventEnvelope = 'type' | 'occurredAt' | 'occurredOn';

/** Per event type of a pathway, the spec of its own fields (type-checked to match the event exactly). */
export type EventFieldSpecs<E extends PathwayEvent> = {
  readonly [T in E['type']]: FieldSpec<Omit<Extract<E, { type: T }>, EventEnvelope>>;
};

/** The loose form the registry holds. */
export type AnyFieldSpec = { readonly [field: string]: true | AnyFieldSpec };

/** A field the spec does not know: its path (`placement.childName`) and the fields known there. */
export interface UnknownField {
  readonly path: string;
  readonly known: readonly string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The first field of `value` its spec does not know, or undefined. Values' types are the machine's validation's business. */
export function unknownField(value: Readonly<Record<string, unknown>>, spec: AnyFieldSpec, prefix = ''): UnknownField | undefined {
  for (const [key, inner] of Object.entries(value)) {
    const path = `${prefix}${key}`;
    const known = Object.prototype.hasOwnProperty.call(spec, key) ? spec[key] : undefined;
    if (known === undefined) return { path, known: Object.keys(spec) };
    if (known === true) continue;
    const items = Array.isArray(inner) ? inner.map((item, i) => [`${path}[${i}]`, item] as const) : [[path, inner] as const];
    for (const [where, item] of items) {
      if (!isObject(item)) continue;
      const found = unknownField(item, known, `${where}.`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Whitelists a command's fields: the first unknown one, with a message naming it and what is known. */
export function unknownFieldMessage(command: string, found: UnknownField): string {
  const known = found.known.length > 0 ? found.known.join(', ') : 'none';
  return `${found.path}: ${command} has no such field (known here: ${known}); nothing was recorded`;
}
