import type { CaseCommand } from '@csc/case';
import type { BodyClass } from './fields';
import { ASSESSMENT_BODIES } from './bodies/assessment';
import { CASE_BODIES } from './bodies/case';
import { CHILD_PROTECTION_BODIES } from './bodies/child-protection';
import { IRO_ESCALATION_BODIES } from './bodies/iro-escalation';
import { LOOKED_AFTER_BODIES } from './bodies/looked-after';
import { MISSING_EPISODE_BODIES } from './bodies/missing-episode';

export type CommandType = CaseCommand['type'];

/** What the client sends for a command: the command without its type and case (both come from the URL). */
export type CommandBody<T extends CommandType> = Omit<Extract<CaseCommand, { type: T }>, 'type' | 'caseId'>;

/**
 * Every command over a child's case has a body class, and each body class
 * fits its command: a command added to libs/case without a body here, or a
 * body that drifts from its command, is a compile error.
 */
export const COMMAND_BODIES: { readonly [T in CommandType]: BodyClass<CommandBody<T>> } = {
  ...CASE_BODIES,
  ...CHILD_PROTECTION_BODIES,
  ...LOOKED_AFTER_BODIES,
  ...MISSING_EPISODE_BODIES,
  ...ASSESSMENT_BODIES,
  ...IRO_ESCALATION_BODIES,
};

/** The OpenAPI tag of each group of command endpoints. */
export const COMMAND_GROUPS: readonly { readonly tag: string; readonly commands: readonly CommandType[] }[] = [
  { tag: 'case', commands: keys(CASE_BODIES) },
  { tag: 'child-protection', commands: keys(CHILD_PROTECTION_BODIES) },
  { tag: 'looked-after', commands: keys(LOOKED_AFTER_BODIES) },
  { tag: 'missing-episode', commands: keys(MISSING_EPISODE_BODIES) },
  { tag: 'assessment', commands: keys(ASSESSMENT_BODIES) },
  { tag: 'iro-escalation', commands: keys(IRO_ESCALATION_BODIES) },
];

function keys<T extends object>(bodies: T): (keyof T & CommandType)[] {
  return Object.keys(bodies) as (keyof T & CommandType)[];
}

/** RecordStrategyDiscussion -> record-strategy-discussion (the route of the command). */
export function commandPath(command: string): string {
  return command.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
