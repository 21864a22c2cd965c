import { CalendarRangeError, instantToMillis, londonDateOf, type WorkingCalendar } from '@csc/calendar';
import { BUILT_IN_RULEBOOKS, RulebookError, computeDeadline, releaseId, type RulebookRegistry, type RulebookSelector } from '@csc/rulebook';
import type { CancelReason, ClosingIntent, IsoInstant, LocalDate, OpenIntent } from '@workflows/shared';
import { chooseClock, noClockFacts, noteIntent, type ClockChoice, type ClockFacts } from './clocks';
import { pathwayOf } from './pathways/registry';
import type { AnyPathway, OwnerKind } from './pathways/types';
import { stepsOf, type CaseState, type PathwayInstance, type Step } from './state';

export type DeadlineStatus = 'open' | 'met-on-time' | 'met-late' | 'cancelled' | 'breached';

/** What started or closed a deadline: the event, when it happened and when it was recorded. */
export interface DeadlineEventRef {
  readonly event: string;
  readonly occurredAt: IsoInstant;
  readonly occurredOn: LocalDate;
  readonly recordedAt: IsoInstant;
}

/** A deadline derived from the case's events and the rulebook: never typed in. */
export interface CaseDeadline {
  /** `<caseId>/<instanceId>/<key>`: the same on every replay. */
  readonly id: string;
  readonly caseId: string;
  readonly pathway: string;
  readonly instanceId: string;
  readonly key: string;
  readonly series: string;
  readonly ruleId: string;
  readonly clock: string | null;
  readonly title: string | null;
  /** The release recorded with the trigger event (or the what-if rulebook). */
  readonly rulebookVersion: string;
  readonly ruleVersion: string | null;
  readonly calendarVersion: string | null;
  readonly trigger: DeadlineEventRef;
  /** The date the rule counts from (the trigger's date, or a planned meeting's for 'before' rules). */
  readonly countsFrom: LocalDate;
  /** Null when the rule sets no numeric timescale (`timescale` says what it says instead). */
  readonly dueDate: LocalDate | null;
  readonly dueInstant: IsoInstant | null;
  readonly actByDate: LocalDate | null;
  readonly timescale: string | null;
  readonly owner: { readonly kind: OwnerKind; readonly ref: string | null };
  readonly status: DeadlineStatus;
  /** Breached because the event it had to precede happened (`lapsed`) or its due instant passed (`overdue`). */
  readonly breach: 'lapsed' | 'overdue' | null;
  readonly cancelReason: CancelReason | null;
  readonly closedBy: (DeadlineEventRef & { readonly kind: ClosingIntent['kind'] }) | null;
}

export interface DeadlineOptions {
  readonly calendar: WorkingCalendar;
  readonly rulebooks?: RulebookRegistry;
  /** Evaluate every deadline under this rulebook instead of the recorded releases ("what if"). */
  readonly whatIf?: RulebookSelector;
}

/** 'enfield@1' -> { name: 'enfield', version: 1 }. */
export function parseRulebookVersion(version: string): RulebookSelector {
  const at = version.lastIndexOf('@');
  return at < 0 ? { name: version } : { name: version.slice(0, at), version: Number(version.slice(at + 1)) };
}

type Due = Pick<CaseDeadline, 'clock' | 'title' | 'ruleVersion' | 'calendarVersion' | 'dueDate' | 'dueInstant' | 'actByDate' | 'timescale' | 'rulebookVersion' | 'countsFrom'>;

/**
 * Memo of `computeDue`, a pure function of: the intent's rule id and trigger (instant and date),
 * the clock choice (clock, count-from date, or why none), the recorded release or the what-if
 * selector, the rulebook registry and the calendar. The registry and the calendar are told apart
 * by identity (neither changes once built), the rest by the string key.
 *
 * A clock counted in days (every clock but the hours ones) depends on the trigger's London date
 * alone, not its time: such answers are kept under a key with the date (`d`), shared by every
 * trigger on that day, which is what makes the memo pay across cases. Answers that depend on the
 * instant (hours clocks, a calendar range error) are kept under a key with the instant (`i`).
 * Bounded: a map that reaches its limit is emptied. Memoised values are frozen (shared).
 */
let dueMemo = new WeakMap<WorkingCalendar, WeakMap<RulebookRegistry, Map<string, { readonly due: Due | undefined }>>>();
const DUE_MEMO_LIMIT = 50_000;

/** Empties the due-date memo (benchmarks measure a cold start with it). */
export function clearDeadlineMemo(): void {
  dueMemo = new WeakMap();
}

function memoFor(calendar: WorkingCalendar, registry: RulebookRegistry): Map<string, { readonly due: Due | undefined }> {
  let byRegistry = dueMemo.get(calendar);
  if (byRegistry === undefined) {
    byRegistry = new WeakMap();
    dueMemo.set(calendar, byRegistry);
  }
  let memo = byRegistry.get(registry);
  if (memo === undefined) {
    memo = new Map();
    byRegistry.set(registry, memo);
  }
  return memo;
}

/** The London date the rule counts from: the count-from date, else the trigger instant's. Undefined for an unreadable instant. */
function countingDate(intent: OpenIntent, choice: ClockChoice): LocalDate | undefined {
  if (choice.kind === 'clock' && choice.countFrom !== undefined) return choice.countFrom;
  try {
    return londonDateOf(intent.trigger.at);
  } catch {
    return undefined;
  }
}

function dueKey(kind: 'd' | 'i', when: string, intent: OpenIntent, choice: ClockChoice, rulebookVersion: string, whatIf: RulebookSelector | undefined): string {
  const chosen = choice.kind === 'none' ? ['none', choice.why] : ['clock', choice.clock ?? '', choice.countFrom ?? ''];
  const release = whatIf === undefined ? ['recorded', rulebookVersion] : ['what-if', whatIf.name, String(whatIf.version ?? ''), whatIf.asOf ?? ''];
  return JSON.stringify([kind, when, intent.ruleId, intent.trigger.on, ...chosen, ...release]);
}

/** Due date of an open intent; undefined when the rulebook has no such rule (a local rule elsewhere). */
function dueOf(intent: OpenIntent, facts: ClockFacts, rulebookVersion: string, options: DeadlineOptions): Due | undefined {
  const choice = chooseClock(intent, facts);
  const date = countingDate(intent, choice);
  if (date === undefined) return computeDue(intent, choice, rulebookVersion, options).due;
  const memo = memoFor(options.calendar, options.rulebooks ?? BUILT_IN_RULEBOOKS);
  const byDate = dueKey('d', date, intent, choice, rulebookVersion, options.whatIf);
  const dated = memo.get(byDate);
  if (dated !== undefined) return dated.due;
  const byInstant = dueKey('i', intent.trigger.at, intent, choice, rulebookVersion, options.whatIf);
  const hit = memo.get(byInstant);
  if (hit !== undefined) return hit.due;
  const { due, dateOnly } = computeDue(intent, choice, rulebookVersion, options);
  if (memo.size >= DUE_MEMO_LIMIT) memo.clear();
  memo.set(dateOnly ? byDate : byInstant, { due: due === undefined ? undefined : Object.freeze(due) });
  return due;
}

/** The due date, and whether it depends on the counting date alone (not the trigger's time of day). */
function computeDue(intent: OpenIntent, choice: ClockChoice, rulebookVersion: string, options: DeadlineOptions): { due: Due | undefined; dateOnly: boolean } {
  const rulebook = options.whatIf ?? parseRulebookVersion(rulebookVersion);
  const version = options.whatIf === undefined ? rulebookVersion : releaseId((options.rulebooks ?? BUILT_IN_RULEBOOKS).select(options.whatIf));
  const none = (why: string): Due => ({
    clock: null, title: null, ruleVersion: null, calendarVersion: null, dueDate: null, dueInstant: null, actByDate: null, timescale: why,
    rulebookVersion: version, countsFrom: intent.trigger.on,
  });
  if (choice.kind === 'none') return { due: none(choice.why), dateOnly: true };
  try {
    const trigger = choice.countFrom === undefined ? { instant: intent.trigger.at } : { date: choice.countFrom };
    const d = computeDeadline({ ruleId: intent.ruleId, clock: choice.clock, trigger, rulebook, calendar: options.calendar }, options.rulebooks);
    const due: Due = {
      clock: d.clock, title: d.title, ruleVersion: d.ruleVersion, calendarVersion: d.calendarVersion, dueDate: d.dueDate,
      dueInstant: d.dueInstant, actByDate: d.actByDate, timescale: null, rulebookVersion: d.rulebookVersion, countsFrom: d.trigger.date,
    };
    return { due, dateOnly: d.precision === 'date' };
  } catch (error) {
    // A trigger outside the calendar's years (a date typed decades out) gives no due date, not a broken case.
    if (error instanceof CalendarRangeError) return { due: none(error.message), dateOnly: false };
    if (!(error instanceof RulebookError)) throw error;
    // The rule's resolution reads the counting date only (its definition, clocks and settings in force then).
    if (error.code === 'RULE_UNKNOWN') return { due: undefined, dateOnly: true };
    if (error.code === 'RULE_CLOCK_UNKNOWN' && switchedOff(intent.ruleId, choice.clock, choice.countFrom ?? intent.trigger.on, rulebook, options)) return { due: undefined, dateOnly: true };
    if (error.code === 'RULE_NO_TIMESCALE' || error.code === 'RULE_NOT_IN_FORCE') return { due: none(error.message), dateOnly: true };
    throw error;
  }
}

/**
 * True when the rule defines the clock but the council's settings switch it off (MIS-01's
 * `completed` clock when `rhiClocks` is offered only): no deadline, rather than an error. A clock
 * the rule does not define at all is a mistake in the clock table and still throws.
 */
function switchedOff(ruleId: string, clock: string | undefined, on: LocalDate, rulebook: RulebookSelector, options: DeadlineOptions): boolean {
  if (clock === undefined) return false;
  const registry = options.rulebooks ?? BUILT_IN_RULEBOOKS;
  const rule = registry.resolveRule(registry.select(rulebook), ruleId, on);
  return rule.definition.clocks.some((c) => c.key === clock) && !rule.clocks.some((c) => c.key === clock);
}

const ms = (instant: IsoInstant): number => instantToMillis(instant);

interface Draft {
  readonly open: OpenIntent;
  readonly openStep: Step;
  readonly due: Due;
  closing?: { readonly intent: ClosingIntent; readonly step: Step };
}

function status(d: Draft, asOf: number): Pick<CaseDeadline, 'status' | 'breach' | 'cancelReason' | 'closedBy'> {
  const closing = d.closing !== undefined && ms(d.closing.intent.by.at) <= asOf ? d.closing : undefined;
  const dueAt = d.due.dueInstant === null ? undefined : ms(d.due.dueInstant);
  if (closing === undefined) {
    const overdue = dueAt !== undefined && asOf >= dueAt;
    return { status: overdue ? 'breached' : 'open', breach: overdue ? 'overdue' : null, cancelReason: null, closedBy: null };
  }
  const { intent, step } = closing;
  const closedBy = { kind: intent.kind, event: intent.by.event, occurredAt: intent.by.at, occurredOn: intent.by.on, recordedAt: step.recordedAt };
  switch (intent.kind) {
    case 'meet':
      return { status: dueAt !== undefined && ms(intent.by.at) >= dueAt ? 'met-late' : 'met-on-time', breach: null, cancelReason: null, closedBy };
    case 'cancel':
      return { status: 'cancelled', breach: null, cancelReason: intent.reason, closedBy };
    case 'lapse':
      return { status: 'breached', breach: 'lapsed', cancelReason: null, closedBy };
    default: {
      const unhandled: never = intent;
      return unhandled;
    }
  }
}

function draftsOf(pathway: AnyPathway, instance: PathwayInstance, options: DeadlineOptions): Map<string, Draft> {
  const journal = pathway.ledger(instance.snapshot).journal;
  const steps = stepsOf(instance);
  const drafts = new Map<string, Draft>();
  let facts = noClockFacts;
  let s = 0;
  journal.forEach((intent, index) => {
    while (s + 1 < steps.length && (steps[s + 1]?.journalFrom ?? Infinity) <= index) s++;
    const step = steps[s];
    if (step === undefined) return;
    if (intent.kind === 'open') {
      const due = dueOf(intent, facts, step.rulebookVersion, options);
      if (due !== undefined) drafts.set(intent.key, { open: intent, openStep: step, due });
    } else {
      const draft = drafts.get(intent.key);
      if (draft !== undefined) draft.closing = { intent, step };
    }
    facts = noteIntent(facts, intent);
  });
  return drafts;
}

/** The deadline fields that do not depend on the stream kind (everything but the stream id and owner). */
export type InstanceDeadline = Omit<CaseDeadline, 'id' | 'caseId' | 'owner'>;

/** How a stream kind frames an instance's deadlines: ids, the head fields (`caseId`), owners. */
export interface DeadlineFrame<H extends object, O> {
  readonly id: (instanceId: string, key: string) => string;
  readonly head: H;
  readonly owner: (series: string) => O;
}

/**
 * The deadlines of one pathway instance as of `asOf`, framed for its stream (generic: a child's
 * case and an allegation derive theirs the same way).
 */
export function deadlinesOfInstance<H extends object, O>(
  pathway: AnyPathway, instance: PathwayInstance, asOf: IsoInstant, options: DeadlineOptions, frame: DeadlineFrame<H, O>,
): readonly ({ readonly id: string } & H & InstanceDeadline & { readonly owner: O })[] {
  const at = ms(asOf);
  const result: ({ readonly id: string } & H & InstanceDeadline & { readonly owner: O })[] = [];
  for (const draft of draftsOf(pathway, instance, options).values()) {
    const { open, openStep, due } = draft;
    if (ms(open.trigger.at) > at) continue;
    result.push({
      id: frame.id(instance.instanceId, open.key),
      ...frame.head,
      pathway: instance.pathway,
      instanceId: instance.instanceId,
      key: open.key,
      series: open.series,
      ruleId: open.ruleId,
      ...due,
      trigger: { event: open.trigger.event, occurredAt: open.trigger.at, occurredOn: open.trigger.on, recordedAt: openStep.recordedAt },
      owner: frame.owner(open.series),
      ...status(draft, at),
    });
  }
  return result;
}

/**
 * Every deadline of the case as of `asOf`: those triggered by then, with their status at that
 * instant (a closing dated after `asOf` has not happened yet; an open deadline past its due
 * instant is breached). To see the case as it was known then, fold only the events recorded by
 * then (`foldCaseAsOf`).
 */
export function deadlinesOf(state: CaseState, asOf: IsoInstant, options: DeadlineOptions): readonly CaseDeadline[] {
  const caseId = state.caseId ?? '';
  const result: CaseDeadline[] = [];
  for (const instance of Object.values(state.instances)) {
    const pathway = pathwayOf(instance.pathway);
    if (pathway === undefined) continue;
    result.push(...deadlinesOfInstance(pathway, instance, asOf, options, {
      id: (instanceId, key) => `${caseId}/${instanceId}/${key}`,
      head: { caseId },
      owner: (series): CaseDeadline['owner'] => {
        const kind = pathway.owner(series);
        return kind === 'iro' && state.iroRef !== undefined ? { kind: 'iro', ref: state.iroRef } : { kind: 'team', ref: state.teamRef ?? null };
      },
    }));
  }
  return result;
}
