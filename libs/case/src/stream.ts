/** A child's stream: everything about the child (CP, care, missing episodes, allocation). */
export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}
