import { randomUUID } from 'node:crypto';
import { caseStreamId } from '@csc/case';
import { commandEventId } from '@csc/case-handler';
import type { EventStore, RecordedEvent } from '@csc/event-store';
import type { AcknowledgedCommand } from '../../support/invariants';
import { readEverything } from '../../support/invariants';
import { eventually } from '../../support/wait';
import { USER } from './deployment';

/**
 * What every case goes through: opened, an IRO allocated, a section 47 strategy discussion long
 * ago (so its ICPC deadline is already breached and the worker raises the breach and the
 * escalation while the clients write: alerts and commands contend for the same streams).
 */
export const CASE_STEPS: readonly { readonly path: string; readonly body: object }[] = [
  { path: 'open-case', body: { teamRef: 'team-1', occurredAt: '2025-01-06T09:00:00+00:00' } },
  { path: 'allocate-iro', body: { iroRef: 'iro-1', occurredAt: '2025-01-06T10:00:00+00:00' } },
  {
    path: 'record-strategy-discussion',
    body: { occurredAt: '2025-01-08T10:00:00+00:00', attendance: { police: true, health: true, education: false, others: [] }, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true },
  },
];

/** One command a client sent and never saw succeed (it may or may not be in the store). */
export interface Unacknowledged {
  readonly caseId: string;
  readonly path: string;
  readonly key: string;
  readonly lastAnswer: string;
}

export interface CommandResultBody {
  readonly streamId: string;
  readonly revision: number;
  readonly repeated: boolean;
  readonly events: readonly { readonly id: string; readonly revision: number; readonly type: string }[];
}

/** The outcome of a load run. */
export interface LoadReport {
  readonly acknowledged: AcknowledgedCommand[];
  readonly unacknowledged: Unacknowledged[];
  /** Answers by kind: `201`, `503 EVENT_STORE_UNAVAILABLE`, `network ECONNREFUSED`, ... */
  readonly answers: Record<string, number>;
  /** Problem documents of 5xx answers (content type and body), a few of each code. */
  readonly serverErrors: { readonly status: number; readonly contentType: string; readonly body: unknown }[];
  /** Events per command path, from acknowledged answers. */
  readonly eventsPerPath: Record<string, number>;
  cases: number;
}

export interface LoadOptions {
  readonly url: () => string;
  readonly token: string;
  readonly clients: number;
  /** Case ids start with this (unique per test). */
  readonly casePrefix: string;
  /** How long one command is retried (same Idempotency-Key) before the client gives up on it. */
  readonly giveUpAfterMs?: number;
  /**
   * How long a command answered only "409 IDEMPOTENCY_KEY_IN_PROGRESS" is retried: after an api
   * crash, the key of a command that was in flight stays claimed for up to 10 s (IDEMPOTENCY_LOCK_MS).
   */
  readonly inProgressGiveUpMs?: number;
  /**
   * When the strategy discussion happened (default: 8 January 2025, so the ICPC deadline is long
   * breached). A recent instant leaves the deadline open, with its reminders and breach to come.
   */
  readonly strategyOccurredAt?: string;
  /** Stop after this many cases in all (default: until `stop`). */
  readonly cases?: number;
}

/**
 * Clients that record cases over HTTP until stopped. Each command carries a fresh
 * Idempotency-Key and is retried with the same key after any failure (refused connection, 5xx,
 * 409 while a first attempt is still held), as a careful client would; a command that still fails
 * after `giveUpAfterMs` is given up and its case abandoned. Only 201 answers count as
 * acknowledged.
 */
export class LoadClients {
  private stopping = false;
  private running: Promise<void>[] = [];
  private readonly report: LoadReport = { acknowledged: [], unacknowledged: [], answers: {}, serverErrors: [], eventsPerPath: {}, cases: 0 };

  constructor(private readonly options: LoadOptions) {}

  start(): this {
    this.running = Array.from({ length: this.options.clients }, (_, n) => this.client(n));
    return this;
  }

  /** Acknowledged commands so far. */
  get acknowledgedCount(): number {
    return this.report.acknowledged.length;
  }

  /**
   * Lets the load run on for at least `loadMs` from now and until every client has had five more
   * commands acknowledged (`what` names the wait in a timeout message).
   */
  async loadFor(loadMs: number, what: string): Promise<void> {
    const from = this.acknowledgedCount;
    const started = performance.now();
    await eventually(
      () => Promise.resolve(this.acknowledgedCount >= from + this.options.clients * 5 && performance.now() - started >= loadMs ? true : undefined),
      what, 60_000 + loadMs,
    );
  }

  answersSince(before: Record<string, number>): Record<string, number> {
    const since: Record<string, number> = {};
    for (const [kind, n] of Object.entries(this.report.answers)) if (n > (before[kind] ?? 0)) since[kind] = n - (before[kind] ?? 0);
    return since;
  }

  snapshotAnswers(): Record<string, number> {
    return { ...this.report.answers };
  }

  /** Resolves when every client has finished (with `cases`, once that many are recorded). */
  async finished(): Promise<LoadReport> {
    await Promise.all(this.running);
    return this.report;
  }

  /** Stops after each client's command in flight has been answered or given up. */
  async stop(): Promise<LoadReport> {
    this.stopping = true;
    await Promise.all(this.running);
    return this.report;
  }

  private async client(n: number): Promise<void> {
    for (let c = 0; !this.stopping; c++) {
      if (this.options.cases !== undefined && this.report.cases >= this.options.cases) return;
      const caseId = `${this.options.casePrefix}-${n}-${c}`;
      this.report.cases++;
      for (const step of CASE_STEPS) {
        const body = step.path === 'record-strategy-discussion' && this.options.strategyOccurredAt !== undefined ? { ...step.body, occurredAt: this.options.strategyOccurredAt } : step.body;
        const ok = await this.send(caseId, step.path, body);
        if (!ok || this.stopping) break;
      }
    }
  }

  /** Sends one command until acknowledged or given up; true when acknowledged. */
  private async send(caseId: string, path: string, body: object): Promise<boolean> {
    const key = randomUUID();
    const giveUpAt = performance.now() + (this.options.giveUpAfterMs ?? 30_000);
    let lastAnswer = '';
    let inProgressSince: number | undefined;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.post(caseId, path, body, key);
      lastAnswer = answer.kind;
      this.report.answers[answer.kind] = (this.report.answers[answer.kind] ?? 0) + 1;
      if (answer.result !== undefined) {
        const result = answer.result;
        this.report.acknowledged.push({ streamId: result.streamId, events: result.events, label: `${path} ${caseId}` });
        this.report.eventsPerPath[path] = result.events.length;
        return true;
      }
      const retryable = answer.status === 0 || answer.status >= 500 || answer.status === 409 || answer.status === 429;
      const now = performance.now();
      inProgressSince = answer.kind === '409 IDEMPOTENCY_KEY_IN_PROGRESS' ? (inProgressSince ?? now) : undefined;
      const stuck = inProgressSince !== undefined && now - inProgressSince > (this.options.inProgressGiveUpMs ?? 3000);
      if (!retryable || stuck || now > giveUpAt || (this.stopping && attempt > 0 && answer.status === 0)) {
        this.report.unacknowledged.push({ caseId, path, key, lastAnswer });
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 500)));
    }
  }

  private async post(caseId: string, path: string, body: object, key: string): Promise<{ kind: string; status: number; result?: CommandResultBody }> {
    let response: Response;
    try {
      response = await fetch(`${this.options.url()}/cases/${caseId}/commands/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { kind: `network ${cause?.code ?? (error instanceof Error ? error.name : 'error')}`, status: 0 };
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    if (response.status === 201) return { kind: '201', status: 201, result: json as CommandResultBody };
    const code = typeof json === 'object' && json !== null && 'code' in json ? String(json.code) : '';
    if (response.status >= 500 && this.report.serverErrors.filter((e) => JSON.stringify(e.body).includes(code)).length < 3) {
      this.report.serverErrors.push({ status: response.status, contentType: response.headers.get('content-type') ?? '', body: json });
    }
    return { kind: `${response.status} ${code}`.trim(), status: response.status };
  }
}

/**
 * Checks commands that were never acknowledged: each is in the store completely (all the events
 * its kind of command appends, at consecutive revisions of its case) or not at all. Returns
 * problems (empty when all is well) and how many were found present.
 */
export async function checkUnacknowledged(store: EventStore, unacknowledged: readonly Unacknowledged[], eventsPerPath: Record<string, number>): Promise<{ problems: string[]; present: number; absent: number }> {
  const events = await readEverything(store);
  const byId = new Map<string, RecordedEvent>(events.map((e) => [e.id, e]));
  const problems: string[] = [];
  let present = 0;
  for (const command of unacknowledged) {
    const expected = eventsPerPath[command.path];
    const found = Array.from({ length: 8 }, (_, i) => byId.get(commandEventId(command.caseId, `${USER.userId}/${command.key}`, i)));
    const count = found.filter((e) => e !== undefined).length;
    if (count === 0) continue;
    present++;
    const prefix = found.slice(0, count);
    if (prefix.some((e) => e === undefined)) problems.push(`${command.path} ${command.caseId}: its events are not a prefix of the command's ids`);
    if (expected !== undefined && count !== expected) problems.push(`${command.path} ${command.caseId}: ${count} of its ${expected} events are in the store (partial)`);
    const revisions = prefix.map((e) => e?.revision ?? -1);
    if (prefix.some((e) => e?.streamId !== caseStreamId(command.caseId)) || revisions.some((r, i) => i > 0 && r !== revisions[i - 1]! + 1)) {
      problems.push(`${command.path} ${command.caseId}: its events are not consecutive on its case stream (${revisions.join(', ')})`);
    }
  }
  return { problems, present, absent: unacknowledged.length - present };
}
