import { createHash } from 'node:crypto';
import type { Redis } from '@csc/redis';

/**
 * Names of the read-model keys: references only (team, IRO, case, allegation, deadline and alert
 * event ids; a user appears only as a hash of their id). Every key of one generation of the read
 * model starts with `base`; `csc rebuild` writes a new generation beside the live one and then
 * moves the generation pointer, so readers never see a half-built read model.
 */
export class ProjectionKeys {
  /** Every read-model key, of every generation, starts with this. */
  readonly namespace: string;
  /** The keys of this generation start with this (`<namespace>` before the first rebuild, `<namespace>:<generation>` after). */
  readonly base: string;

  constructor(readonly prefix: string, readonly generation?: string) {
    this.namespace = `${prefix}:rm:queues`;
    this.base = generation === undefined ? this.namespace : `${this.namespace}:${generation}`;
  }

  /** This projection's keys in another generation. */
  at(generation: string | undefined): ProjectionKeys {
    return new ProjectionKeys(this.prefix, generation);
  }

  /** Sorted set of a team's open deadlines (every deadline of its cases), scored by due instant (ms). */
  team(teamRef: string): string {
    return `${this.base}:team:${teamRef}`;
  }

  /** Sorted set of the open deadlines an IRO owns, scored by due instant (ms). */
  iro(iroRef: string): string {
    return `${this.base}:iro:${iroRef}`;
  }

  /**
   * Hash: case id -> its open deadline ids (a JSON array, soonest due first, those with no
   * timescale last). One hash rather than a key per case: a rebuild writes it in a few commands.
   */
  get caseDeadlineIndex(): string {
    return `${this.base}:case-deadlines`;
  }

  /** The case summary (JSON: team, IRO, open pathways, version). */
  summary(caseId: string): string {
    return `${this.base}:case:${caseId}:summary`;
  }

  /** Hash: deadline id -> the open deadline (JSON). */
  get deadlines(): string {
    return `${this.base}:deadline`;
  }

  /** An alert recipient's inbox: sorted set of alert event ids, scored by when the alert was due to go out (ms). */
  inbox(kind: string, ref: string): string {
    return `${this.base}:inbox:${kind}:${ref}`;
  }

  /** Hash: alert event id -> the alert (JSON, references only). */
  get alerts(): string {
    return `${this.base}:alert`;
  }

  /** Set of the alert event ids a user has marked read (the user named by `userKey`). */
  inboxRead(userKey: string): string {
    return `${this.base}:inbox-read:${userKey}`;
  }

  /** Sorted set of the open LADO allegations, scored by their earliest open due instant (+inf: none). */
  get openAllegations(): string {
    return `${this.base}:allegations:open`;
  }

  /** An allegation's view (JSON: LADO, status, stage, open deadlines, version). */
  allegation(allegationId: string): string {
    return `${this.base}:allegation:${allegationId}`;
  }

  /** Which generation readers use (outside the namespace: not part of the read model). */
  get generationPointer(): string {
    return `${this.prefix}:rm-generation:queues`;
  }

  /** Counter naming each new generation. */
  get generationCounter(): string {
    return `${this.prefix}:rm-generation:queues:seq`;
  }

  /** Pub/sub channel of queue changes (not stored: not part of the read model). */
  get changes(): string {
    return `${this.prefix}:rm-changes:queues`;
  }

  /** The lease that makes one replica the projector. */
  get lease(): string {
    return `${this.prefix}:lease:queues`;
  }
}

/** The keys of the generation readers use now (`keys` names any generation of the same prefix). */
export async function liveKeys(redis: Redis, keys: ProjectionKeys): Promise<ProjectionKeys> {
  return keys.at((await redis.get(keys.generationPointer)) ?? undefined);
}

/** The checkpoint name of the queue projector. */
export const QUEUES_SUBSCRIBER = 'projection-queues';

/** Stream of a user's inbox read-marks: `inbox-<userKey>`. */
export const INBOX_STREAM_PREFIX = 'inbox-';

/**
 * A user's key in Redis keys and stream ids: a SHA-256 of their id (the token's subject, which an
 * identity provider may make an email address), so no personal data appears in key names.
 */
export function userKey(userId: string): string {
  return createHash('sha256').update(`csc-user:${userId}`).digest('hex').slice(0, 32);
}

export function inboxStreamId(userId: string): string {
  return `${INBOX_STREAM_PREFIX}${userKey(userId)}`;
}
