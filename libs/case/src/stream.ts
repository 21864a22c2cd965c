/** Stream kinds and their prefixes: what a reader's access policy keys on. */
export const CASE_STREAM_PREFIX = 'case-';
export const ALLEGATION_STREAM_PREFIX = 'allegation-';

/** A child's stream: everything about the child (CP, care, missing episodes, allocation). */
export function caseStreamId(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId}`;
}

/** A LADO allegation's stream: about an adult, linked to the children concerned by reference. */
export function allegationStreamId(allegationId: string): string {
  return `${ALLEGATION_STREAM_PREFIX}${allegationId}`;
}

/**
 * Who may read a stream, as a fact for the API's access policy: allegation streams are
 * `lado-only` (the LADO role alone, DESIGN.md rule 7); a child's case follows the case policy.
 */
export type StreamVisibility = 'lado-only' | 'case';

export function streamVisibility(streamId: string): StreamVisibility | undefined {
  if (streamId.startsWith(ALLEGATION_STREAM_PREFIX)) return 'lado-only';
  if (streamId.startsWith(CASE_STREAM_PREFIX)) return 'case';
  return undefined;
}
