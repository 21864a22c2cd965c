import { CASE, c, rec } from './support/fixtures';
import { given } from './support/given-when-then';

describe('a case that is not open', () => {
  it('opens with the team and the council rulebook, stamped with occurredAt and recordedAt', () => {
    given()
      .when(rec(c.open('2026-05-18', { rulebook: 'enfield' }), '2026-05-19'))
      .then([{ type: 'CaseOpened', data: { caseId: CASE, teamRef: 'team-north', rulebook: 'enfield', occurredAt: '2026-05-18T10:00:00Z', recordedAt: '2026-05-19T16:00:00Z' } }]);
  });

  it('takes the default rulebook when the command names none', () => {
    given().withOptions({ defaultRulebook: 'enfield' }).when(rec(c.open('2026-05-18'))).then([{ type: 'CaseOpened', data: { rulebook: 'enfield' } }]);
    given().when(rec(c.open('2026-05-18'))).then([{ type: 'CaseOpened', data: { rulebook: 'national' } }]);
  });

  it('refuses an unknown rulebook, naming the field', () => {
    given().when(rec(c.open('2026-05-18', { rulebook: 'narnia' }))).thenRefused({ code: 'INVALID_FIELD', field: 'rulebook' });
  });

  it('refuses any other command as an unknown case', () => {
    given().when(rec(c.strategy('2026-05-20'))).thenRefused({ code: 'CASE_NOT_FOUND', caseId: CASE });
    given().when(rec(c.allocateIro('2026-05-20'))).thenRefused({ code: 'CASE_NOT_FOUND' });
  });

  it('refuses a missing team reference', () => {
    given().when(rec(c.open('2026-05-18', { teamRef: ' ' }))).thenRefused({ code: 'INVALID_FIELD', field: 'teamRef' });
  });
});

describe('an open case', () => {
  const opened = rec(c.open('2026-05-18'));

  it('refuses to open again', () => {
    given(opened).when(rec(c.open('2026-05-19'))).thenRefused({ code: 'CASE_ALREADY_OPEN' });
  });

  it('allocates an IRO, replacing the one allocated', () => {
    given(opened).when(rec(c.allocateIro('2026-05-19'))).then([{ type: 'IroAllocated', data: { iroRef: 'iro-7' } }]);
    given(opened, rec(c.allocateIro('2026-05-19')))
      .when(rec(c.allocateIro('2026-05-20', 'iro-9')))
      .then([{ type: 'IroDeallocated', data: { iroRef: 'iro-7' } }, { type: 'IroAllocated', data: { iroRef: 'iro-9' } }]);
  });

  it('does nothing when the IRO is already allocated', () => {
    given(opened, rec(c.allocateIro('2026-05-19'))).when(rec(c.allocateIro('2026-05-20'))).thenNothingHappened();
  });

  it('deallocates only the allocated IRO', () => {
    given(opened, rec(c.allocateIro('2026-05-19'))).when(rec(c.deallocateIro('2026-05-20'))).then([{ type: 'IroDeallocated' }]);
    given(opened).when(rec(c.deallocateIro('2026-05-20'))).thenRefused({ code: 'INVALID_FIELD', field: 'iroRef' });
  });

  it('changes team', () => {
    given(opened).when(rec(c.changeTeam('2026-05-20'))).then([{ type: 'TeamChanged', data: { teamRef: 'team-south' } }]);
  });

  it('refuses a command for another case id', () => {
    given(opened).when(rec({ ...c.changeTeam('2026-05-20'), caseId: 'c-999' })).thenRefused({ code: 'INVALID_FIELD', field: 'caseId' });
  });

  it('refuses what has not happened yet: occurredAt after the time of recording', () => {
    given(opened).when(rec(c.strategy('2026-05-21'), '2026-05-20')).thenRefused({ code: 'INVALID_FIELD', field: 'occurredAt' });
  });

  it('refuses a malformed occurredAt and an occurredOn that is not its London date', () => {
    given(opened).when(rec({ ...c.strategy('2026-05-20'), occurredAt: '20 May' }, '2026-05-20')).thenRefused({ code: 'INVALID_FIELD', field: 'occurredAt' });
    given(opened)
      .when(rec({ ...c.strategy('2026-05-20'), occurredAt: '2026-05-20T23:30:00Z', occurredOn: '2026-05-20' }, '2026-05-22'))
      .thenRefused({ code: 'INVALID_FIELD', field: 'occurredOn' });
  });

  it('refuses an unknown command type, naming the field', () => {
    const bogus = { ...c.changeTeam('2026-05-20'), type: 'RecordSomethingElse' } as unknown as ReturnType<typeof c.changeTeam>;
    given(opened).when(rec(bogus)).thenRefused({ code: 'INVALID_FIELD', field: 'type' });
  });
});
