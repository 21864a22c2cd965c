import { mis, given, rhiOpened } from '../support/missing-fixtures';

const reported = mis.reported('2026-05-18');
const returned = mis.returned('2026-05-20');

describe('missing episode: before it is reported', () => {
  it('a report of a missing child starts the episode and opens nothing until the return', () => {
    const s = given().when(reported).then('missing', []);
    expect(s.context).toMatchObject({ kind: 'missing', startedOn: '2026-05-18', missingFrom: '2026-05-18T10:00:00Z' });
  });
});

describe('missing episode: while the child is missing', () => {
  it('the return opens both MIS-01 clocks from the return (offered and completed)', () => {
    const s = given(reported).when(returned).then('returned.awaitingOffer', rhiOpened('2026-05-20'));
    expect(s.context).toMatchObject({ returnedAt: '2026-05-20T10:00:00Z', returnTimeKnown: true, returnedHow: 'found-by-police' });
  });

  it('a return recorded as a date only opens the clocks flagged time-unknown', () => {
    given(reported).when(mis.returned('2026-05-20', { timeKnown: false })).then('returned.awaitingOffer', rhiOpened('2026-05-20', ' [time-unknown]'));
  });

  it('the return from an absence (SSDA903 A) ends the episode without a return interview deadline', () => {
    given(mis.reported('2026-05-18', { kind: 'absent' })).when(returned).then('ended', []);
  });

  it('a change of the child\'s status is recorded and opens nothing', () => {
    const s = given(reported).when(mis.statusChanged('2026-05-19')).then('missing', []);
    expect(s.context.childStatus).toBe('looked-after');
  });

  it('a report withdrawn as recorded in error ends the episode with nothing due', () => {
    given(reported).when(mis.withdrawn('2026-05-18')).then('ended', []);
  });
});

describe('missing episode: returned, interview not yet offered', () => {
  const history = [reported, returned] as const;

  it('an offer meets the offered clock; the completed clock keeps running', () => {
    const s = given(...history).when(mis.offered('2026-05-21', { interviewerRole: 'independent-worker', interviewerRef: 'rhi-3' }))
      .then('returned.offered', ['meet rhi-offered @2026-05-21']);
    expect(s.context).toMatchObject({ offeredOn: '2026-05-21', offers: 1, interviewerRole: 'independent-worker', interviewerRef: 'rhi-3' });
  });

  it('an interview completed without a separate offer meets both clocks and keeps the factors as codes', () => {
    const s = given(...history).when(mis.completed('2026-05-22'))
      .then('ended', ['meet rhi-offered @2026-05-22', 'meet rhi-completed @2026-05-22']);
    expect(s.context).toMatchObject({
      interviewOutcome: 'completed', pushFactors: ['conflict-at-home'], pullFactors: ['peer-group'],
      risks: ['county-lines', 'child-criminal-exploitation'],
    });
  });

  it('a decline meets the offer (it was offered) and cancels the interview clock as declined', () => {
    given(...history).when(mis.declined('2026-05-21')).then('ended', ['meet rhi-offered @2026-05-21', 'cancel rhi-completed (rhi-declined) @2026-05-21']);
  });

  it.each(['missing-again', 'in-custody', 'moved-out-of-area'] as const)('not possible (%s) cancels both clocks and keeps the reason', (reason) => {
    const s = given(...history).when(mis.notPossible('2026-05-23', reason))
      .then('ended', ['cancel rhi-offered (rhi-not-possible) @2026-05-23', 'cancel rhi-completed (rhi-not-possible) @2026-05-23']);
    expect(s.context.notPossibleReason).toBe(reason);
  });

  it('the child coming into care is recorded, and the deadlines stay open for the new interviewer', () => {
    const s = given(...history).when(mis.statusChanged('2026-05-21')).then('returned.awaitingOffer', []);
    expect(s.context.childStatus).toBe('looked-after');
  });
});

describe('missing episode: interview offered', () => {
  const history = [reported, returned, mis.offered('2026-05-21', { interviewerRole: 'independent-worker' })] as const;

  it('a further offer (the IRO once the child is in care) is recorded without reopening anything', () => {
    const s = given(...history, mis.statusChanged('2026-05-21')).when(mis.offered('2026-05-22')).then('returned.offered', []);
    expect(s.context).toMatchObject({ offers: 2, offeredOn: '2026-05-21', interviewerRole: 'iro' });
  });

  it('completion meets the interview clock', () => {
    given(...history).when(mis.completed('2026-05-23')).then('ended', ['meet rhi-completed @2026-05-23']);
  });

  it('a decline cancels the interview clock as declined', () => {
    given(...history).when(mis.declined('2026-05-22')).then('ended', ['cancel rhi-completed (rhi-declined) @2026-05-22']);
  });

  it('not possible cancels the interview clock', () => {
    given(...history).when(mis.notPossible('2026-05-22', 'not-contactable')).then('ended', ['cancel rhi-completed (rhi-not-possible) @2026-05-22']);
  });
});
