import type { Request } from 'express';
import { occurredAtOf, summaryItem, validatedReviewBody, formFieldOf, type ReviewForm } from '../../../../apps/api/src/pages/record-form';
import { csrfValid, sessionOf } from '../../../../apps/api/src/pages/session';
import { byUrgency, type WorklistItem } from '../../../../apps/api/src/pages/worklists';

const form = (over: Partial<ReviewForm>): ReviewForm => ({ instanceId: 'cp-1', day: '1', month: '9', year: '2025', decision: 'continue-plan', key: 'k', ...over });
const withCookies = (signedCookies: Record<string, unknown>) => ({ signedCookies }) as unknown as Request;

describe('the review conference form', () => {
  it('given a real date, when read, then it is midday UTC of that date (always the same London date) with an offset', () => {
    expect(occurredAtOf(form({ day: '7', month: '3', year: '2026' }))).toBe('2026-03-07T12:00:00+00:00');
  });

  it.each([
    [{ day: '', month: '', year: '' }, 'Enter the date the review conference was held'],
    [{ day: '31', month: '2', year: '2026' }, 'The date must be a real date, for example 27 3 2026'],
    [{ day: 'x', month: '2', year: '2026' }, 'The date must be a real date, for example 27 3 2026'],
  ])('given the date %j, when read, then the date field is named with a message', (date, message) => {
    expect(occurredAtOf(form(date))).toEqual({ field: 'occurredAt', message });
  });

  it("given a missing decision and a bad plan reference, when validated, then the api body class's messages name both fields", async () => {
    const result = await validatedReviewBody(form({ decision: '', instanceId: 'not a ref!' }));
    expect('errors' in result && result.errors.map((e) => e.field).sort()).toEqual(['decision', 'instanceId']);
  });

  it('given a complete form, when validated, then the body is what the JSON endpoint takes', async () => {
    expect(await validatedReviewBody(form({}))).toEqual({ body: expect.objectContaining({ instanceId: 'cp-1', decision: 'continue-plan', occurredAt: '2025-09-01T12:00:00+00:00' }) });
  });

  it("links each error to its field (the date's first box), and puts the case's occurredOn on the date", () => {
    expect(summaryItem({ field: 'occurredAt', message: 'Enter the date' })).toEqual({ text: 'Enter the date', href: '#occurredAt-day' });
    expect(summaryItem({ field: 'decision', message: 'must be one of: a, b' })).toEqual({ text: 'Decision: must be one of: a, b', href: '#decision' });
    expect(formFieldOf('occurredOn')).toBe('occurredAt');
  });
});

describe('the page session and CSRF token', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const principal = { userId: 'tm-1', roles: ['team-manager'], teams: ['team-1'] };

  it('accepts a signed, unexpired session and refuses an expired or missing one', () => {
    const exp = Math.floor(now.getTime() / 1000);
    expect(sessionOf(withCookies({ csc_session: JSON.stringify({ principal, exp: exp + 60 }) }), now)?.principal).toEqual(principal);
    expect(sessionOf(withCookies({ csc_session: JSON.stringify({ principal, exp }) }), now)).toBeUndefined();
    // cookie-parser gives false for a cookie whose signature does not verify.
    expect(sessionOf(withCookies({ csc_session: false }), now)).toBeUndefined();
    expect(sessionOf(withCookies({ csc_session: 'not json' }), now)).toBeUndefined();
  });

  it("accepts only this browser's token", () => {
    const request = withCookies({ csc_csrf: 'a'.repeat(43) });
    expect(csrfValid(request, 'a'.repeat(43))).toBe(true);
    expect(csrfValid(request, 'b'.repeat(43))).toBe(false);
    expect(csrfValid(request, undefined)).toBe(false);
    expect(csrfValid(withCookies({}), 'a'.repeat(43))).toBe(false);
  });
});

describe('the worklists', () => {
  it('splits overdue, due within 14 days and later (or no timescale)', () => {
    const item = (id: string, overdue: boolean, dueInstant: string | null) => ({ caseId: id, teamRef: 't', overdue, deadline: { dueInstant } }) as unknown as WorklistItem;
    const now = new Date('2026-03-01T10:00:00Z');
    const lists = byUrgency([item('a', true, '2026-02-01T00:00:00Z'), item('b', false, '2026-03-10T00:00:00Z'), item('c', false, '2026-04-10T00:00:00Z'), item('d', false, null)], now);
    expect({ overdue: lists.overdue.map((i) => i.caseId), dueSoon: lists.dueSoon.map((i) => i.caseId), later: lists.later.map((i) => i.caseId) }).toEqual({ overdue: ['a'], dueSoon: ['b'], later: ['c', 'd'] });
  });
});
