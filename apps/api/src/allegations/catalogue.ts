import type { AllegationCommand } from '@csc/case';
import type { BodyClass } from '../cases/commands/fields';
import { ALLEGATION_BODIES } from './bodies';

export type AllegationCommandType = AllegationCommand['type'];

/** What the client sends: the command without its type and allegation id (both from the URL). */
export type AllegationCommandBody<T extends AllegationCommandType> = Omit<Extract<AllegationCommand, { type: T }>, 'type' | 'allegationId'>;

/** Every LADO command has a body class that fits it (checked at compile time, as for cases). */
export const ALLEGATION_COMMAND_BODIES: { readonly [T in AllegationCommandType]: BodyClass<AllegationCommandBody<T>> } = ALLEGATION_BODIES;

export const ALLEGATION_GROUPS = [{ tag: 'lado-allegation', commands: Object.keys(ALLEGATION_BODIES) }];
