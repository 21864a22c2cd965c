import { generateCouncil, profileNamed, type SyntheticCommand } from '@csc/synthetic';

/**
 * Personal data the load clients send where the API takes text at all, so the privacy scan can
 * look for it afterwards. The engine's commands hold references only (never names or dates of
 * birth); the one free-text field is the reason given for reading a case's history
 * (`?reason=` or `X-Access-Reason`), which is kept in the event store's access log. The clients
 * also try to smuggle names and dates of birth into reference fields and unknown body fields
 * (refused with 400), and into Idempotency-Key headers (accepted, kept hashed).
 */
export const PERSONAL_DATA = {
  names: ['Zephyrine Quillborough', 'Barnaby Wrexham-Tull', 'Ottoline Vasquez-Harrowgate'],
  datesOfBirth: ['14/03/2011', '2011-03-14', '7 November 2009'],
  freeText: ['disclosed at Fenwick Lane Primary that her stepfather hits her', 'sleeping at Marquetta Dellacroix flat on Orchard Rise'],
  /** Sent only in place of a case id in a URL (`GET /cases/<name>`), refused with 400. */
  nameInUrl: 'Hermione Thistlewood',
} as const;

/** Every string the privacy scan looks for (names also without their space, as keys would hold them). */
export function personalMarkers(): string[] {
  const names = [...PERSONAL_DATA.names, PERSONAL_DATA.nameInUrl].flatMap((name) => [name, name.replace(/ /g, ''), name.split(' ')[1]!]);
  return [...names, ...PERSONAL_DATA.datesOfBirth, ...PERSONAL_DATA.freeText];
}

/** A reason for reading a history, built from the personal data (valid: printable text on one line, <= 200). */
export function accessReason(n: number): string {
  const name = PERSONAL_DATA.names[n % PERSONAL_DATA.names.length]!;
  const dob = PERSONAL_DATA.datesOfBirth[n % PERSONAL_DATA.datesOfBirth.length]!;
  const text = PERSONAL_DATA.freeText[n % PERSONAL_DATA.freeText.length]!;
  return `QA of ${name} born ${dob}: ${text}`.slice(0, 200);
}

/** One HTTP command: where to POST it and what to send. */
export interface LoadCommand {
  /** `case` or `allegation`. */
  readonly stream: 'case' | 'allegation';
  readonly recordId: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly type: string;
}

/** All the commands of one child's case or one allegation, in the order they must be sent. */
export interface RecordScript {
  readonly stream: 'case' | 'allegation';
  readonly recordId: string;
  readonly teamRef: string | undefined;
  readonly commands: LoadCommand[];
}

/** RecordStrategyDiscussion -> record-strategy-discussion (as the API's routes). */
export function commandPath(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * An endless supply of records to work through: a synthetic council (`@csc/synthetic`), then
 * another with a different seed, and so on, each round's case and allegation ids prefixed with
 * the round (`r2-child-000012`) so they never collide. Occurrences end a day before `until`.
 */
export class Workload {
  private round = 0;
  private queue: RecordScript[] = [];
  readonly teams = new Set<string>();
  readonly iros = new Set<string>();

  constructor(
    private readonly options: { readonly profile: string; readonly seed: string; readonly until: Date },
  ) {}

  /** The next record to work on (generating the next council when this one is used up). */
  next(): RecordScript {
    if (this.queue.length === 0) this.generate();
    return this.queue.shift()!;
  }

  private generate(): void {
    const profile = profileNamed(this.options.profile);
    if (profile === undefined) throw new Error(`no synthetic profile "${this.options.profile}"`);
    this.round++;
    const until = new Date(this.options.until.getTime() - 86_400_000).toISOString();
    const council = generateCouncil({ profile, years: 1, seed: `${this.options.seed}-${this.round}`, until });
    const tag = `r${this.round}-`;
    const scripts = new Map<string, RecordScript>();
    for (const item of council.commands) this.add(scripts, item, tag);
    // Children appear in order of their first command: oldest first. Alternate the newest (short
    // histories, deadlines still ahead: delayed alert jobs) with the oldest (long histories, many
    // deadlines already past: breaches raised at once).
    const ordered = [...scripts.values()];
    for (let low = 0, high = ordered.length - 1; low <= high; low++, high--) {
      this.queue.push(ordered[high]!);
      if (low < high) this.queue.push(ordered[low]!);
    }
  }

  private add(scripts: Map<string, RecordScript>, item: SyntheticCommand, tag: string): void {
    const text = JSON.stringify(item.command).replace(/"(child|alg|adult)-(\d+)"/g, `"${tag}$1-$2"`);
    const command = JSON.parse(text) as Record<string, unknown> & { type: string; caseId?: string; allegationId?: string; teamRef?: string; iroRef?: string };
    const stream = item.stream === 'case' ? 'case' : 'allegation';
    const recordId = stream === 'case' ? command.caseId! : command.allegationId!;
    const { type, caseId: _caseId, allegationId: _allegationId, ...body } = command;
    let script = scripts.get(recordId);
    if (script === undefined) {
      script = { stream, recordId, teamRef: command.teamRef, commands: [] };
      scripts.set(recordId, script);
    }
    if (typeof command.teamRef === 'string') this.teams.add(command.teamRef);
    if (typeof command.iroRef === 'string') this.iros.add(command.iroRef);
    const base = stream === 'case' ? 'cases' : 'allegations';
    script.commands.push({ stream, recordId, type, body, path: `/${base}/${encodeURIComponent(recordId)}/commands/${commandPath(type)}` });
  }
}
