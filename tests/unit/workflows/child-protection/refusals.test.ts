import { allowedChildProtectionEvents } from '@workflows/child-protection';
import { fold } from '../support/given-when-then';
import { childProtection, cp, given } from '../support/cp-fixtures';

const onPlan = [cp.strategy('2026-05-20'), cp.icpc('2026-06-11')] as const;

describe('child protection: events the state does not allow', () => {
  it('a core group during an enquiry is refused, naming the state and what it allows', () => {
    const refusal = given(cp.strategy('2026-05-20')).when(cp.coreGroup('2026-05-25')).thenRefused({
      code: 'NOT_ALLOWED_IN_STATE',
      state: 's47Enquiry',
      allowed: ['StrategyDiscussionHeld', 'InitialConferenceHeld', 'InitialConferenceNotRequired', 'InitialConferenceNotHeld'],
    });
    expect(refusal.message).toContain("CoreGroupHeld is not allowed in state 's47Enquiry'");
  });

  it('nothing is allowed once the pathway has ended', () => {
    given(cp.strategy('2026-05-20'), cp.icpcNotRequired('2026-06-01'))
      .when(cp.strategy('2026-06-02'))
      .thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'ended', allowed: [] });
  });

  it('a review conference before the birth of a pre-birth plan is refused', () => {
    given(cp.strategy('2026-05-20'), cp.icpc('2026-06-11', { preBirth: true }))
      .when(cp.rcpc('2026-07-01'))
      .thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'onPlan.preBirth', allowed: ['ChildBorn', 'CoreGroupHeld', 'PlanEnded'] });
  });

  it('lists the allowed event types for the case lib', () => {
    expect(allowedChildProtectionEvents(fold(childProtection, onPlan))).toEqual(['CoreGroupHeld', 'ReviewConferenceHeld', 'PlanEnded']);
    expect(allowedChildProtectionEvents(childProtection.start())).toEqual(['StrategyDiscussionHeld', 'TransferInNotified']);
  });
});

describe('child protection: dates out of order', () => {
  it('an ICPC dated before the strategy discussion that initiated the enquiry is refused', () => {
    given(cp.strategy('2026-05-20')).when(cp.icpc('2026-05-19')).thenRefused({
      code: 'OUT_OF_ORDER', field: 'occurredOn', notBefore: '2026-05-20',
    });
  });

  it('a review conference dated before the previous review is refused', () => {
    given(...onPlan, cp.rcpc('2026-09-01')).when(cp.rcpc('2026-08-20')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-09-01' });
  });

  it('a core group dated before the conference that made the plan is refused', () => {
    given(...onPlan).when(cp.coreGroup('2026-06-10')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-06-11' });
  });

  it('a plan ending dated before an open deadline was triggered is refused', () => {
    given(...onPlan, cp.coreGroup('2026-06-22')).when(cp.planEnded('2026-06-15')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-06-22' });
  });

  it('a further strategy discussion dated before the previous one is refused', () => {
    given(cp.strategy('2026-05-20')).when(cp.furtherStrategy('2026-05-19')).thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-05-20' });
  });

  it('a birth dated before the pre-birth conference is refused', () => {
    given(cp.strategy('2026-05-20'), cp.icpc('2026-06-11', { preBirth: true }))
      .when(cp.born('2026-06-01'))
      .thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-06-11' });
  });

  it('a core group after the birth cannot be dated before the birth it meets the review for', () => {
    given(cp.strategy('2026-05-20'), cp.icpc('2026-06-11', { preBirth: true }), cp.born('2026-08-03'))
      .when(cp.coreGroup('2026-08-01'))
      .thenRefused({ code: 'OUT_OF_ORDER', notBefore: '2026-08-03' });
  });
});

describe('child protection: missing or invalid fields', () => {
  it('a plan without a category is refused, naming the field', () => {
    given(cp.strategy('2026-05-20')).when(cp.icpc('2026-06-11', { category: undefined })).thenRefused({ code: 'INVALID_FIELD', field: 'category' });
  });

  it('a strategy discussion without a rationale reference is refused', () => {
    given().when(cp.strategy('2026-05-20', { rationaleRef: ' ' })).thenRefused({ code: 'INVALID_FIELD', field: 'rationaleRef' });
  });

  it('a strategy discussion with unknown attendance is refused, naming the field', () => {
    const attendance = { police: true, health: 'yes', education: false, others: [] } as unknown as { police: boolean; health: boolean; education: boolean; others: string[] };
    given().when(cp.strategy('2026-05-20', { attendance })).thenRefused({ code: 'INVALID_FIELD', field: 'attendance.health' });
  });

  it('a discussion claiming to initiate a second enquiry while one is open is refused', () => {
    given(cp.strategy('2026-05-20')).when(cp.strategy('2026-05-27')).thenRefused({ code: 'INVALID_FIELD', field: 'initiatesS47' });
  });

  it('initiatesS47 must agree with a section-47 decision', () => {
    given().when(cp.strategy('2026-05-20', { initiatesS47: false })).thenRefused({ code: 'INVALID_FIELD', field: 'initiatesS47' });
  });

  it('a local date that cannot be the London date of the instant is refused', () => {
    given().when({ ...cp.strategy('2026-05-20'), occurredAt: '2026-05-22T10:00:00Z' }).thenRefused({ code: 'INVALID_FIELD', field: 'occurredOn' });
  });

  it('an instant without an offset is refused', () => {
    given().when({ ...cp.strategy('2026-05-20'), occurredAt: '2026-05-20T10:00:00' }).thenRefused({ code: 'INVALID_FIELD', field: 'occurredAt' });
  });

  it('an unknown not-held reason is refused', () => {
    const event = { ...cp.icpcNotHeld('2026-06-01', 'care-proceedings'), reason: 'lost' } as unknown as ReturnType<typeof cp.icpcNotRequired>;
    given(cp.strategy('2026-05-20')).when(event).thenRefused({ code: 'INVALID_FIELD', field: 'reason' });
  });
});
