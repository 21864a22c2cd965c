import { emptyLedger, type LocalDate, type PathwayContext, type TriggerFacts } from '@workflows/shared';
import type { ChildProtectionEvent, CpCategory } from './events';

/** Deadline series of this pathway; a key is the series ('icpc') or series-n ('rcpc-2'). */
export type CpSeries = 'icpc' | 'transfer-in-conference' | 'core-group' | 'rcpc' | 'post-birth-review';

/** Facts the pathway remembers besides its deadlines (for guards, ordering and read models). */
export interface ChildProtectionContext extends PathwayContext {
  readonly lastStrategyOn: LocalDate | undefined;
  /** The strategy discussion that initiated the s47 enquiry (CIN S47ActualStartDate). */
  readonly s47InitiatedOn: LocalDate | undefined;
  readonly planStartedOn: LocalDate | undefined;
  readonly initialCategory: CpCategory | undefined;
  readonly latestCategory: CpCategory | undefined;
  readonly preBirth: boolean;
  readonly bornOn: LocalDate | undefined;
  readonly coreGroupsHeld: number;
  readonly reviewsHeld: number;
  readonly endedOn: LocalDate | undefined;
}

export const initialContext: ChildProtectionContext = {
  ledger: emptyLedger,
  startedOn: undefined,
  lastStrategyOn: undefined,
  s47InitiatedOn: undefined,
  planStartedOn: undefined,
  initialCategory: undefined,
  latestCategory: undefined,
  preBirth: false,
  bornOn: undefined,
  coreGroupsHeld: 0,
  reviewsHeld: 0,
  endedOn: undefined,
};

function planFacts(c: ChildProtectionContext, on: LocalDate, category: CpCategory | undefined, preBirth: boolean) {
  return category === undefined
    ? { endedOn: on }
    : { planStartedOn: on, initialCategory: category, latestCategory: category, preBirth: c.preBirth || preBirth };
}

/** The non-deadline facts an accepted event adds to the context. */
export function recordFacts(c: ChildProtectionContext, e: ChildProtectionEvent): Partial<ChildProtectionContext> {
  const started = { startedOn: c.startedOn ?? e.occurredOn };
  switch (e.type) {
    case 'StrategyDiscussionHeld':
      return {
        ...started,
        lastStrategyOn: e.occurredOn,
        s47InitiatedOn: c.s47InitiatedOn ?? (e.initiatesS47 ? e.occurredOn : undefined),
        endedOn: e.decision === 'child-in-need' || e.decision === 'no-further-action' ? e.occurredOn : undefined,
      };
    case 'InitialConferenceHeld':
      return planFacts(c, e.occurredOn, e.outcome === 'plan' ? e.category : undefined, e.preBirth);
    case 'TransferInConferenceHeld':
      return planFacts(c, e.occurredOn, e.outcome === 'plan' ? e.category : undefined, false);
    case 'TransferInNotified':
      return started;
    case 'InitialConferenceNotRequired':
    case 'InitialConferenceNotHeld':
    case 'TransferInConferenceNotHeld':
    case 'PlanEnded':
      return { endedOn: e.occurredOn };
    case 'ChildBorn':
      return { bornOn: e.occurredOn };
    case 'CoreGroupHeld':
      return { coreGroupsHeld: c.coreGroupsHeld + 1 };
    case 'ReviewConferenceHeld':
      return {
        reviewsHeld: c.reviewsHeld + 1,
        latestCategory: e.category ?? c.latestCategory,
        endedOn: e.decision === 'end-plan' ? e.occurredOn : undefined,
      };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** The trigger of any deadline this event opens, with the facts that change how it counts. */
export function triggerFacts(e: ChildProtectionEvent): TriggerFacts {
  const trigger = { event: e.type, at: e.occurredAt, on: e.occurredOn };
  const qualifiers = e.type === 'ChildBorn' && !e.motherMedicallyFit ? (['mother-not-medically-fit'] as const) : [];
  return { trigger, qualifiers, anchors: {} };
}
