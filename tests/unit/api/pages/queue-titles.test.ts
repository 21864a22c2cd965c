import type { Response } from 'express';
import { shippedCalendar } from '@csc/calendar';
import { initialCaseState, decide, evolveEvent, type CaseCommand, type CaseState } from '@csc/case';
import { caseView } from '@csc/projections';
import { renderPage } from '../../../../apps/api/src/pages/render';
import { rowOf } from '../../../../apps/api/src/pages/worklists';

const CASE = 'c-rhi';
/** A looked-after child who went missing and came back on 25 Oct 2025: both return interview clocks run. */
const history: readonly { command: CaseCommand; now: string }[] = [
  { command: { type: 'OpenCase', caseId: CASE, teamRef: 'team-1', occurredAt: '2025-10-01T10:00:00Z' }, now: '2025-10-01T16:00:00Z' },
  { command: { type: 'ReportMissing', caseId: CASE, kind: 'missing', childStatus: 'looked-after', occurredAt: '2025-10-24T18:00:00Z' }, now: '2025-10-24T19:00:00Z' },
  {
    command: { type: 'RecordReturn', caseId: CASE, instanceId: 'mis-1', timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned', occurredAt: '2025-10-25T09:00:00Z' },
    now: '2025-10-25T10:00:00Z',
  },
];

function fold(): CaseState {
  let state = initialCaseState;
  for (const { command, now } of history) {
    const decision = decide(command, state, now);
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code}`);
    for (const event of decision.events) state = evolveEvent(state, event);
  }
  return state;
}

/** Renders a page into a string, as renderPage sends it. */
function render(view: string, context: Record<string, unknown>): string {
  let html = '';
  const response = { setHeader: () => response, status: () => response, type: () => response, send: (body: string) => { html = body; return response; } };
  renderPage(response as unknown as Response, view, context);
  return html;
}

describe("the manager's overdue list (queue page)", () => {
  it('shows the two return interview clocks of MIS-01 under their own titles, not one title twice', () => {
    const now = new Date('2025-10-30T09:00:00Z');
    const rows = (caseView(fold(), { calendar: shippedCalendar() })?.deadlines ?? []).filter((d) => d.ruleId === 'MIS-01').map((d) => rowOf(d, now));
    expect(rows).toHaveLength(2);
    const html = render('queue.njk', { title: 'Overdue and due soon', teams: ['team-1'], overdue: rows, dueSoon: [], soonDays: 10, asOf: 'now' });
    const cells = [...html.matchAll(/<td class="govuk-table__cell">(MIS-01[^<]*)<br>/g)].map((m) => m[1]).sort();
    expect(cells).toEqual(['MIS-01 Return home interview completed', 'MIS-01 Return home interview offered']);
  });
});
