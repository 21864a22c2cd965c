import type { Principal, Role } from './principal';

/**
 * What a request wants to do. `read-history` (a case's events) is separate
 * from `read-case` (its current state and deadlines) because every history
 * read is itself recorded.
 */
export type Action =
  | { readonly kind: 'read-case' }
  | { readonly kind: 'read-history' }
  | { readonly kind: 'command'; readonly command: string }
  | { readonly kind: 'read-team-queue'; readonly teamRef: string }
  | { readonly kind: 'read-iro-queue'; readonly iroRef: string }
  | { readonly kind: 'administer' };

/**
 * What the policy needs to know about a case, from the read model: a child's
 * case (its team and allocated IRO) or a LADO allegation. For `OpenCase`,
 * the facts describe the case to be opened.
 */
export type CaseAccessFacts =
  | { readonly kind: 'child'; readonly teamRef: string; readonly iroRef?: string | undefined }
  | { readonly kind: 'allegation' };

export type AccessDecision = { readonly allowed: true; readonly grantedBy: Role } | { readonly allowed: false; readonly reason: string };

/** Case-level commands that move a case between people: a team manager's alone. */
export const MANAGER_COMMANDS: readonly string[] = ['AllocateIro', 'DeallocateIro', 'ChangeTeam'];
/** Commands an IRO may not run even on a case allocated to them. */
const NOT_FOR_IRO: readonly string[] = ['OpenCase', ...MANAGER_COMMANDS];

type Rule = (principal: Principal, action: Action, facts: CaseAccessFacts | undefined) => true | string;

const CASE_ACTIONS = new Set<Action['kind']>(['read-case', 'read-history', 'command']);

/** A denial naming the rule; never the case's team or IRO, which the caller may have no right to know. */
const RULES: Readonly<Record<Role, Rule>> = {
  recorder: (principal, action, facts) => {
    if (action.kind === 'read-team-queue') return principal.teams.includes(action.teamRef) || 'a recorder sees the queues of their own teams only';
    if (!CASE_ACTIONS.has(action.kind) || facts?.kind !== 'child') return 'a recorder works on children\'s cases only';
    if (action.kind === 'command' && MANAGER_COMMANDS.includes(action.command)) return `${action.command} is for team managers`;
    return principal.teams.includes(facts.teamRef) || 'a recorder works on the cases of their own teams only';
  },
  iro: (principal, action, facts) => {
    if (action.kind === 'read-iro-queue') return action.iroRef === principal.userId || 'an IRO sees their own queue only';
    if (!CASE_ACTIONS.has(action.kind) || facts?.kind !== 'child') return 'an IRO works on children\'s cases only';
    if (action.kind === 'command' && NOT_FOR_IRO.includes(action.command)) return `${action.command} is not for IROs`;
    return facts.iroRef === principal.userId || 'an IRO sees the children allocated to them only';
  },
  'team-manager': (principal, action, facts) => {
    if (action.kind === 'read-team-queue') return principal.teams.includes(action.teamRef) || 'a team manager sees their own teams\' queues only';
    if (!CASE_ACTIONS.has(action.kind) || facts?.kind !== 'child') return 'a team manager works on children\'s cases only';
    return principal.teams.includes(facts.teamRef) || 'a team manager sees their own teams\' children only';
  },
  lado: (_principal, action, facts) => {
    if (!CASE_ACTIONS.has(action.kind) || facts?.kind !== 'allegation') return 'the LADO role works on allegation records only';
    return true;
  },
  auditor: (_principal, action, facts) => {
    if (action.kind === 'command') return 'auditors read but change nothing';
    if (action.kind === 'administer') return 'auditors do not administer the engine';
    if (facts?.kind === 'allegation') return 'LADO records are visible to the LADO role alone';
    return true;
  },
  admin: (_principal, action) => action.kind === 'administer' || 'administrators run the engine but do not see or change case records',
};

/**
 * May this principal do this? Pure: the caller supplies the case's access
 * facts (from the read model). Each of the principal's roles is asked; the
 * first that grants the action wins, otherwise every role's reason is given.
 * LADO records are visible to the LADO role alone (not even to auditors).
 */
export function authorise(principal: Principal, action: Action, facts?: CaseAccessFacts): AccessDecision {
  if (CASE_ACTIONS.has(action.kind) && facts === undefined) return { allowed: false, reason: 'the case\'s access facts are unknown' };
  const reasons: string[] = [];
  for (const role of principal.roles) {
    const verdict = RULES[role](principal, action, facts);
    if (verdict === true) return { allowed: true, grantedBy: role };
    reasons.push(verdict);
  }
  return { allowed: false, reason: reasons.length > 0 ? reasons.join('; ') : 'the principal holds no engine role' };
}
