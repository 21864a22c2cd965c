import { cp, given } from '../support/cp-fixtures';

const onPlan = [cp.strategy('2026-05-20'), cp.icpc('2026-06-11')] as const;
const preBirth = [cp.strategy('2026-05-20'), cp.icpc('2026-06-11', { preBirth: true })] as const;

describe('child protection: on a plan', () => {
  it('the first core group meets its deadline and opens the next one (CP-07, local)', () => {
    given(...onPlan).when(cp.coreGroup('2026-06-22')).then('onPlan.active', [
      'meet core-group-1 @2026-06-22',
      'open core-group-2 CP-07 @2026-06-22',
    ]);
  });

  it('a review conference meets the 3-month review and opens the next from its ACTUAL date (CP-09)', () => {
    given(...onPlan).when(cp.rcpc('2026-09-01')).then('onPlan.active', ['meet rcpc-1 @2026-09-01', 'open rcpc-2 CP-09 @2026-09-01']);
  });

  it('each later review restarts the 6-month clock from its own date, early or late', () => {
    const snapshot = given(...onPlan, cp.rcpc('2026-09-01'))
      .when(cp.rcpc('2026-12-15', { category: 'emotional' }))
      .then('onPlan.active', ['meet rcpc-2 @2026-12-15', 'open rcpc-3 CP-09 @2026-12-15']);
    expect(snapshot.context).toMatchObject({ reviewsHeld: 2, initialCategory: 'neglect', latestCategory: 'emotional' });
  });

  it('a review conference ending the plan meets the review and cancels every other open deadline', () => {
    given(...onPlan, cp.coreGroup('2026-06-22'))
      .when(cp.rcpc('2026-09-01', { decision: 'end-plan' }))
      .then('ended', ['meet rcpc-1 @2026-09-01', 'cancel core-group-2 (plan-ended) @2026-09-01']);
  });

  it('a plan ended for another reason cancels every open deadline', () => {
    given(...onPlan).when(cp.planEnded('2026-07-01', 'moved-away')).then('ended', [
      'cancel core-group-1 (plan-ended) @2026-07-01',
      'cancel rcpc-1 (plan-ended) @2026-07-01',
    ]);
  });
});

describe('child protection: on a pre-birth plan', () => {
  it('the birth opens the post-birth review (CP-10), counted from the birth', () => {
    given(...preBirth).when(cp.born('2026-08-03')).then('onPlan.active', ['open post-birth-review CP-10 @2026-08-03']);
  });

  it('a birth where the mother is not medically fit carries that qualifier for the rulebook', () => {
    given(...preBirth).when(cp.born('2026-08-03', false)).then('onPlan.active', [
      'open post-birth-review CP-10 @2026-08-03 [mother-not-medically-fit]',
    ]);
  });

  it('core groups before the birth meet and reopen the core group deadline', () => {
    given(...preBirth).when(cp.coreGroup('2026-06-20')).then('onPlan.preBirth', [
      'meet core-group-1 @2026-06-20',
      'open core-group-2 CP-07 @2026-06-20',
    ]);
  });

  it('the plan can end before the birth, cancelling what is open', () => {
    given(...preBirth).when(cp.planEnded('2026-07-01', 'other')).then('ended', ['cancel core-group-1 (plan-ended) @2026-07-01']);
  });

  it('a core group after the birth meets the post-birth review, and RCPCs then follow (CP-09)', () => {
    given(...preBirth, cp.born('2026-08-03')).when(cp.coreGroup('2026-08-10')).then('onPlan.active', [
      'meet core-group-1 @2026-08-10',
      'meet post-birth-review @2026-08-10',
      'open core-group-2 CP-07 @2026-08-10',
      'open rcpc-1 CP-09 @2026-08-10',
    ]);
  });

  it('a review conference after the birth meets the post-birth review and opens the next review', () => {
    given(...preBirth, cp.born('2026-08-03')).when(cp.rcpc('2026-08-12')).then('onPlan.active', [
      'meet post-birth-review @2026-08-12',
      'open rcpc-1 CP-09 @2026-08-12',
    ]);
  });
});
