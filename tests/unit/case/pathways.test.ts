import { c, rec } from './support/fixtures';
import { given } from './support/given-when-then';

const opened = rec(c.open('2026-05-18'));

describe('child protection on a case', () => {
  it('a strategy discussion starts the first CP instance, wrapped with pathway, instance and rulebook release', () => {
    given(opened)
      .when(rec(c.strategy('2026-05-20'), '2026-05-22'))
      .then([{
        type: 'StrategyDiscussionHeld',
        data: {
          pathway: 'child-protection', instanceId: 'cp-1', rulebookVersion: 'national@2', recordedAt: '2026-05-22T16:00:00Z',
          event: { type: 'StrategyDiscussionHeld', occurredAt: '2026-05-20T10:00:00Z', occurredOn: '2026-05-20', decision: 'section-47', rationaleRef: 'doc-1' },
        },
      }]);
  });

  it('records an ICPC a week after it was held (recording lag is normal)', () => {
    given(opened, rec(c.strategy('2026-05-20')))
      .when(rec(c.icpc('2026-06-05'), '2026-06-12'))
      .then([{ type: 'InitialConferenceHeld', data: { instanceId: 'cp-1', recordedAt: '2026-06-12T16:00:00Z', event: { occurredOn: '2026-06-05', category: 'neglect' } } }]);
  });

  it('records the pathway event under the latest release of the case rulebook', () => {
    given(rec(c.open('2026-05-18', { rulebook: 'enfield' })))
      .when(rec(c.strategy('2026-05-20')))
      .then([{ data: { rulebookVersion: 'enfield@2' } }]);
  });

  describe('refusals name what is wrong and change nothing', () => {
    it('a command the state does not allow names the pathway, instance, state and allowed commands', () => {
      given(opened, rec(c.strategy('2026-05-20')))
        .when(rec(c.coreGroup('2026-05-27')))
        .thenRefused({
          code: 'NOT_ALLOWED_IN_STATE', pathway: 'child-protection', instanceId: 'cp-1', state: 's47Enquiry', command: 'RecordCoreGroup',
          allowed: ['RecordStrategyDiscussion', 'RecordInitialConference', 'RecordInitialConferenceNotRequired', 'RecordInitialConferenceNotHeld'],
        });
    });

    it('a missing field is named', () => {
      given(opened, rec(c.strategy('2026-05-20')))
        .when(rec(c.icpc('2026-06-05', { category: undefined })))
        .thenRefused({ code: 'INVALID_FIELD', field: 'category' });
      given(opened).when(rec(c.strategy('2026-05-20', { rationaleRef: '' }))).thenRefused({ code: 'INVALID_FIELD', field: 'rationaleRef' });
    });

    it('an ICPC dated before the strategy discussion is out of order', () => {
      given(opened, rec(c.strategy('2026-05-20')))
        .when(rec(c.icpc('2026-05-19')))
        .thenRefused({ code: 'OUT_OF_ORDER', field: 'occurredOn', notBefore: '2026-05-20' });
    });

    it('a command for an instance the case does not hold', () => {
      given(opened, rec(c.strategy('2026-05-20')))
        .when(rec(c.icpc('2026-06-05', { instanceId: 'cp-9' })))
        .thenRefused({ code: 'UNKNOWN_INSTANCE', pathway: 'child-protection', instanceId: 'cp-9', known: ['cp-1'] });
    });

    it("an instance of another pathway is not this pathway's", () => {
      given(opened, rec(c.lookedAfter('2026-05-20')))
        .when(rec(c.icpc('2026-06-05', { instanceId: 'lac-1' })))
        .thenRefused({ code: 'UNKNOWN_INSTANCE', instanceId: 'lac-1', known: [] });
    });

    it('a command that does not start a pathway must name its instance', () => {
      given(opened, rec(c.strategy('2026-05-20')))
        .when(rec(c.icpc('2026-06-05', { instanceId: undefined })))
        .thenRefused({ code: 'INVALID_FIELD', field: 'instanceId' });
    });
  });
});

describe('looked after on a case', () => {
  const lookedAfter = rec(c.lookedAfter('2026-03-30'));

  it('becoming looked after starts lac-1', () => {
    given(opened).when(lookedAfter).then([{ type: 'BecameLookedAfter', data: { pathway: 'looked-after', instanceId: 'lac-1', event: { legalStatus: 'V2' } } }]);
  });

  it('a review dated before the child became looked after is out of order', () => {
    given(opened, lookedAfter)
      .when(rec(c.lacReview('2026-03-27')))
      .thenRefused({ code: 'OUT_OF_ORDER', field: 'occurredOn', notBefore: '2026-03-30' });
  });

  it('a participation code outside PN0-PN7 is named', () => {
    given(opened, lookedAfter).when(rec(c.lacReview('2026-04-20', { participation: 'PN9' as 'PN1' }))).thenRefused({ code: 'INVALID_FIELD', field: 'participation' });
  });

  it('after ceasing, only the review paperwork is allowed', () => {
    given(opened, lookedAfter, rec(c.lacReview('2026-04-20')), rec(c.ceased('2026-05-01')))
      .when(rec(c.visit('2026-05-02')))
      .thenRefused({
        code: 'NOT_ALLOWED_IN_STATE', state: 'ceased', instanceId: 'lac-1',
        allowed: ['CompleteLacReviewRecord', 'QueryLacReviewDecisions', 'FinaliseLacReviewDecisions'],
      });
  });
});
