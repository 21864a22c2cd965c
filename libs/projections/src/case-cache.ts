import type { CaseState } from '@csc/case';
import type { CaseView } from './view';

/** One case as the incremental projector last folded it. */
export interface CachedCase {
  state: CaseState;
  /** The stream revision of the last event folded into `state` (-1: none). */
  revision: number;
  /**
   * What the projector last wrote for this case, where (the generation's base key), and the
   * state it was derived from; absent until the case's view is written (a fresh read is written
   * in full).
   */
  written?: { readonly view: CaseView | undefined; readonly from: CaseState; readonly base: string };
}

export interface CaseCacheStats {
  /** Cases held now. */
  readonly size: number;
  /** Events folded onto a cached state (one `evolve`). */
  readonly evolved: number;
  /** Streams read and folded from the start (not cached, evicted, or out of step). */
  readonly reads: number;
  /** Events skipped: the cached state already held them (a fresh read had folded them in). */
  readonly skipped: number;
  /** Case views written by updating the summary alone (deadlines could not have changed). */
  readonly summaryOnly: number;
  /** Case views derived in full (deadlines recomputed, keys replaced). */
  readonly derived: number;
}

/** A bounded map of folded cases, least recently used evicted first (a `Map` keeps insertion order). */
export class CaseCache {
  private readonly entries = new Map<string, CachedCase>();
  readonly counts = { evolved: 0, reads: 0, skipped: 0, summaryOnly: 0, derived: 0 };

  constructor(readonly limit: number) {}

  get(caseId: string): CachedCase | undefined {
    const entry = this.entries.get(caseId);
    if (entry !== undefined) {
      this.entries.delete(caseId);
      this.entries.set(caseId, entry);
    }
    return entry;
  }

  set(caseId: string, entry: CachedCase): void {
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(caseId: string): void {
    this.entries.delete(caseId);
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): CaseCacheStats {
    return { size: this.entries.size, ...this.counts };
  }
}

/**
 * True when `view` (derived from `from`) is still the view of `state` but for its version: the
 * inputs of `caseView`'s deadlines and pathways (case id, opened, team, IRO, the pathway
 * instances) are the very same objects. An alert event (`TimescaleAlertRecorded`) changes only
 * the version and the alert ids, and `evolveEvent` keeps the rest by reference, so this holds for
 * alert events; any event that touches an instance, the team or the IRO makes it false.
 */
export function onlyVersionChanged(from: CaseState, state: CaseState): boolean {
  return from.caseId === state.caseId && from.opened === state.opened && from.teamRef === state.teamRef && from.iroRef === state.iroRef
    && from.instances === state.instances;
}
