import { runLoad, type LoadReport } from '../../load/driver';
import { PERSONAL_DATA } from '../../load/workload';

/**
 * The load test at CI size: the built api and worker as separate processes on PostgreSQL (a
 * database of their own) and Redis (a prefix of their own), 8 HTTP clients on loopback for 15 s
 * mixing commands from a synthetic council with queries; then the invariant check and the
 * privacy scan. `npm run load -- --clients 50 --seconds 120` runs it larger by hand.
 */
jest.setTimeout(120_000);

let report: LoadReport;

beforeAll(async () => {
  report = await runLoad({ clients: 8, seconds: 15, profile: 'small', settleTimeoutMs: 60_000, progress: (message) => process.stderr.write(`load: ${message}\n`) });
  process.stderr.write(`load: ${JSON.stringify({ ...report, invariants: { ok: report.invariants.ok, figures: report.invariants.figures } })}\n`);
}, 110_000);

describe('8 clients for 15 s on the api and worker processes (PostgreSQL, real Redis)', () => {
  it('answers every request without a server error, acknowledges commands and answers queries, and both processes stop cleanly', () => {
    expect(report.serverErrors).toBe(0);
    // Low floors: CI machines are shared; the figures themselves are reported, not judged.
    expect(report.commands.acknowledged).toBeGreaterThan(40);
    expect(report.queries.ok).toBeGreaterThan(20);
    expect(report.exitCodes).toEqual({ api: 0, worker: 0 });
  });

  it('keeps every acknowledged command once, contiguous revisions, verified hash chains, alerts raised once, alert jobs as planned and projections equal to a rebuild', () => {
    expect(report.invariants.problems).toEqual([]);
    expect(report.invariants.figures.acknowledgedEvents).toBe(report.commands.events);
    expect(report.invariants.figures.alertEvents).toBeGreaterThan(0);
    expect(report.invariants.figures.projectionKeys).toBeGreaterThan(0);
  });

  const inUrl = (marker: string) => marker.toLowerCase().includes(PERSONAL_DATA.nameInUrl.split(' ')[1]!.toLowerCase());

  it('leaves no name, date of birth or free text the clients sent (access reasons, Idempotency-Keys, refused reference and unknown body fields) in any Redis key or value under the prefix (BullMQ job data, return values and events included) or any api or worker log line', () => {
    expect(report.privacy.findings.filter((f) => !inUrl(f.marker))).toEqual([]);
    expect(report.privacyProbes['400'] ?? 0).toBeGreaterThan(0);
    expect(report.privacy.scanned.redisKeys).toBeGreaterThan(0);
    expect(report.privacy.scanned.logLines).toBeGreaterThan(0);
  });

  // A name sent in place of a case id (GET /cases/<name>, answered 400) must not reach the api's log:
  // the request log names the route and fills in only parameters that are references.
  it('logs no name sent in place of a case id in the URL', () => {
    expect(report.privacyProbes['400'] ?? 0).toBeGreaterThan(0);
    expect(report.privacy.findings.filter((f) => inUrl(f.marker))).toEqual([]);
  });
});
