import { AllegationCommandHandler, CaseCommandHandler } from '@csc/case-handler';
import type { AllegationCommand, CaseCommand } from '@csc/case';
import type { EventStore } from '@csc/event-store';
import type { SyntheticCouncil } from '@csc/synthetic';

/** The recording clock of a seeding run: each command is recorded at its own virtual instant. */
export class VirtualClock {
  private current = new Date(0);

  readonly now = (): Date => this.current;

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

export interface SeedProgress {
  readonly written: number;
  readonly repeated: number;
  readonly total: number;
  readonly events: number;
  readonly children: number;
  readonly elapsedMs: number;
}

export interface SeedResult extends SeedProgress {
  readonly allegations: number;
}

/**
 * Writes a synthetic council through the real command path: the case and allegation handlers
 * (load, decide, append with the expected revision), each command with its actor, idempotency
 * key and recording instant. `clock` must be the store's clock too, so the stored recordedAt is
 * the command's. A command already recorded (same idempotency key) appends nothing.
 */
export async function writeCouncil(
  store: EventStore,
  clock: VirtualClock,
  council: SyntheticCouncil,
  options: { readonly rulebook: string; readonly signal?: AbortSignal; readonly onProgress?: (progress: SeedProgress) => void; readonly everyMs?: number; readonly wallClock?: () => number },
): Promise<SeedResult> {
  const handlerOptions = { store, clock: clock.now, defaultRulebook: options.rulebook };
  const cases = new CaseCommandHandler(handlerOptions);
  const allegations = new AllegationCommandHandler(handlerOptions);
  const wall = options.wallClock ?? (() => performance.now());
  const started = wall();
  let lastReport = started;
  const seen = new Set<string>();
  let written = 0;
  let repeated = 0;
  let events = 0;
  const progress = (): SeedProgress => ({ written, repeated, total: council.commands.length, events, children: seen.size, elapsedMs: wall() - started });
  for (const item of council.commands) {
    if (options.signal?.aborted) break;
    clock.set(item.recordedAt);
    const meta = { actor: item.actor, idempotencyKey: item.idempotencyKey };
    const handled = item.stream === 'case'
      ? await cases.handle(item.command as CaseCommand, meta)
      : await allegations.handle(item.command as AllegationCommand, meta);
    if (item.stream === 'case') seen.add(item.id);
    if (handled.repeated) repeated += 1;
    else events += handled.events.length;
    written += 1;
    if (options.onProgress && wall() - lastReport >= (options.everyMs ?? 1000)) {
      lastReport = wall();
      options.onProgress(progress());
    }
  }
  return { ...progress(), allegations: council.allegations };
}

/** `1234/5678 commands (56 children), 230 commands/s, about 18s left`. */
export function describeProgress(p: SeedProgress): string {
  const rate = p.elapsedMs > 0 ? (p.written / p.elapsedMs) * 1000 : 0;
  const left = rate > 0 ? Math.ceil((p.total - p.written) / rate) : 0;
  const repeated = p.repeated > 0 ? `, ${p.repeated} already recorded` : '';
  return `${p.written}/${p.total} commands (${p.children} children${repeated}), ${Math.round(rate)} commands/s, about ${left}s left`;
}
