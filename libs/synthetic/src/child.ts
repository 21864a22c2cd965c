import type { CaseCommand } from '@csc/case';
import { DAY, HOUR, MINUTE, StreamPlan, office, type SyntheticActor } from './plan';
import type { Rng } from './random';

export type AgeBand = 'under-5' | '5-12' | 'adolescent';

/** The council's people by reference: teams by pathway, IROs, managers. */
export interface Staff {
  readonly assessmentTeams: readonly string[];
  readonly cpTeams: readonly string[];
  readonly lacTeams: readonly string[];
  readonly iros: readonly string[];
  readonly rulebook: string;
}

export const manager = (team: string): SyntheticActor => ({ userId: `tm-${team.replace(/^team-/, '')}`, role: 'team-manager' });
export const worker = (team: string, rng: Rng): SyntheticActor => ({ userId: `sw-${team.replace(/^team-/, '')}-${rng.int(1, 6)}`, role: 'recorder' });
export const iroActor = (iro: string): SyntheticActor => ({ userId: iro, role: 'iro' });

/** One child's case as it is being planned: the stream, the child's facts, instance counters. */
export class ChildBuilder {
  readonly plan: StreamPlan;
  team: string;
  iro: string | undefined;
  private readonly started: Record<string, number> = {};
  missingChainEnd = 0;
  /** When the last IRO escalation on the case ended (the next starts after it). */
  escalationFloor = 0;
  /** Whether the child has been in care (escalations are about care plans). */
  lookedAfter = false;

  constructor(
    readonly caseId: string,
    readonly rng: Rng,
    readonly staff: Staff,
    readonly age: AgeBand,
    team: string,
    openedAt: number,
  ) {
    this.plan = new StreamPlan('case', caseId);
    this.team = team;
    this.plan.add('case', openedAt, worker(team, rng), { type: 'OpenCase', caseId, teamRef: team, rulebook: staff.rulebook, occurredAt: new Date(openedAt).toISOString() });
  }

  /** The id the next started instance of a pathway will get ('cp-2'). */
  next(prefix: string): string {
    this.started[prefix] = (this.started[prefix] ?? 0) + 1;
    return `${prefix}-${this.started[prefix]}`;
  }

  add(chain: string, at: number, actor: SyntheticActor, command: CaseCommand, options: { lag?: number; after?: number } = {}): number {
    return this.plan.add(chain, at, actor, command, options);
  }

  /** A typical recording lag: minutes to a few hours, now and then the next day. */
  lag(): number {
    return this.rng.chance(0.85) ? this.rng.int(5, 240) * MINUTE : this.rng.int(18, 52) * HOUR;
  }

  office(ms: number): number {
    return office(ms, this.rng);
  }

  days(lo: number, hi: number): number {
    return this.rng.between(lo, hi) * DAY;
  }

  allocate(at: number, iro: string): void {
    if (this.iro === iro) return;
    this.iro = iro;
    this.add('case', at, manager(this.team), { type: 'AllocateIro', caseId: this.caseId, iroRef: iro, occurredAt: new Date(at).toISOString() }, { lag: this.lag() });
  }

  changeTeam(at: number, team: string): void {
    if (this.team === team) return;
    this.team = team;
    this.add('case', at, manager(team), { type: 'ChangeTeam', caseId: this.caseId, teamRef: team, occurredAt: new Date(at).toISOString() }, { lag: this.lag() });
  }
}
