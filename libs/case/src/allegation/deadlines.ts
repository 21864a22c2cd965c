import type { IsoInstant } from '@workflows/shared';
import { deadlinesOfInstance, type DeadlineOptions, type InstanceDeadline } from '../deadlines';
import { ladoAllegationPathway } from '../pathways/lado-allegation';
import { allegationStreamId } from '../stream';
import type { AllegationState } from './model';

/** A deadline of an allegation: the LADO's. Its id is `allegation-<id>/<key>`. */
export type AllegationDeadline = { readonly id: string; readonly allegationId: string } & InstanceDeadline & {
  readonly owner: { readonly kind: 'lado'; readonly ref: string | null };
};

/** Every deadline of the allegation as of `asOf` (the same derivation as a case's). */
export function allegationDeadlinesOf(state: AllegationState, asOf: IsoInstant, options: DeadlineOptions): readonly AllegationDeadline[] {
  if (state.instance === undefined) return [];
  const allegationId = state.allegationId ?? '';
  return deadlinesOfInstance(ladoAllegationPathway, state.instance, asOf, options, {
    id: (_instanceId, key) => `${allegationStreamId(allegationId)}/${key}`,
    head: { allegationId },
    owner: () => ({ kind: 'lado', ref: state.ladoRef ?? null }),
  });
}
