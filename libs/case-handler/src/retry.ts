/**
 * What the handler does when another writer appended to the case between its read and its
 * append: re-read, re-decide, try again, up to `maxAttempts` in all. No sleeping: the re-read
 * itself picks up the other writer's events, and a decision on fresh state is what we want.
 */
export interface ConflictRetryPolicy {
  readonly name: string;
  readonly maxAttempts: number;
}

/** The default: five attempts (a case rarely has more than a couple of concurrent recorders). */
export const REREAD_AND_REDECIDE: ConflictRetryPolicy = { name: 'reread-and-redecide', maxAttempts: 5 };
