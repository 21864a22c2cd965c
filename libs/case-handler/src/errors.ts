import type { ConflictRetryPolicy } from './retry';

/** The case kept changing under the command: every attempt of the retry policy conflicted (HTTP 409). */
export class CaseConflictError extends Error {
  readonly code = 'CASE_CONFLICT';
  constructor(
    readonly caseId: string,
    readonly attempts: number,
    readonly policy: string,
  ) {
    super(`case ${caseId} changed while the command was being recorded, ${attempts} times (retry policy '${policy}'): try again`);
    this.name = 'CaseConflictError';
  }
}

export function conflictAfter(caseId: string, attempts: number, policy: ConflictRetryPolicy): CaseConflictError {
  return new CaseConflictError(caseId, attempts, policy.name);
}

/** The allegation kept changing under the command: every attempt of the retry policy conflicted (HTTP 409). */
export class AllegationConflictError extends Error {
  readonly code = 'ALLEGATION_CONFLICT';
  constructor(
    readonly allegationId: string,
    readonly attempts: number,
    readonly policy: string,
  ) {
    super(`allegation ${allegationId} changed while the command was being recorded, ${attempts} times (retry policy '${policy}'): try again`);
    this.name = 'AllegationConflictError';
  }
}
