import { allowedLadoEvents } from '@workflows/lado-allegation';
import { fold } from '../support/given-when-then';
import { given, la, lado } from '../support/lado-fixtures';

const open = [la.known('2026-05-20'), la.referred('2026-05-21'), la.considered('2026-05-22')] as const;

describe('LADO allegation: refusals', () => {
  it('an outcome before the initial consideration is not allowed, naming the state and what it allows', () => {
    given(la.known('2026-05-20'), la.referred('2026-05-21')).when(la.outcome('2026-05-22'))
      .thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'referred', allowed: ['InitialConsiderationHeld'] });
  });

  it('closing before an outcome is not allowed', () => {
    given(...open).when(la.closed('2026-06-01')).thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'open' });
  });

  it('a direct referral without the subject is refused naming it', () => {
    given().when(la.referred('2026-05-21')).thenRefused({ code: 'INVALID_FIELD', field: 'subject' });
  });

  it('an allegation concerning no child, or a child twice, is refused', () => {
    given().when(la.known('2026-05-20', { childRefs: [] })).thenRefused({ code: 'INVALID_FIELD', field: 'subject.childRefs' });
    given().when(la.known('2026-05-20', { childRefs: ['child-3', 'child-3'] })).thenRefused({ code: 'INVALID_FIELD', field: 'subject.childRefs[1]' });
  });

  it('a consultation with a route, or a threshold decision without one, is refused', () => {
    given(la.known('2026-05-20'), la.referred('2026-05-21'))
      .when({ ...la.consultation('2026-05-22'), route: 'asv-meeting' } as never).thenRefused({ code: 'INVALID_FIELD', field: 'route' });
    given(la.known('2026-05-20'), la.referred('2026-05-21')).when({ ...la.considered('2026-05-22'), route: undefined } as never).thenRefused({ code: 'INVALID_FIELD', field: 'route' });
  });

  it('a review ASV meeting before any ASV meeting is refused', () => {
    given(...open).when(la.asv('2026-05-26', 'review')).thenRefused({ code: 'INVALID_FIELD', field: 'kind' });
  });

  it('a CPS decision with no police investigation waiting on it is refused', () => {
    given(...open, la.investigation('2026-05-27')).when(la.cps('2026-06-01')).thenRefused({ code: 'INVALID_FIELD', field: 'type' });
  });

  it('a police investigation cannot conclude while it waits on the CPS', () => {
    given(...open, la.investigation('2026-05-27'), la.toCps('2026-06-01')).when(la.concluded('2026-06-02')).thenRefused({ code: 'INVALID_FIELD', field: 'kind' });
  });

  it('the same investigation cannot start twice', () => {
    given(...open, la.investigation('2026-05-27')).when(la.investigation('2026-05-28')).thenRefused({ code: 'INVALID_FIELD', field: 'kind' });
  });

  it('an employer disciplinary must say whether a hearing can be held without investigation', () => {
    given(...open).when({ ...la.investigation('2026-05-27', 'employer-disciplinary'), hearingWithoutFurtherInvestigation: undefined } as never)
      .thenRefused({ code: 'INVALID_FIELD', field: 'hearingWithoutFurtherInvestigation' });
  });

  it('closing while an investigation is still running is refused, naming it', () => {
    const refusal = given(...open, la.investigation('2026-05-27'), la.outcome('2026-06-20')).when(la.closed('2026-06-21'))
      .thenRefused({ code: 'INVALID_FIELD', field: 'type' });
    expect(refusal.message).toContain('still open: police');
  });

  it('a referral dated before the employer knew is refused', () => {
    given(la.known('2026-05-20')).when(la.referred('2026-05-19')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-05-20' });
  });

  it('an outcome dated before the referral is refused', () => {
    given(la.referred('2026-05-21', { subject: { adultRef: 'a', employerRef: 'e', childRefs: ['c'], category: 'sexual', setting: 'health' } }), la.considered('2026-05-22'))
      .when(la.outcome('2026-05-20')).thenRefused({ code: 'OUT_OF_ORDER' });
  });

  it('lists the allowed event types for the case lib', () => {
    expect(allowedLadoEvents(fold(lado, open))).toEqual([
      'AsvMeetingHeld', 'InvestigationStarted', 'ReferredToCps', 'CpsDecisionMade', 'InvestigationConcluded', 'ActionTaken', 'OutcomeRecorded',
    ]);
  });
});
