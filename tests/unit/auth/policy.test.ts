import { authorise, type Action, type CaseAccessFacts, type Principal, type Role } from '@csc/auth';

const as = (role: Role, userId = 'u1', teams: string[] = ['t1']): Principal => ({ userId, roles: [role], teams });

const childOfT1: CaseAccessFacts = { kind: 'child', teamRef: 't1', iroRef: 'u1' };
const childOfT2: CaseAccessFacts = { kind: 'child', teamRef: 't2', iroRef: 'u9' };
const allegation: CaseAccessFacts = { kind: 'allegation' };

const read: Action = { kind: 'read-case' };
const history: Action = { kind: 'read-history' };
const record: Action = { kind: 'command', command: 'RecordReviewHeld' };
const allocate: Action = { kind: 'command', command: 'AllocateIro' };
const open: Action = { kind: 'command', command: 'OpenCase' };
const administer: Action = { kind: 'administer' };

type Row = [string, Principal, Action, CaseAccessFacts | undefined, boolean];

const TABLE: Row[] = [
  ['a recorder reads their team\'s child', as('recorder'), read, childOfT1, true],
  ['a recorder records on their team\'s child', as('recorder'), record, childOfT1, true],
  ['a recorder opens a case for their team', as('recorder'), open, childOfT1, true],
  ['a recorder may not read another team\'s child', as('recorder'), history, childOfT2, false],
  ['a recorder may not allocate an IRO', as('recorder'), allocate, childOfT1, false],
  ['a recorder may not see a LADO allegation', as('recorder'), read, allegation, false],
  ['an IRO reads a child allocated to them', as('iro', 'u1'), history, childOfT1, true],
  ['an IRO records on a child allocated to them', as('iro', 'u1'), record, childOfT1, true],
  ['an IRO may not read a child allocated to someone else, even in their team', as('iro', 'u2'), read, childOfT1, false],
  ['an IRO may not open cases', as('iro', 'u1'), open, childOfT1, false],
  ['an IRO may not reallocate', as('iro', 'u1'), allocate, childOfT1, false],
  ['an IRO may not see LADO data', as('iro'), read, allegation, false],
  ['an IRO sees their own queue', as('iro', 'u1'), { kind: 'read-iro-queue', iroRef: 'u1' }, undefined, true],
  ['an IRO may not see another IRO\'s queue', as('iro', 'u1'), { kind: 'read-iro-queue', iroRef: 'u2' }, undefined, false],
  ['a manager reads their team\'s children', as('team-manager'), read, childOfT1, true],
  ['a manager allocates an IRO in their team', as('team-manager'), allocate, childOfT1, true],
  ['a manager may not read another team\'s child', as('team-manager'), read, childOfT2, false],
  ['a manager sees their team\'s queue', as('team-manager'), { kind: 'read-team-queue', teamRef: 't1' }, undefined, true],
  ['a manager may not see another team\'s queue', as('team-manager'), { kind: 'read-team-queue', teamRef: 't2' }, undefined, false],
  ['the LADO reads an allegation', as('lado'), history, allegation, true],
  ['the LADO records on an allegation', as('lado'), { kind: 'command', command: 'RecordStrategyMeeting' }, allegation, true],
  ['the LADO role does not open children\'s records', as('lado'), read, childOfT1, false],
  ['an auditor reads any child\'s history', as('auditor', 'a1', []), history, childOfT2, true],
  ['an auditor sees any team\'s queue', as('auditor', 'a1', []), { kind: 'read-team-queue', teamRef: 't2' }, undefined, true],
  ['an auditor changes nothing', as('auditor', 'a1', []), record, childOfT1, false],
  ['an auditor may not see LADO data: the LADO role alone', as('auditor', 'a1', []), read, allegation, false],
  ['an admin administers', as('admin'), administer, undefined, true],
  ['an admin does not read children\'s records', as('admin'), read, childOfT1, false],
  ['an admin does not record', as('admin'), record, childOfT1, false],
  ['nobody else administers', as('team-manager'), administer, undefined, false],
];

describe('the access policy', () => {
  it.each(TABLE)('%s', (_name, principal, action, facts, allowed) => {
    expect(authorise(principal, action, facts).allowed).toBe(allowed);
  });

  it('says which role granted the action when a principal holds several', () => {
    const both: Principal = { userId: 'u1', roles: ['auditor', 'lado'], teams: [] };
    expect(authorise(both, read, allegation)).toEqual({ allowed: true, grantedBy: 'lado' });
  });

  it('gives every role\'s reason on denial, naming the rule and never the case\'s team or IRO', () => {
    const decision = authorise({ userId: 'u5', roles: ['iro', 'auditor'], teams: ['t1'] }, record, childOfT2);
    expect(decision).toEqual({ allowed: false, reason: 'an IRO sees the children allocated to them only; auditors read but change nothing' });
    expect(JSON.stringify(decision)).not.toMatch(/t2|u9/);
  });

  it('names the LADO rule when an auditor asks for an allegation', () => {
    expect(authorise(as('auditor'), history, allegation)).toEqual({ allowed: false, reason: 'LADO records are visible to the LADO role alone' });
  });

  it('denies a case action whose facts are unknown, whatever the role', () => {
    expect(authorise(as('auditor'), read, undefined).allowed).toBe(false);
  });
});
