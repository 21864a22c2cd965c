import { bodyClass, instant, optional, ref } from '../fields';

export const occurred = {
  occurredAt: instant('When it happened in the world (the meeting, the return): an ISO 8601 instant with an offset, not after the time of recording'),
};

export const inInstance = {
  ...occurred,
  instanceId: optional(ref('The pathway instance (cp-1, lac-2, mis-17). Omit it to start a new instance, on the commands that start one')),
};

type Fields = Parameters<typeof bodyClass>[1];

/** The body of a pathway command: its own fields, plus occurredAt and instanceId. */
// The return type is inferred: the body class of the merged fields.
export function pathwayBody<F extends Fields>(command: string, fields: F) {
  return bodyClass(`${command}Body`, { ...inInstance, ...fields });
}
