import type { Anchors, CancelReason, ClosingIntent, DeadlineLedger, EventRef, OpenIntent, Qualifier, RuleId } from './deadlines';

/** Parameters of a machine's `open` action: static data in the machine definition. */
export interface OpenParams<S extends string = string> {
  readonly series: S;
  readonly rule: RuleId;
  /** The rule's clock, for rules with several (see `OpenIntent.clock`). */
  readonly clock?: string;
  /** A series opened at most once per instance has the series name as its key ('icpc'). */
  readonly single?: boolean;
}

/** Which open deadlines of a series a closing action applies to. */
export interface CloseParams<S extends string = string> {
  readonly series: S;
  /** 'event': only `<series>-<n>` where n is the index the event names (a review number). */
  readonly which?: 'all' | 'event';
}

export interface CancelParams<S extends string = string> extends CloseParams<S> {
  readonly reason: CancelReason;
}

export interface CancelAllParams<S extends string = string> {
  readonly reason: CancelReason;
  /** Series left open (a review record still due after the child ceased to be looked after). */
  readonly except?: readonly S[];
}

export interface TriggerFacts {
  readonly trigger: EventRef;
  readonly qualifiers: readonly Qualifier[];
  readonly anchors: Anchors;
}

export function keyFor(ledger: DeadlineLedger, params: OpenParams): string {
  if (params.single === true) return params.series;
  return `${params.series}-${(ledger.opened[params.series] ?? 0) + 1}`;
}

export function openDeadline(ledger: DeadlineLedger, params: OpenParams, facts: TriggerFacts): DeadlineLedger {
  const key = keyFor(ledger, params);
  if (ledger.journal.some((i) => i.kind === 'open' && i.key === key)) {
    throw new Error(`deadline key '${key}' would be opened twice: the machine definition is wrong`);
  }
  const clock = params.clock === undefined ? {} : { clock: params.clock };
  const intent: OpenIntent = { kind: 'open', key, series: params.series, ruleId: params.rule, ...clock, ...facts };
  return {
    open: { ...ledger.open, [key]: intent },
    opened: { ...ledger.opened, [params.series]: (ledger.opened[params.series] ?? 0) + 1 },
    journal: [...ledger.journal, intent],
  };
}

function close(ledger: DeadlineLedger, keys: readonly string[], intentFor: (key: string) => ClosingIntent): DeadlineLedger {
  if (keys.length === 0) return ledger;
  const open = { ...ledger.open };
  for (const key of keys) delete open[key];
  return { open, opened: ledger.opened, journal: [...ledger.journal, ...keys.map(intentFor)] };
}

function selected(ledger: DeadlineLedger, params: CloseParams, eventIndex: number | undefined): string[] {
  const wanted = params.which === 'event' ? `${params.series}-${eventIndex ?? 0}` : undefined;
  return Object.values(ledger.open)
    .filter((d) => d.series === params.series && (wanted === undefined || d.key === wanted))
    .map((d) => d.key);
}

export function meetDeadlines(ledger: DeadlineLedger, params: CloseParams, by: EventRef, eventIndex?: number): DeadlineLedger {
  return close(ledger, selected(ledger, params, eventIndex), (key) => ({ kind: 'meet', key, by }));
}

export function lapseDeadlines(ledger: DeadlineLedger, params: CloseParams, by: EventRef): DeadlineLedger {
  return close(ledger, selected(ledger, params, undefined), (key) => ({ kind: 'lapse', key, by }));
}

export function cancelDeadlines(ledger: DeadlineLedger, params: CancelParams, by: EventRef, eventIndex?: number): DeadlineLedger {
  const { reason } = params;
  return close(ledger, selected(ledger, params, eventIndex), (key) => ({ kind: 'cancel', key, reason, by }));
}

export function cancelAllDeadlines(ledger: DeadlineLedger, params: CancelAllParams, by: EventRef): DeadlineLedger {
  const kept = new Set<string>(params.except ?? []);
  const keys = Object.values(ledger.open).filter((d) => !kept.has(d.series)).map((d) => d.key);
  const { reason } = params;
  return close(ledger, keys, (key) => ({ kind: 'cancel', key, reason, by }));
}
