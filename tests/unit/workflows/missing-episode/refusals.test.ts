import { allowedMissingEpisodeEvents } from '@workflows/missing-episode';
import { fold } from '../support/given-when-then';
import { given, mis, missingEpisode } from '../support/missing-fixtures';

const reported = mis.reported('2026-05-18');

describe('missing episode: events the state does not allow', () => {
  it('an interview before the child has returned is refused, naming the state and what it allows', () => {
    const refusal = given(reported).when(mis.offered('2026-05-19')).thenRefused({
      code: 'NOT_ALLOWED_IN_STATE', state: 'missing', allowed: ['ChildStatusChanged', 'ChildReturned', 'MissingReportWithdrawn'],
    });
    expect(refusal.message).toContain("ReturnInterviewOffered is not allowed in state 'missing'");
  });

  it('a second return is refused', () => {
    given(reported, mis.returned('2026-05-20')).when(mis.returned('2026-05-21')).thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'returned.awaitingOffer' });
  });

  it('nothing is allowed once the episode has ended: a new episode is a new instance', () => {
    given(reported, mis.returned('2026-05-20'), mis.completed('2026-05-21'))
      .when(mis.reported('2026-05-25'))
      .thenRefused({ code: 'NOT_ALLOWED_IN_STATE', state: 'ended', allowed: [] });
  });

  it('lists the allowed event types for the case lib', () => {
    expect(allowedMissingEpisodeEvents(missingEpisode.start())).toEqual(['MissingReported']);
    expect(allowedMissingEpisodeEvents(fold(missingEpisode, [reported, mis.returned('2026-05-20')]))).toEqual([
      'ReturnInterviewOffered', 'ReturnInterviewCompleted', 'ReturnInterviewDeclined', 'ChildStatusChanged', 'ReturnInterviewNotPossible',
    ]);
  });
});

describe('missing episode: invalid fields', () => {
  it.each([
    ['kind', mis.reported('2026-05-18', { kind: 'lost' as never })],
    ['childStatus', mis.reported('2026-05-18', { childStatus: undefined as never })],
  ])('a report with a bad %s is refused naming it', (field, event) => {
    given().when(event).thenRefused({ code: 'INVALID_FIELD', field });
  });

  it('a return without saying whether its time is known is refused', () => {
    given(reported).when(mis.returned('2026-05-20', { timeKnown: 'yes' as never })).thenRefused({ code: 'INVALID_FIELD', field: 'timeKnown' });
  });

  it('a factor that is not a code (free text about the child) is refused naming its position', () => {
    given(reported, mis.returned('2026-05-20'))
      .when(mis.completed('2026-05-21', { pushFactors: ['conflict-at-home', 'argued with her stepfather' as never] }))
      .thenRefused({ code: 'INVALID_FIELD', field: 'pushFactors[1]' });
  });

  it('a risk listed twice is refused', () => {
    given(reported, mis.returned('2026-05-20')).when(mis.completed('2026-05-21', { risks: ['county-lines', 'county-lines'] }))
      .thenRefused({ code: 'INVALID_FIELD', field: 'risks[1]' });
  });

  it('an offer without the interviewer\'s reference is refused', () => {
    given(reported, mis.returned('2026-05-20')).when(mis.offered('2026-05-21', { interviewerRef: ' ' })).thenRefused({ code: 'INVALID_FIELD', field: 'interviewerRef' });
  });

  it('an occurredOn that is not the London date of occurredAt is refused', () => {
    given(reported).when({ ...mis.returned('2026-05-20'), occurredOn: '2026-05-23' }).thenRefused({ code: 'INVALID_FIELD', field: 'occurredOn' });
  });
});

describe('missing episode: dates out of order', () => {
  it('a return dated before the child went missing is refused', () => {
    given(mis.reported('2026-05-18', {}, '15:00:00Z')).when(mis.returned('2026-05-18', {}, '14:00:00Z'))
      .thenRefused({ code: 'OUT_OF_ORDER', field: 'occurredAt', notBefore: '2026-05-18T15:00:00Z' });
  });

  it('an offer on the day of the return but before its time is refused', () => {
    given(reported, mis.returned('2026-05-20', {}, '18:00:00Z')).when(mis.offered('2026-05-20', {}, '09:00:00Z'))
      .thenRefused({ code: 'OUT_OF_ORDER', field: 'occurredAt', notBefore: '2026-05-20T18:00:00Z' });
  });

  it('an interview dated before the return date is refused', () => {
    given(reported, mis.returned('2026-05-20')).when(mis.completed('2026-05-19')).thenRefused({ code: 'OUT_OF_ORDER', field: 'occurredOn', notBefore: '2026-05-20' });
  });

  it('with a date-only return, an offer later that day is accepted (the time is unknown)', () => {
    given(reported, mis.returned('2026-05-20', { timeKnown: false }, '00:00:00Z'))
      .when(mis.offered('2026-05-20', {}, '09:00:00Z'))
      .then('returned.offered', ['meet rhi-offered @2026-05-20']);
  });
});
