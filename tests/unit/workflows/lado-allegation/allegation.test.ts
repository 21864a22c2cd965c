import { allegationStatus } from '@workflows/lado-allegation';
import { openDeadlines } from '@workflows/shared';
import { deadlineOf } from '../support/deadline-of';
import { fold } from '../support/given-when-then';
import { given, la, lado, resolutionMet, resolutionOpened, subject } from '../support/lado-fixtures';

const known = la.known('2026-05-20');
const referred = [known, la.referred('2026-05-21')] as const;
const open = [...referred, la.considered('2026-05-22')] as const;

describe('LADO allegation: before anything is recorded', () => {
  it('an allegation known to the employer opens the LADO notification deadline (LADO-01, 1 working day)', () => {
    const s = given().when(known).then('knownToEmployer', ['open lado-notification LADO-01 @2026-05-20']);
    expect(s.context.subject).toEqual(subject);
  });

  it('a referral made directly to the LADO opens the case and its resolution markers, with no employer clock', () => {
    given().when(la.referred('2026-05-21', { referrerType: 'parent-or-carer', subject })).then('referred', resolutionOpened('2026-05-21'));
  });
});

describe('LADO allegation: known to the employer', () => {
  it('the referral meets LADO-01 and opens the 1, 3 and 12 month resolution markers (LADO-06)', () => {
    given(known).when(la.referred('2026-05-21')).then('referred', ['meet lado-notification @2026-05-21', ...resolutionOpened('2026-05-21')]);
  });

  it('the intents compute end to end: LADO informed by the next working day, markers at 1, 3 and 12 months', () => {
    const s = fold(lado, [la.known('2025-01-31'), la.referred('2025-01-31')]);
    expect(openDeadlines(s.context.ledger).map((i) => [i.key, deadlineOf(i).dueDate])).toEqual([
      ['resolution-1-month', '2025-02-28'], ['resolution-3-months', '2025-04-30'], ['resolution-12-months', '2026-01-31'],
    ]);
    const [notification] = fold(lado, [la.known('2026-12-24')]).context.ledger.journal;
    expect(notification?.kind === 'open' && deadlineOf(notification).dueDate).toBe('2026-12-29');
  });
});

describe('LADO allegation: referred, awaiting initial consideration', () => {
  it('below the threshold it is a consultation, counted apart, and the markers are cancelled', () => {
    const s = given(...referred).when(la.consultation('2026-05-21')).then('consultation', [
      'cancel resolution-1-month (below-threshold) @2026-05-21', 'cancel resolution-3-months (below-threshold) @2026-05-21',
      'cancel resolution-12-months (below-threshold) @2026-05-21',
    ]);
    expect([s.context.thresholdMet, allegationStatus(s)]).toEqual([false, 'consultation']);
  });

  it('threshold met, to an ASV meeting: the case is open with its markers running', () => {
    const s = given(...referred).when(la.considered('2026-05-22')).then('open', []);
    expect([s.context.thresholdMet, s.context.route, allegationStatus(s)]).toEqual([true, 'asv-meeting', 'open']);
  });

  it('threshold met but clearly unsubstantiated or malicious opens the 1-week resolution (LADO-03)', () => {
    given(...referred).when(la.considered('2026-05-22', 'clearly-unsubstantiated')).then('open', ['open early-resolution LADO-03 @2026-05-22']);
  });

  it('no possible offence and no formal disciplinary opens the employer action deadline (LADO-04, 3 working days)', () => {
    given(...referred).when(la.considered('2026-05-22', 'employer-action')).then('open', ['open employer-action LADO-04 @2026-05-22']);
  });
});

describe('LADO allegation: open', () => {
  it('ASV meetings and review ASV meetings are recorded and counted', () => {
    const s = given(...open, la.asv('2026-05-26')).when(la.asv('2026-07-01', 'review')).then('open', []);
    expect([s.context.asvMeetings, s.context.reviewAsvMeetings]).toEqual([2, 1]);
  });

  it('a police investigation passed to the CPS shows as awaiting a CPS decision until it decides', () => {
    const waiting = given(...open, la.investigation('2026-05-27')).when(la.toCps('2026-06-15')).then('open', []);
    expect([waiting.context.investigations.police, allegationStatus(waiting)]).toEqual(['awaiting-cps', 'awaiting-cps-decision']);
    const decided = given(...open, la.investigation('2026-05-27'), la.toCps('2026-06-15')).when(la.cps('2026-11-02', 'charge')).then('open', []);
    expect([decided.context.cpsDecision, allegationStatus(decided)]).toEqual(['charge', 'under-investigation']);
  });

  it('a police or social care investigation starting or concluding opens and meets nothing', () => {
    given(...open).when(la.investigation('2026-05-27', 'social-care')).then('open', []);
    given(...open, la.investigation('2026-05-27', 'social-care')).when(la.concluded('2026-06-10', 'social-care')).then('open', []);
  });

  it('an employer disciplinary that can go straight to a hearing opens LADO-05, met when it concludes', () => {
    given(...open).when(la.investigation('2026-05-27', 'employer-disciplinary', true)).then('open', ['open disciplinary-hearing LADO-05 @2026-05-27']);
    given(...open, la.investigation('2026-05-27', 'employer-disciplinary', true))
      .when(la.concluded('2026-06-12', 'employer-disciplinary')).then('open', ['meet disciplinary-hearing @2026-06-12']);
  });

  it('an employer disciplinary needing investigation first opens nothing', () => {
    given(...open).when(la.investigation('2026-05-27', 'employer-disciplinary', false)).then('open', []);
  });

  it('an action taken meets the employer action deadline', () => {
    const s = given(...referred, la.considered('2026-05-22', 'employer-action')).when(la.action('2026-05-26', 'training-or-guidance'))
      .then('open', ['meet employer-action @2026-05-26']);
    expect(s.context.actions).toEqual(['training-or-guidance']);
  });

  it('the outcome meets the resolution markers (and an early resolution)', () => {
    given(...referred, la.considered('2026-05-22', 'clearly-unsubstantiated')).when(la.outcome('2026-05-27', 'malicious'))
      .then('outcomeRecorded', [...resolutionMet('2026-05-27'), 'meet early-resolution @2026-05-27']);
  });
});

describe('LADO allegation: outcome recorded', () => {
  const decided = [...open, la.investigation('2026-05-27', 'employer-disciplinary'), la.outcome('2026-06-20')] as const;

  it('dismissal, resignation and DBS referral are recorded as actions', () => {
    const s = given(...decided, la.action('2026-06-25', 'dismissal')).when(la.action('2026-06-26', 'dbs-referral')).then('outcomeRecorded', []);
    expect([s.context.actions, allegationStatus(s)]).toEqual([['dismissal', 'dbs-referral'], 'outcome-recorded']);
  });

  it('investigations still conclude after the outcome', () => {
    given(...decided).when(la.concluded('2026-07-01', 'employer-disciplinary')).then('outcomeRecorded', []);
  });

  it('closing cancels anything still open', () => {
    given(...referred, la.considered('2026-05-22', 'employer-action'), la.outcome('2026-05-23', 'unfounded'))
      .when(la.closed('2026-05-29')).then('closed', ['cancel employer-action (allegation-closed) @2026-05-29']);
  });

  it('closing with nothing open ends the allegation', () => {
    const s = given(...decided, la.concluded('2026-07-01', 'employer-disciplinary')).when(la.closed('2026-07-02')).then('closed', []);
    expect(allegationStatus(s)).toBe('closed');
  });
});
