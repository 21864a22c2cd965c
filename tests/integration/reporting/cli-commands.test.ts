import { shippedCalendar } from '@csc/calendar';
import { readAccessLog } from '@csc/access-log';
import { CaseCommandHandler } from '@csc/case-handler';
import { createPostgresEventStore, type EventStore } from '@csc/event-store';
import { PENDING_RULEBOOKS } from '@csc/rulebook';
import { annexACommand } from '../../../apps/cli/src/commands/export';
import { previewCommand } from '../../../apps/cli/src/commands/preview-rulebook';
import { replayCommand } from '../../../apps/cli/src/commands/replay';
import { kpiCommand } from '../../../apps/cli/src/commands/report';
import type { ReportingDeps } from '../../../apps/cli/src/commands/reporting-io';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { COUNCIL, PERIOD } from '../../unit/reporting/synthetic-council';
import { dropSchema } from '../../support/postgres';

let store: EventStore;
let schema: string;
let now = new Date('2026-01-01T00:00:00Z');
const clock = () => now;
let output = '';
const deps = (): ReportingDeps => ({
  store, calendar: shippedCalendar(), rulebooks: PENDING_RULEBOOKS, now: () => new Date('2026-10-01T12:00:00Z'),
  out: (text) => { output += text; }, progress: () => undefined,
});

beforeAll(async () => {
  schema = uniqueIdentifier('reporting');
  store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, clock, poolSize: 4 });
  const handler = new CaseCommandHandler({ store, clock });
  for (const [index, step] of COUNCIL.entries()) {
    now = new Date(step.at);
    await handler.handle(step.command, { actor: { userId: 'u-7', role: 'recorder' }, idempotencyKey: `k-${index}` });
  }
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

beforeEach(() => {
  output = '';
});

describe('the reporting commands against a real PostgreSQL store (the synthetic council recorded through the command handler)', () => {
  it('csc report kpi: the same figures as the pure report, occurred and recorded side by side', async () => {
    await kpiCommand(deps(), { ...PERIOD, json: true });
    const report = JSON.parse(output) as { cases: number; kpis: { id: string; occurred: { percent: number }; recorded: { percent: number } }[] };
    expect(report.cases).toBe(10);
    expect(report.kpis.find((k) => k.id === 'lac-reviews-in-time')).toMatchObject({ occurred: { percent: 60 }, recorded: { percent: 20 } });
    expect(report.kpis.find((k) => k.id === 'icpc-within-15-wd')).toMatchObject({ occurred: { percent: 66.7 }, recorded: { percent: 33.3 } });
  });

  it('csc report kpi (table): each KPI with the recording lag in points', async () => {
    await kpiCommand(deps(), PERIOD);
    expect(output).toMatch(/LAC reviews within timescale\s+60\.0% \(3\/5\)\s+20\.0% \(1\/5\)\s+-40\.0/);
  });

  it('csc replay: history, verified hash chain, the case as known at an instant, and the read is access-logged', async () => {
    await replayCommand(deps(), 'c-d', { asOf: '2026-09-20T12:00:00Z', knownAt: '2026-09-30T12:00:00Z', json: true, user: 'auditor-1', reason: 'QA audit' });
    const result = JSON.parse(output) as { verification: { ok: boolean }; history: { actor: { userId: string } }[]; view: { deadlines: { key: string; status: string }[] } };
    expect(result.verification.ok).toBe(true);
    expect(result.history[0]?.actor.userId).toBe('u-7');
    // The review held 14 Sep was recorded 2 Oct: as known on 30 Sep, the first review was overdue on 20 Sep.
    expect(result.view.deadlines.find((d) => d.key === 'lac-review-1')?.status).toBe('breached');
    expect(await readAccessLog(store, 'case-c-d')).toEqual([expect.objectContaining({ userId: 'auditor-1', what: 'history', reason: 'QA audit', asOf: '2026-09-20T12:00:00Z' })]);
  });

  it('csc replay: an unknown case is an input error that names the case', async () => {
    await expect(replayCommand(deps(), 'nobody', { asOf: '2026-09-20T12:00:00Z', user: 'u' })).rejects.toThrow('case nobody: no such case');
  });

  it('csc export annex-a --list 8: CSV with the section 4 header and one row per child in care', async () => {
    await annexACommand(deps(), { list: '8', asOf: '2026-09-30T12:00:00Z' });
    const lines = output.trimEnd().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 3)).toEqual(['Child Unique ID', 'Gender', 'Ethnicity']);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['c-a', 'c-b', 'c-c', 'c-d']);
  });

  it('csc preview-rulebook: replays every open case under a proposed release', async () => {
    await previewCommand(deps(), 'national@2', { json: true });
    const result = JSON.parse(output) as { proposed: string; cases: number; summary: Record<string, number> };
    // national@2 adds IRO dispute-resolution rules only: no CP or LAC date moves.
    expect(result).toMatchObject({ proposed: 'national@2', cases: 10, summary: { earlier: 0, later: 0, 'becomes-overdue': 0 } });
  });
});
