import { ConfigError, loadConfig } from '@csc/config';
import { loadEngineCalendar } from '@csc/calendar-files';
import type { WorkingCalendar } from '@csc/calendar';
import { createEventStore, START, type EventStore, type Position, type RecordedEvent } from '@csc/event-store';
import { allegationRecordOf, caseRecordOf, type AllegationRecord, type CaseRecord } from '@csc/reporting';
import { PENDING_RULEBOOKS, type RulebookRegistry } from '@csc/rulebook';
import { CliInputError } from './calendar';

/** What the reporting commands read and write through: injected, so tests run them against a real store. */
export interface ReportingDeps {
  readonly store: EventStore;
  readonly calendar: WorkingCalendar;
  /** Every release an event may name, and proposals (a superset of the built-in registry). */
  readonly rulebooks: RulebookRegistry;
  readonly now: () => Date;
  readonly out: (text: string) => void;
  readonly progress: (text: string) => void;
}

/** The configured store and calendar (CSC_EVENT_STORE, CSC_DATA_DIR); the caller closes the store. */
export async function configuredDeps(): Promise<ReportingDeps> {
  const config = loadConfig();
  const { calendar } = loadEngineCalendar(config.dataDir);
  const store = await createEventStore({ eventStore: config.eventStore, dataDir: config.dataDir });
  return {
    store, calendar, rulebooks: PENDING_RULEBOOKS, now: () => new Date(),
    out: (text) => process.stdout.write(text),
    progress: (text) => process.stderr.write(text),
  };
}

/** Runs a command against the configured store, closing it after; input errors exit 65, configuration 78. */
export function runWithStore(body: (deps: ReportingDeps) => Promise<void>): Promise<void> {
  return (async () => {
    let deps: ReportingDeps | undefined;
    try {
      deps = await configuredDeps();
      await body(deps);
    } catch (error) {
      const code = error instanceof ConfigError ? 78 : error instanceof CliInputError || hasCode(error) ? 65 : undefined;
      if (code === undefined) throw error;
      process.stderr.write(`csc: ${(error as Error).message}\n`);
      process.exitCode = code;
    } finally {
      await deps?.store.close();
    }
  })();
}

const hasCode = (error: unknown): boolean => error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

const PAGE = 5000;

/** Every case and allegation in the store, read in global order, with progress on stderr. */
export async function readEverything(deps: ReportingDeps): Promise<{ cases: CaseRecord[]; allegations: AllegationRecord[] }> {
  const streams = new Map<string, RecordedEvent[]>();
  let after: Position = START;
  let read = 0;
  for (;;) {
    const page = await deps.store.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      if (!event.streamId.startsWith('case-') && !event.streamId.startsWith('allegation-')) continue;
      const list = streams.get(event.streamId) ?? [];
      list.push(event);
      streams.set(event.streamId, list);
    }
    read += page.length;
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) break;
    after = last.position;
    deps.progress(`\rread ${read} events, ${streams.size} streams`);
  }
  deps.progress(`read ${read} events: ${streams.size} case and allegation streams\n`);
  const cases: CaseRecord[] = [];
  const allegations: AllegationRecord[] = [];
  for (const [streamId, events] of streams) {
    events.sort((a, b) => a.revision - b.revision);
    if (streamId.startsWith('case-')) cases.push(caseRecordOf(events));
    else allegations.push(allegationRecordOf(streamId.slice('allegation-'.length), events));
  }
  return { cases, allegations };
}

/** A table of aligned columns. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}
