import type { Request } from 'express';
import { occurredAtOf, summaryItem, validatedReviewBody, formFieldOf, type ReviewForm } from '../../../../apps/api/src/pages/record-form';
import { csrfValid, sessionOf } from '../../../../apps/api/src/pages/session';
import { rowOf } from '../../../../apps/api/src/pages/worklists';
import { blankValues, occurredAtFrom, formSpec, summaryOf, type FormSpec } from '../../../../apps/api/src/pages/forms';
import { periodOf } from '../../../../apps/api/src/pages/report-pages.controller';
import { percentChart } from '../../../../apps/api/src/pages/charts';

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
  it('marks a projected deadline overdue once its due instant has passed, and keeps the reader\'s explanation', () => {
    const deadline = { id: 'c/cp-1/rcpc-1', caseId: 'c', teamRef: 't', ruleId: 'CP-08', title: null, pathway: 'child-protection', instanceId: 'cp-1', dueDate: '2026-03-01', dueInstant: '2026-03-01T23:59:59Z', owner: { kind: 'iro', ref: 'iro-1' }, lateWorkingDays: 2, why: 'because' };
    expect(rowOf(deadline as never, new Date('2026-03-02T10:00:00Z'))).toMatchObject({ overdue: true, lateWorkingDays: 2, why: 'because' });
    expect(rowOf(deadline as never, new Date('2026-03-01T10:00:00Z')).overdue).toBe(false);
    expect(rowOf({ ...deadline, dueInstant: null, dueDate: null } as never, new Date('2026-03-02T10:00:00Z')).overdue).toBe(false);
  });
});

describe('the recording forms', () => {
  const rhi = formSpec('case', 'return-interview-offered') as FormSpec;

  it('reads a date and a London time as that wall-clock instant (BST in summer)', () => {
    expect(occurredAtFrom({ day: '3', month: '7', year: '2026', time: '14:30' }, 'x')).toBe('2026-07-03T13:30:00.000Z');
    expect(occurredAtFrom({ day: '3', month: '7', year: '2026', time: '25:00' }, 'x')).toEqual({ field: 'occurredAt', message: expect.stringMatching(/24-hour clock/) });
  });

  it('prefills the instance from the link, and the interviewer only for an IRO (a manager types who it was)', () => {
    expect(blankValues(rhi, { instanceId: 'mis-2', iroRef: 'iro-01' }).fields).toMatchObject({ instanceId: 'mis-2', interviewerRef: 'iro-01', interviewerRole: '' });
    expect(blankValues(rhi, {}).fields).toMatchObject({ instanceId: '', interviewerRef: '' });
  });

  it("names a field the api's message is about, linked to it", () => {
    expect(summaryOf(rhi, { field: 'interviewerRole', message: 'must be one of: iro, independent-worker' })).toEqual({ text: 'Interviewer role: must be one of: iro, independent-worker', href: '#interviewerRole' });
    expect(summaryOf(rhi, { field: 'instanceId', message: 'is required' })).toEqual({ text: 'Missing episode: is required', href: '#instanceId' });
  });
});

describe('the KPI period', () => {
  it('is the year to today when no dates are given', () => {
    expect(periodOf({}, '2026-11-23')).toMatchObject({ from: '2025-11-24', to: '2026-11-23' });
  });

  it('names each date field that is not a real date, and a period that ends before it starts', () => {
    const bad = periodOf({ 'from-day': '31', 'from-month': '2', 'from-year': '2026', 'to-day': '', 'to-month': '', 'to-year': '' }, '2026-11-23');
    expect('errors' in bad && bad.errors.map((e) => e.field)).toEqual(['from', 'to']);
    const backwards = periodOf({ 'from-day': '2', 'from-month': '4', 'from-year': '2026', 'to-day': '1', 'to-month': '4', 'to-year': '2026' }, '2026-11-23');
    expect('errors' in backwards && backwards.errors).toEqual([{ field: 'to', message: 'The last day must be the same as or after the first day' }]);
  });
});

describe('the KPI charts', () => {
  it('scales percentages to the plot, says "no data" for nothing to count, and describes every figure in text', () => {
    const chart = percentChart('c', 'T', [{ name: 'A', colour: '#000' }, { name: 'B', colour: '#fff' }], [{ label: 'K', values: [50, null] }]);
    const [a, b] = chart.groups[0]?.bars ?? [];
    expect(a?.width).toBe(chart.plotWidth / 2);
    expect(b).toMatchObject({ width: 0, text: 'B: no data' });
    expect(chart.description).toBe('K: A 50.0%, B no data');
  });
});
