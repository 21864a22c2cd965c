import { addCalendarMonths, instantToMillis, londonDateOf, type WorkingCalendar } from '@csc/calendar';
import { deadlinesOf, type CaseDeadline } from '@csc/case';
import type { RulebookRegistry } from '@csc/rulebook';
import type { IsoInstant, LocalDate } from '@workflows/shared';
import { toCsv } from './csv';
import { ReportInputError } from './errors';
import { cpFactsOf, lacFactsOf, missingFactsOf, type CpFacts } from './facts';
import type { CaseRecord, Dated } from './records';

/**
 * Ofsted ILACS Annex A lists 5, 7 and 8 (TIMESCALES.md section 4), as of an inspection instant.
 * Ids, never names: Child Unique ID is the case id. Columns for facts the engine does not hold
 * (gender, ethnicity, date of birth, age, disability, allocated worker, ...) are left empty.
 * Dates are DD/MM/YYYY as in Ofsted's template. Facts count as known at `asOf` (recorded by then).
 */
export type AnnexAList = 5 | 7 | 8;

const COMMON = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'];
const DISABILITY = 'Does the Child have a Disability';

export const ANNEX_A_COLUMNS: Readonly<Record<AnnexAList, readonly string[]>> = {
  5: [
    ...COMMON, DISABILITY,
    'Strategy discussion initiating Section 47 Enquiry Start Date',
    'Was an Initial Child Protection Conference deemed unnecessary?',
    'Date of Initial Child Protection Conference',
    'Did the Initial Child Protection Conference Result in a Child Protection Plan',
    'Number of Section 47 Enquiries in the last 12 months',
    'Number of ICPCs in the last 12 months',
    'Allocated Team', 'Allocated Worker',
  ],
  7: [
    ...COMMON, DISABILITY,
    'Child Protection Plan Start Date', 'Initial Category of Abuse', 'Latest Category of Abuse', 'Date of the Last Statutory Visit',
    'Was the Child Seen Alone?', 'Date of latest review conference', 'Child Protection Plan End Date',
    'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
    'Number of Previous Child Protection Plans', 'Allocated Team', 'Allocated Worker',
  ],
  8: [
    ...COMMON,
    'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', DISABILITY, 'Date Started to be Looked After',
    "Child's Category of Need",
    'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
    'Start date of current legal status', "Child's Legal Status", 'Date of Latest Statutory Review', 'Date of Last Social Work Visit',
    'What is the permanence plan for this child?', 'Date of Last IRO Visit / Contact to the Child', 'Date of Last Health Assessment',
    'Date of Last Dental Check', 'Number of Placements in the Last 12 months', 'Date Ceased to be Looked After',
    'Reason Ceased to be Looked After', 'Start Date of Most Recent Placement', 'Placement Type', 'Placement Provider',
    'Placement postcode', 'URN of Placement', 'Placement Location (In/Out)', 'LA of Placement',
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    'Was the child offered a Return Interview after their last missing episode (Y/N)?',
    'Did the child accept a Return Interview after their last missing episode (Y/N)?',
    'Allocated Team', 'Allocated Worker',
  ],
};

export interface AnnexAOptions {
  readonly asOf: IsoInstant;
  readonly calendar: WorkingCalendar;
  readonly rulebooks?: RulebookRegistry;
}

export interface AnnexAResult {
  readonly list: AnnexAList;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function parseAnnexAList(text: string): AnnexAList {
  if (text === '5' || text === '7' || text === '8') return Number(text) as AnnexAList;
  throw new ReportInputError('list', `${JSON.stringify(text)} is not an Annex A list this engine exports (5, 7 or 8)`);
}

const dmy = (date: LocalDate | undefined): string => (date === undefined ? '' : `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`);
const monthsBefore = (date: LocalDate, months: number): LocalDate => addCalendarMonths(date, -months).date;
const on = (d: Dated | undefined): LocalDate | undefined => d?.occurredOn;
const atOrBefore = (a: IsoInstant, b: IsoInstant): boolean => instantToMillis(a) <= instantToMillis(b);
const known = (d: Dated | undefined, asOf: IsoInstant): d is Dated => d !== undefined && atOrBefore(d.recordedAt, asOf) && atOrBefore(d.occurredAt, asOf);
const lastOf = (items: readonly Dated[], asOf: IsoInstant): LocalDate | undefined => on(items.filter((d) => known(d, asOf)).at(-1));
const yn = (value: boolean | undefined): string => (value === undefined ? '' : value ? 'Y' : 'N');
const blank = (n: number): string[] => Array.from({ length: n }, () => '');

/** The list's rows (one per s47 enquiry, per CP plan, per child in care) and its columns. */
export function annexA(list: AnnexAList, cases: readonly CaseRecord[], options: AnnexAOptions): AnnexAResult {
  const asOfDate = londonDateOf(options.asOf);
  const rows = cases.flatMap((record) => {
    const team = record.state.teamRef ?? '';
    if (list === 5) return list5(record, asOfDate, options.asOf, team);
    if (list === 7) return list7(record, asOfDate, options.asOf, team);
    return list8(record, asOfDate, options, team);
  });
  return { list, columns: ANNEX_A_COLUMNS[list], rows };
}

export function annexACsv(result: AnnexAResult): string {
  return toCsv(result.columns, result.rows);
}

const childColumns = (record: CaseRecord, withDisability: boolean): string[] => [record.caseId, ...blank(withDisability ? 5 : 4)];

/** Facts of a CP instance as known at the inspection (recorded by then). */
function knownCp(f: CpFacts, asOf: IsoInstant): CpFacts {
  const keep = <T extends Dated>(d: T | undefined): T | undefined => (known(d, asOf) ? d : undefined);
  return {
    ...f, s47Start: keep(f.s47Start), icpc: keep(f.icpc), icpcNotRequired: keep(f.icpcNotRequired), icpcNotHeld: keep(f.icpcNotHeld),
    planStart: keep(f.planStart), planEnd: keep(f.planEnd), reviews: f.reviews.filter((r) => known(r, asOf)),
  };
}

function list5(record: CaseRecord, asOfDate: LocalDate, asOf: IsoInstant, team: string): string[][] {
  const enquiries = cpFactsOf(record).map((f) => knownCp(f, asOf));
  const starts = enquiries.flatMap((f) => (f.s47Start ? [f.s47Start.occurredOn] : []));
  const icpcs = enquiries.flatMap((f) => (f.icpc ? [f.icpc.occurredOn] : []));
  const since = monthsBefore(asOfDate, 6);
  return enquiries.flatMap((f) => {
    const start = f.s47Start?.occurredOn;
    if (start === undefined || start < since || start > asOfDate) return [];
    const unnecessary = f.icpcNotRequired ? 'Yes' : f.icpc || f.icpcNotHeld ? 'No' : 'Unknown';
    const priorS47 = starts.filter((s) => s < start && s >= monthsBefore(start, 12)).length;
    const icpcsInYear = icpcs.filter((d) => d <= asOfDate && d > monthsBefore(asOfDate, 12)).length;
    return [[
      ...childColumns(record, true), dmy(start), unnecessary, dmy(f.icpc?.occurredOn),
      f.icpc ? (f.icpc.outcome === 'plan' ? 'Yes' : 'No') : '', String(priorS47), String(icpcsInYear), team, '',
    ]];
  });
}

const CATEGORY: Readonly<Record<string, string>> = {
  neglect: 'a) Neglect', physical: 'b) Physical abuse', sexual: 'c) Sexual abuse', emotional: 'd) Emotional abuse', multiple: 'e) Multiple/not recommended',
};

function list7(record: CaseRecord, asOfDate: LocalDate, asOf: IsoInstant, team: string): string[][] {
  const plans = cpFactsOf(record).map((f) => knownCp(f, asOf)).filter((f) => f.planStart !== undefined);
  const since = monthsBefore(asOfDate, 6);
  return plans.flatMap((f, index) => {
    const end = f.planEnd?.occurredOn;
    if (end !== undefined && end < since) return [];
    return [[
      ...childColumns(record, true), dmy(f.planStart?.occurredOn), CATEGORY[f.initialCategory ?? ''] ?? '', CATEGORY[f.latestCategory ?? ''] ?? '',
      '', '', dmy(lastOf(f.reviews, asOf)), dmy(end), '', String(index), team, '',
    ]];
  });
}

function list8(record: CaseRecord, asOfDate: LocalDate, options: AnnexAOptions, team: string): string[][] {
  const { asOf } = options;
  const periods = lacFactsOf(record).filter((c) => known(c.started, asOf));
  const current = periods.at(-1);
  if (current === undefined) return [];
  const ceased = known(current.ceased, asOf) ? current.ceased : undefined;
  if (ceased !== undefined && ceased.occurredOn < monthsBefore(asOfDate, 6)) return [];
  const yearAgo = monthsBefore(asOfDate, 12);
  const previous = periods.at(-2)?.ceased;
  const placements = periods.flatMap((c) => {
    const starts = c.placements.filter((pl) => known(pl, asOf));
    const periodEnd = known(c.ceased, asOf) ? c.ceased.occurredOn : undefined;
    return starts.map((pl, j) => ({ start: pl.occurredOn, end: starts[j + 1]?.occurredOn ?? periodEnd, type: pl.placementType }));
  });
  const inYear = placements.filter((pl) => pl.end === undefined || pl.end >= yearAgo).length;
  const latestPlacement = placements.at(-1);
  const status = known(current.legalStatusFrom, asOf) ? current : { ...current, legalStatusFrom: current.started };
  const rhi = lastMissing(record, asOf, options, yearAgo);
  return [[
    ...childColumns(record, false),
    '', '', dmy(current.started.occurredOn), '',
    yn(previous !== undefined && previous.occurredOn >= monthsBefore(current.started.occurredOn, 12)),
    dmy(status.legalStatusFrom.occurredOn), status.legalStatus, dmy(lastOf(current.reviews, asOf)), dmy(lastOf(current.visits, asOf)),
    '', '', dmy(lastOf(current.healthAssessments, asOf)), '', String(inYear), dmy(ceased?.occurredOn), ceased?.reason ?? '',
    dmy(latestPlacement?.start), latestPlacement?.type ?? '', '', '', '', '', '',
    String(rhi.missing), String(rhi.absent), rhi.offered, rhi.accepted, team, '',
  ]];
}

/** Missing and absent episodes in the 12 months to the inspection, and the last missing episode's return interview. */
function lastMissing(record: CaseRecord, asOf: IsoInstant, options: AnnexAOptions, yearAgo: LocalDate) {
  const episodes = missingFactsOf(record).filter((e) => known(e.reported, asOf) && e.reported.occurredOn >= yearAgo);
  const missing = episodes.filter((e) => e.kind === 'missing');
  const last = missing.at(-1);
  if (last === undefined) return { missing: 0, absent: episodes.length, offered: '', accepted: '' };
  const deadlines = deadlinesOf(record.state, asOf, { calendar: options.calendar, ...(options.rulebooks ? { rulebooks: options.rulebooks } : {}) });
  const of = (series: string): CaseDeadline | undefined => deadlines.find((d) => d.instanceId === last.instanceId && d.series === series);
  const closedKnown = (d: CaseDeadline | undefined) => (d?.closedBy != null && atOrBefore(d.closedBy.recordedAt, asOf) ? d.closedBy.kind : undefined);
  const offered = closedKnown(of('rhi-offered'));
  const interview = closedKnown(of('rhi-completed'));
  return {
    missing: missing.length,
    absent: episodes.length - missing.length,
    offered: offered === undefined ? (last.returned ? 'N' : '') : yn(offered === 'meet'),
    accepted: offered !== 'meet' ? '' : interview === 'meet' ? 'Y' : interview === 'cancel' ? 'N' : '',
  };
}
