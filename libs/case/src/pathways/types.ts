import type { Applied, DeadlineLedger, LocalDate, PathwayEvent } from '@workflows/shared';
import type { AnyFieldSpec, EventFieldSpecs } from '../fields';

/** Who a deadline of a series belongs to: the allocated IRO (conferences, reviews) or the team. */
export type OwnerKind = 'iro' | 'team';

/**
 * A new instance of this pathway may name an instance of another pathway it follows from
 * (`linkedTo`): a strategy discussion held because a referral's decision was to hold one.
 */
export interface PathwayLink {
  /** The pathway of the instance named. */
  readonly from: string;
  /** Whether that instance's snapshot can lead to this pathway; otherwise why not. */
  readonly leadsHere: (snapshot: unknown) => true | string;
}

/**
 * What the case needs to know about a pathway: its machine's pure surface, the commands that
 * record its events, and which of them may start a new instance. One value per pathway kind,
 * listed in `registry.ts`.
 */
export interface PathwayDefinition<K extends string, S, E extends PathwayEvent, C extends Readonly<Record<string, E['type']>>> {
  readonly kind: K;
  /** Instance ids are `<prefix>-<n>`: 'cp-2' is the child's second child protection instance. */
  readonly instancePrefix: string;
  /** Command type -> the pathway event it records (RecordInitialConference -> InitialConferenceHeld). */
  readonly commands: C;
  /** The fields of each event (the command's own fields): anything else is refused (INVALID_FIELD). */
  readonly fields: EventFieldSpecs<E>;
  /** Which other pathway's instance a new instance may be linked to, by reference. */
  readonly linksFrom?: readonly PathwayLink[];
  /** Event types that may begin a new instance (a command of these types without an instanceId). */
  readonly starts: readonly E['type'][];
  start(): S;
  /** Apply with validation: the next snapshot and intents, or the refusal (decide). */
  apply(snapshot: S, event: E): Applied<S>;
  /** Replay a stored, already-accepted event: the bare machine transition (evolve). */
  replay(snapshot: S, event: E): S;
  state(snapshot: S): string;
  allowed(snapshot: S): readonly string[];
  ledger(snapshot: S): DeadlineLedger;
  /** True while the instance runs, so a new instance of the pathway would overlap it. */
  active(snapshot: S): boolean;
  /** The date the instance ended, when it has (a new instance may not begin before it). */
  endedOn(snapshot: S): LocalDate | undefined;
  owner(series: string): OwnerKind;
}

/** A pathway definition with its types erased, as the registry holds it. */
export type AnyPathway = Omit<PathwayDefinition<string, unknown, PathwayEvent, Readonly<Record<string, string>>>, 'fields'> & {
  readonly fields: Readonly<Record<string, AnyFieldSpec>>;
};

export function erase<K extends string, S, E extends PathwayEvent, C extends Readonly<Record<string, E['type']>>>(
  definition: PathwayDefinition<K, S, E, C>,
): AnyPathway {
  return definition;
}

/** The commands of a pathway as a readonly discriminated union, built from its command table. */
export type CommandsOf<E extends PathwayEvent, C extends Readonly<Record<string, E['type']>>> = {
  readonly [N in keyof C & string]: Readonly<
    {
      type: N;
      caseId: string;
      /** The pathway instance; omit it to start a new one (only for the commands that start one). */
      instanceId?: string;
      /** Starting an instance only: the instance of another pathway it follows from ('asm-1'), by reference. */
      linkedTo?: string;
      /** London date of occurredAt; derived from it when omitted. */
      occurredOn?: LocalDate;
    } & Omit<Extract<E, { type: C[N] }>, 'type' | 'occurredOn'>
  >;
}[keyof C & string];
