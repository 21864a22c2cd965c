import { cp, given } from '../support/cp-fixtures';

describe('child protection: before a strategy discussion', () => {
  it('a discussion that initiates a section 47 enquiry opens the ICPC deadline from its own date (CP-04)', () => {
    given().when(cp.strategy('2026-05-20')).then('s47Enquiry', ['open icpc CP-04 @2026-05-20']);
  });

  it('a discussion that reconvenes opens nothing', () => {
    given().when(cp.furtherStrategy('2026-05-18')).then('strategyDiscussed', []);
  });

  it.each(['child-in-need', 'no-further-action'] as const)('a discussion deciding %s ends the pathway with nothing open', (decision) => {
    given().when(cp.strategy('2026-05-18', { decision, initiatesS47: false })).then('ended', []);
  });

  it('notice of a child on a plan moving in opens the transfer-in conference deadline (CP-12)', () => {
    given().when(cp.transferNotified('2026-03-02')).then('awaitingTransferInConference', ['open transfer-in-conference CP-12 @2026-03-02']);
  });
});

describe('child protection: after a discussion that reconvened', () => {
  const reconvened = cp.furtherStrategy('2026-05-18');

  it('the discussion that initiates the enquiry starts the ICPC clock, not the first contact', () => {
    given(reconvened).when(cp.strategy('2026-05-20')).then('s47Enquiry', ['open icpc CP-04 @2026-05-20']);
  });

  it('reconvening again stays put', () => {
    given(reconvened).when(cp.furtherStrategy('2026-05-19')).then('strategyDiscussed', []);
  });

  it('deciding no further action ends the pathway', () => {
    given(reconvened).when(cp.strategy('2026-05-19', { decision: 'no-further-action', initiatesS47: false })).then('ended', []);
  });
});

describe('child protection: during a section 47 enquiry', () => {
  const initiating = cp.strategy('2026-05-20');

  it('a further strategy discussion is recorded and does not restart the ICPC clock', () => {
    const snapshot = given(initiating).when(cp.furtherStrategy('2026-05-27', { decision: 'section-47' })).then('s47Enquiry', []);
    expect(snapshot.context.s47InitiatedOn).toBe('2026-05-20');
    expect(snapshot.context.lastStrategyOn).toBe('2026-05-27');
  });

  it('an ICPC making a plan meets the ICPC deadline and opens the first core group (CP-06) and first review (CP-08) from its date', () => {
    const snapshot = given(initiating).when(cp.icpc('2026-06-11')).then('onPlan.active', [
      'meet icpc @2026-06-11',
      'open core-group-1 CP-06 @2026-06-11',
      'open rcpc-1 CP-08 @2026-06-11',
    ]);
    expect(snapshot.context).toMatchObject({ planStartedOn: '2026-06-11', initialCategory: 'neglect', latestCategory: 'neglect' });
  });

  it('a pre-birth ICPC making a plan opens the first core group but no review until the birth', () => {
    given(initiating).when(cp.icpc('2026-06-11', { preBirth: true })).then('onPlan.preBirth', [
      'meet icpc @2026-06-11',
      'open core-group-1 CP-06 @2026-06-11',
    ]);
  });

  it('an ICPC that makes no plan meets the deadline and ends the pathway', () => {
    given(initiating).when(cp.icpc('2026-06-15', { outcome: 'no-plan', category: undefined })).then('ended', ['meet icpc @2026-06-15']);
  });

  it('an ICPC found not required cancels the deadline with that reason', () => {
    given(initiating).when(cp.icpcNotRequired('2026-06-01')).then('ended', ['cancel icpc (icpc-not-required) @2026-06-01']);
  });

  it.each(['family-left-area', 'no-significant-harm', 'care-proceedings'] as const)('an ICPC not held because of %s cancels the deadline with that reason', (reason) => {
    given(initiating).when(cp.icpcNotHeld('2026-06-03', reason)).then('ended', [`cancel icpc (${reason}) @2026-06-03`]);
  });
});

describe('child protection: awaiting a transfer-in conference', () => {
  const notified = cp.transferNotified('2026-03-02');

  it('a transfer-in conference continuing the plan meets its deadline and starts the plan clocks', () => {
    given(notified).when(cp.transferConference('2026-03-20')).then('onPlan.active', [
      'meet transfer-in-conference @2026-03-20',
      'open core-group-1 CP-06 @2026-03-20',
      'open rcpc-1 CP-08 @2026-03-20',
    ]);
  });

  it('a transfer-in conference with no plan meets its deadline and ends the pathway', () => {
    given(notified).when(cp.transferConference('2026-03-20', { outcome: 'no-plan', category: undefined })).then('ended', [
      'meet transfer-in-conference @2026-03-20',
    ]);
  });

  it.each(['family-left-area', 'no-significant-harm', 'care-proceedings'] as const)('a transfer-in conference not held because of %s is cancelled', (reason) => {
    given(notified).when(cp.transferNotHeld('2026-03-10', reason)).then('ended', [`cancel transfer-in-conference (${reason}) @2026-03-10`]);
  });
});
