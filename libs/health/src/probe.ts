/**
 * A dependency that must be reachable for the process to serve requests.
 * `check` resolves when it is, and rejects with an error whose message is the
 * reason shown on the readiness endpoint (no personal data, no secrets).
 */
export abstract class ReadinessProbe {
  abstract readonly name: string;
  abstract check(): Promise<void>;
}

/** The probes of one process, in the order they are reported. */
export class ReadinessProbes {
  constructor(readonly probes: readonly ReadinessProbe[]) {}
}
