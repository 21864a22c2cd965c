import { given, lac, openedOnEntry, reviewIntents } from '../support/lac-fixtures';

const becameLookedAfter = lac.became('2026-03-30');
const firstReview = lac.review('2026-04-28');

describe('looked after: before the period of care', () => {
  it('becoming looked after opens the first review (LAC-03), care plan, first visit, IHA and PEP from that date', () => {
    const snapshot = given().when(becameLookedAfter).then('lookedAfter.awaitingReview', openedOnEntry('2026-03-30'));
    expect(snapshot.context).toMatchObject({ legalStatus: 'V2', placements: 1, startedOn: '2026-03-30' });
  });
});

describe('looked after: awaiting a review', () => {
  it('the first review meets LAC-03 and the second is due within 3 months of its ACTUAL date (LAC-04)', () => {
    const snapshot = given(becameLookedAfter).when(firstReview).then('lookedAfter.awaitingReview', reviewIntents(1, '2026-04-28', 'LAC-04'));
    expect(snapshot.context.participation).toEqual(['PN1']);
  });

  it('later reviews are due within 6 months of the previous actual review (LAC-05)', () => {
    given(becameLookedAfter, firstReview)
      .when(lac.review('2026-07-20', { participation: 'PN7' }))
      .then('lookedAfter.awaitingReview', reviewIntents(2, '2026-07-20', 'LAC-05'));
  });

  it('an early review (LAC-06) counts as the review and restarts the cycle from its date', () => {
    given(becameLookedAfter, firstReview)
      .when(lac.review('2026-05-15', { timing: 'early', earlyReason: 'iro-request' }))
      .then('lookedAfter.awaitingReview', reviewIntents(2, '2026-05-15', 'LAC-05'));
  });

  it('an adjourned review opens the adjournment deadline (LAC-09) and leaves the review deadline open', () => {
    given(becameLookedAfter).when(lac.adjourned('2026-04-27')).then('lookedAfter.adjourned', ['open adjourned-review-1 LAC-09 @2026-04-27']);
  });

  it('a review with a social worker report still outstanding lapses the report deadline', () => {
    given(becameLookedAfter, lac.scheduled('2026-04-01', '2026-04-28')).when(firstReview).then('lookedAfter.awaitingReview', [
      'meet lac-review-1 @2026-04-28',
      'lapse sw-report-1 @2026-04-28',
      'open lac-review-2 LAC-04 @2026-04-28',
      'open review-record-1 ENF-02 @2026-04-28',
      'open review-decisions-1 ENF-03 @2026-04-28',
    ]);
  });

  it('a review before a significant change meets the LAC-07 deadline as well as the review', () => {
    given(becameLookedAfter, lac.proposed('2026-04-10', 'placement-move'))
      .when(lac.review('2026-04-20', { timing: 'before-significant-change' }))
      .then('lookedAfter.awaitingReview', [
        'meet lac-review-1 @2026-04-20',
        'meet review-before-move-1 @2026-04-20',
        'open lac-review-2 LAC-04 @2026-04-20',
        'open review-record-1 ENF-02 @2026-04-20',
        'open review-decisions-1 ENF-03 @2026-04-20',
      ]);
  });
});

describe('looked after: a review adjourned', () => {
  it('completing an adjourned first review meets the adjournment and the first review', () => {
    given(becameLookedAfter, lac.adjourned('2026-04-27'))
      .when(lac.review('2026-05-06'))
      .then('lookedAfter.awaitingReview', ['meet adjourned-review-1 @2026-05-06', ...reviewIntents(1, '2026-05-06', 'LAC-04')]);
  });

  it('completing an adjourned later review opens the 6-month review', () => {
    given(becameLookedAfter, firstReview, lac.adjourned('2026-07-20'))
      .when(lac.review('2026-07-29'))
      .then('lookedAfter.awaitingReview', ['meet adjourned-review-1 @2026-07-29', ...reviewIntents(2, '2026-07-29', 'LAC-05')]);
  });

  it('a review can be adjourned only once', () => {
    given(becameLookedAfter, lac.adjourned('2026-04-27'))
      .when(lac.adjourned('2026-05-01'))
      .thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'lookedAfter.adjourned' });
  });
});

describe('looked after: before and after a review', () => {
  it('scheduling a review opens the social worker report deadline counted back from the planned date', () => {
    given(becameLookedAfter).when(lac.scheduled('2026-04-01', '2026-04-28')).then('lookedAfter.awaitingReview', [
      'open sw-report-1 ENF-01 @2026-04-01 scheduledFor=2026-04-28',
    ]);
  });

  it('rescheduling cancels the report deadline and opens one for the new date', () => {
    given(becameLookedAfter, lac.scheduled('2026-04-01', '2026-04-28'))
      .when(lac.scheduled('2026-04-08', '2026-04-24'))
      .then('lookedAfter.awaitingReview', [
        'cancel sw-report-1 (review-rescheduled) @2026-04-08',
        'open sw-report-2 ENF-01 @2026-04-08 scheduledFor=2026-04-24',
      ]);
  });

  it('scheduling after the report is in opens no report deadline', () => {
    given(becameLookedAfter, lac.report('2026-04-15')).when(lac.scheduled('2026-04-16', '2026-04-28')).then('lookedAfter.awaitingReview', []);
  });

  it('the social worker report meets its deadline', () => {
    given(becameLookedAfter, lac.scheduled('2026-04-01', '2026-04-28')).when(lac.report('2026-04-20')).then('lookedAfter.awaitingReview', [
      'meet sw-report-1 @2026-04-20',
    ]);
  });

  it('the review record meets the deadline of the review it names', () => {
    given(becameLookedAfter, firstReview).when(lac.record('2026-05-20', 1)).then('lookedAfter.awaitingReview', ['meet review-record-1 @2026-05-20']);
  });

  it("a manager's query inside the window is recorded and closes nothing", () => {
    given(becameLookedAfter, firstReview).when(lac.queried('2026-04-30', 1)).then('lookedAfter.awaitingReview', []);
  });

  it('finalising the decisions closes the query window', () => {
    given(becameLookedAfter, firstReview).when(lac.finalised('2026-05-05', 1)).then('lookedAfter.awaitingReview', ['meet review-decisions-1 @2026-05-05']);
  });

  it('a query after the decisions were finalised is refused, naming the field', () => {
    given(becameLookedAfter, firstReview, lac.finalised('2026-05-05', 1))
      .when(lac.queried('2026-05-06', 1))
      .thenRefused({ code: 'INVALID_FIELD', field: 'reviewNumber' });
  });
});
