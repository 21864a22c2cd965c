import { commandEventId } from '@csc/case-handler';
import { generateCouncil, LATE_RECORD_SHARE, PROFILES, type CouncilProfile, type SyntheticCommand } from '@csc/synthetic';

const profile = (name: string): CouncilProfile => {
  const found = PROFILES[name];
  if (found === undefined) throw new Error(`no profile ${name}`);
  return found;
};
const UNTIL = '2026-03-31T00:00:00.000Z';
const YEAR_AGO = '2025-03-31T00:00:00.000Z';
const small = generateCouncil({ profile: profile('small'), years: 2, seed: 'patterns', until: UNTIL });

type Cmd = SyntheticCommand['command'] & { readonly occurredAt: string; readonly instanceId?: string };
const of = (commands: readonly SyntheticCommand[], type: string) => commands.filter((c) => c.command.type === type);
const occurred = (c: SyntheticCommand) => (c.command as Cmd).occurredAt;
const inLastYear = (commands: readonly SyntheticCommand[], type: string) => of(commands, type).filter((c) => occurred(c) >= YEAR_AGO);

describe('synthetic council: determinism', () => {
  it('given the same profile, seed and end, when generated twice, then the commands, keys and event ids are identical', () => {
    const again = generateCouncil({ profile: profile('small'), years: 2, seed: 'patterns', until: UNTIL });
    expect(again.commands).toEqual(small.commands);
    const ids = (cs: readonly SyntheticCommand[]) => cs.slice(0, 50).map((c) => commandEventId(c.id, c.idempotencyKey, 0));
    expect(ids(again.commands)).toEqual(ids(small.commands));
  });

  it('given another seed, when generated, then the council differs', () => {
    const other = generateCouncil({ profile: profile('small'), years: 2, seed: 'other', until: UNTIL });
    expect(other.commands.map((c) => c.command)).not.toEqual(small.commands.map((c) => c.command));
  });

  it('given a council, then commands are in recording order, none recorded after the end nor before it happened, and names are references', () => {
    const instants = small.commands.map((c) => c.recordedAt);
    expect([...instants].sort()).toEqual(instants);
    expect(instants[instants.length - 1]! <= UNTIL).toBe(true);
    for (const c of small.commands) expect(occurred(c) <= c.recordedAt).toBe(true);
    expect(new Set(small.commands.map((c) => c.idempotencyKey)).size).toBe(small.commands.length);
    expect(small.commands.every((c) => /^(child|alg)-\d{6}$/.test(c.id) && /^[a-z]+(-[a-z0-9]+)*$/.test(c.actor.userId))).toBe(true);
  });
});

describe('synthetic council: the seed reports\' volumes (enfield, the last of two years)', () => {
  const enfield = generateCouncil({ profile: profile('enfield'), years: 2, seed: 'volumes', until: UNTIL });
  const within = (value: number, target: number, tolerance: number) => {
    expect(value).toBeGreaterThanOrEqual(target * (1 - tolerance));
    expect(value).toBeLessThanOrEqual(target * (1 + tolerance));
  };
  it('about 4,100 referrals a year', () => within(inLastYear(enfield.commands, 'RecordReferral').length, 4100, 0.1));
  it('about 62 LADO allegations and 80 consultations a year', () => {
    const considered = inLastYear(enfield.commands, 'RecordInitialConsideration').map((c) => (c.command as Cmd & { decision: string }).decision);
    within(considered.filter((d) => d === 'threshold-met').length, 62, 0.35);
    within(considered.filter((d) => d === 'below-threshold').length, 80, 0.35);
  });
  it('about 350 children in care and 240 on plans on the last day', () => {
    const cases = new Map<string, { lac: number; cp: number }>();
    for (const c of enfield.commands) {
      const s = cases.get(c.id) ?? { lac: 0, cp: 0 };
      const t = c.command.type;
      if (t === 'RecordBecameLookedAfter') s.lac += 1;
      if (t === 'RecordCeasedLookedAfter') s.lac -= 1;
      if (t === 'RecordInitialConference' || t === 'RecordTransferInConference') s.cp += (c.command as Cmd & { outcome: string }).outcome === 'plan' ? 1 : 0;
      if (t === 'EndPlan' || (t === 'RecordReviewConference' && (c.command as Cmd & { decision: string }).decision === 'end-plan')) s.cp -= 1;
      cases.set(c.id, s);
    }
    const values = [...cases.values()];
    within(values.filter((s) => s.lac > 0).length, 350, 0.3);
    within(values.filter((s) => s.cp > 0).length, 240, 0.3);
  });
});

describe('synthetic council: the patterns the seed reports describe', () => {
  it('some LAC reviews held on time are recorded weeks later', () => {
    const reviews = of(small.commands, 'RecordLacReview');
    const lagDays = reviews.map((c) => (Date.parse(c.recordedAt) - Date.parse(occurred(c))) / 86_400_000);
    const late = lagDays.filter((d) => d >= 10).length;
    expect(reviews.length).toBeGreaterThan(30);
    expect(late).toBeGreaterThan(0);
    expect(late / reviews.length).toBeLessThan(LATE_RECORD_SHARE * 2.5);
  });

  it('some ICPCs do not take place, each with a reason', () => {
    const big = generateCouncil({ profile: profile('enfield'), years: 1, seed: 'icpc', until: UNTIL });
    const notHeld = of(big.commands, 'RecordInitialConferenceNotHeld');
    expect(notHeld.length).toBeGreaterThan(3);
    for (const c of notHeld) expect(['family-left-area', 'no-significant-harm', 'care-proceedings']).toContain((c.command as Cmd & { reason: string }).reason);
    expect(of(big.commands, 'RecordTransferInConference').length).toBeGreaterThan(10);
    const second = big.commands.filter((c) => c.command.type === 'RecordInitialConference' && (c.command as Cmd).instanceId === 'cp-2');
    expect(second.length).toBeGreaterThan(0);
  });

  it('missing episodes are concentrated in a minority of children, some missing again and again', () => {
    const perChild = new Map<string, number>();
    for (const c of of(small.commands, 'ReportMissing')) perChild.set(c.id, (perChild.get(c.id) ?? 0) + 1);
    const counts = [...perChild.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(perChild.size / small.children).toBeLessThan(0.2);
    expect(counts[0]).toBeGreaterThanOrEqual(5);
    const topFifth = counts.slice(0, Math.max(1, Math.ceil(counts.length / 5))).reduce((a, b) => a + b, 0);
    expect(topFifth / total).toBeGreaterThan(0.4);
  });

  it('return interviews are offered, completed and declined', () => {
    for (const type of ['OfferReturnInterview', 'RecordReturnInterview', 'RecordReturnInterviewDeclined']) expect(of(small.commands, type).length).toBeGreaterThan(0);
  });
});
