import { decide, initialCaseState, type CaseCommand } from '@csc/case';
import { CASE, c, rec } from './support/fixtures';
import { given } from './support/given-when-then';

/** A command whose type does not admit the extra field: what a client could send over the wire. */
const withExtra = (command: CaseCommand, extra: Record<string, unknown>): CaseCommand => Object.assign({}, command, extra);
const opened = rec(c.open('2026-05-18'));

describe('unknown fields are refused, never stored (privacy: a name typed into a field that does not exist)', () => {
  it('on a pathway command, naming the field and the fields known', () => {
    given(opened)
      .when(rec(withExtra(c.strategy('2026-05-20'), { childName: 'Jane Doe' })))
      .thenRefused({ code: 'INVALID_FIELD', field: 'childName', message: expect.stringMatching(/^childName: RecordStrategyDiscussion has no such field \(known here: attendance, decision, rationaleRef, initiatesS47, occurredAt, occurredOn\)/) as unknown });
  });

  it('inside a nested object, naming its path', () => {
    given(opened)
      .when(rec(withExtra(c.strategy('2026-05-20'), { attendance: { police: true, health: true, education: false, others: [], officerName: 'PC Smith' } })))
      .thenRefused({ code: 'INVALID_FIELD', field: 'attendance.officerName' });
    given(opened)
      .when(rec(withExtra(c.lookedAfter('2026-05-20'), { placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard', carerName: 'x' } })))
      .thenRefused({ code: 'INVALID_FIELD', field: 'placement.carerName' });
  });

  it('on every kind of pathway command, including the newly registered ones', () => {
    const extra = { note: 'free text' };
    const commands: CaseCommand[] = [
      withExtra({ type: 'ReportMissing', caseId: CASE, occurredAt: '2026-05-20T10:00:00Z', kind: 'missing', childStatus: 'other' }, extra),
      withExtra({ type: 'RecordReferral', caseId: CASE, occurredAt: '2026-05-20T10:00:00Z', source: '5A' }, extra),
      withExtra({ type: 'RaiseEscalation', caseId: CASE, occurredAt: '2026-05-20T10:00:00Z', iroRef: 'iro-1', teamRef: 't-1', plan: 'care-plan', issues: ['other'] }, extra),
    ];
    for (const command of commands) given(opened).when(rec(command)).thenRefused({ code: 'INVALID_FIELD', field: 'note' });
  });

  it('on case-level commands', () => {
    const refused = decide(withExtra(c.open('2026-05-18'), { childName: 'Jane Doe' }), initialCaseState, '2026-05-18T16:00:00Z');
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_FIELD', field: 'childName' } });
    given(opened).when(rec(withExtra(c.allocateIro('2026-05-19'), { iroName: 'x' }))).thenRefused({ code: 'INVALID_FIELD', field: 'iroName' });
  });

  it('known optional fields and the envelope still pass', () => {
    given(opened)
      .when(rec(withExtra(c.strategy('2026-05-20'), { occurredOn: '2026-05-20' })))
      .then([{ type: 'StrategyDiscussionHeld', data: { instanceId: 'cp-1' } }]);
    given(opened, rec(c.strategy('2026-05-20')))
      .when(rec(c.icpc('2026-06-05', { category: 'neglect' })))
      .then([{ type: 'InitialConferenceHeld' }]);
  });
});
