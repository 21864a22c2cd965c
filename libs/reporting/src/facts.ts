import type { PathwayEventRecorded } from '@csc/case';
import { datedOf, field, instancesOf, type CaseRecord, type Dated } from './records';

/** One child protection instance (an s47 enquiry and the plan it may lead to, or a transfer-in). */
export interface CpFacts {
  readonly caseId: string;
  readonly instanceId: string;
  /** The strategy discussion that initiated the s47 enquiry (CIN S47ActualStartDate). */
  readonly s47Start?: Dated;
  readonly icpc?: Dated & { readonly outcome: string };
  readonly icpcNotRequired?: Dated;
  readonly icpcNotHeld?: Dated & { readonly reason: string };
  readonly planStart?: Dated;
  readonly initialCategory?: string;
  readonly latestCategory?: string;
  readonly reviews: readonly Dated[];
  readonly planEnd?: Dated;
}

export interface PlacementFacts extends Dated {
  readonly placementType: string;
}

/** One period of care. */
export interface LacFacts {
  readonly caseId: string;
  readonly instanceId: string;
  readonly started: Dated;
  readonly legalStatus: string;
  readonly legalStatusFrom: Dated;
  readonly placements: readonly PlacementFacts[];
  readonly reviews: readonly (Dated & { readonly participation: string })[];
  readonly visits: readonly Dated[];
  readonly healthAssessments: readonly Dated[];
  readonly ceased?: Dated & { readonly reason: string };
}

/** One missing (or absent) episode. */
export interface MissingFacts {
  readonly caseId: string;
  readonly instanceId: string;
  readonly kind: string;
  readonly reported: Dated;
  readonly returned?: Dated;
}

const str = (e: PathwayEventRecorded, name: string): string => {
  const value = field(e, name);
  return typeof value === 'string' ? value : '';
};

export function cpFactsOf(record: CaseRecord): readonly CpFacts[] {
  return [...instancesOf(record.events, 'child-protection')].map(([instanceId, events]) => {
    let facts: CpFacts = { caseId: record.caseId, instanceId, reviews: [] };
    for (const e of events) facts = applyCp(facts, e);
    return facts;
  });
}

function applyCp(f: CpFacts, e: PathwayEventRecorded): CpFacts {
  const d = datedOf(e);
  switch (e.event.type) {
    case 'StrategyDiscussionHeld':
      return f.s47Start === undefined && field(e, 'initiatesS47') === true ? { ...f, s47Start: d } : f;
    case 'InitialConferenceHeld':
    case 'TransferInConferenceHeld': {
      const outcome = str(e, 'outcome');
      const icpc = e.event.type === 'InitialConferenceHeld' ? { icpc: { ...d, outcome } } : {};
      const category = str(e, 'category') || undefined;
      return outcome === 'plan' ? { ...f, ...icpc, planStart: d, initialCategory: category, latestCategory: category } : { ...f, ...icpc };
    }
    case 'InitialConferenceNotRequired':
      return { ...f, icpcNotRequired: d };
    case 'InitialConferenceNotHeld':
      return { ...f, icpcNotHeld: { ...d, reason: str(e, 'reason') } };
    case 'ReviewConferenceHeld': {
      const next = { ...f, reviews: [...f.reviews, d], latestCategory: str(e, 'category') || f.latestCategory };
      return str(e, 'decision') === 'end-plan' ? { ...next, planEnd: d } : next;
    }
    case 'PlanEnded':
      return { ...f, planEnd: d };
    default:
      return f;
  }
}

export function lacFactsOf(record: CaseRecord): readonly LacFacts[] {
  const periods: LacFacts[] = [];
  for (const [instanceId, events] of instancesOf(record.events, 'looked-after')) {
    const [first, ...rest] = events;
    if (first === undefined || first.event.type !== 'BecameLookedAfter') continue;
    const started = datedOf(first);
    let facts: LacFacts = {
      caseId: record.caseId, instanceId, started, legalStatus: str(first, 'legalStatus'), legalStatusFrom: started,
      placements: [{ ...started, placementType: placementType(first) }], reviews: [], visits: [], healthAssessments: [],
    };
    for (const e of rest) facts = applyLac(facts, e);
    periods.push(facts);
  }
  return periods;
}

function placementType(e: PathwayEventRecorded): string {
  const placement = field(e, 'placement') as { placementType?: unknown } | undefined;
  return typeof placement?.placementType === 'string' ? placement.placementType : '';
}

function applyLac(f: LacFacts, e: PathwayEventRecorded): LacFacts {
  const d = datedOf(e);
  switch (e.event.type) {
    case 'LegalStatusChanged':
      return { ...f, legalStatus: str(e, 'legalStatus'), legalStatusFrom: d };
    case 'PlacementChanged':
      return { ...f, placements: [...f.placements, { ...d, placementType: placementType(e) }] };
    case 'LacReviewHeld':
      return { ...f, reviews: [...f.reviews, { ...d, participation: str(e, 'participation') }] };
    case 'LacVisitMade':
      return { ...f, visits: [...f.visits, d] };
    case 'HealthAssessmentCompleted':
      return { ...f, healthAssessments: [...f.healthAssessments, d] };
    case 'CeasedLookedAfter':
      return { ...f, ceased: { ...d, reason: str(e, 'reason') } };
    default:
      return f;
  }
}

export function missingFactsOf(record: CaseRecord): readonly MissingFacts[] {
  const episodes: MissingFacts[] = [];
  for (const [instanceId, events] of instancesOf(record.events, 'missing-episode')) {
    const reported = events.find((e) => e.event.type === 'MissingReported');
    if (reported === undefined || events.some((e) => e.event.type === 'MissingReportWithdrawn')) continue;
    const returned = events.find((e) => e.event.type === 'ChildReturned');
    episodes.push({
      caseId: record.caseId, instanceId, kind: str(reported, 'kind'), reported: datedOf(reported),
      ...(returned === undefined ? {} : { returned: datedOf(returned) }),
    });
  }
  return episodes;
}
