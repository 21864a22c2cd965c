/** Names of the queue projection's keys: references only (team, IRO, case and deadline ids). */
export class ProjectionKeys {
  /** Every read-model key starts with this (a rebuild deletes exactly these). */
  readonly namespace: string;

  constructor(readonly prefix: string) {
    this.namespace = `${prefix}:rm:queues`;
  }

  /** Sorted set of a team's open deadlines (every deadline of its cases), scored by due instant (ms). */
  team(teamRef: string): string {
    return `${this.namespace}:team:${teamRef}`;
  }

  /** Sorted set of the open deadlines an IRO owns, scored by due instant (ms). */
  iro(iroRef: string): string {
    return `${this.namespace}:iro:${iroRef}`;
  }

  /** Sorted set of a case's open deadlines (those with no timescale score +inf). */
  caseDeadlines(caseId: string): string {
    return `${this.namespace}:case:${caseId}:deadlines`;
  }

  /** The case summary (JSON: team, IRO, open pathways, version). */
  summary(caseId: string): string {
    return `${this.namespace}:case:${caseId}:summary`;
  }

  /** Hash: deadline id -> the open deadline (JSON). */
  get deadlines(): string {
    return `${this.namespace}:deadline`;
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

/** The checkpoint name of the queue projector. */
export const QUEUES_SUBSCRIBER = 'projection-queues';
