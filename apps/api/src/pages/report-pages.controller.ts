import { Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ForbiddenError, type Principal } from '@csc/auth';
import { addCalendarDays, londonDateOf, normaliseInstant } from '@csc/calendar';
import { allegationRecordOf, caseRecordOf, kpiReport, type Figure, type Kpi } from '@csc/reporting';
import type { FieldError } from '../http/errors';
import { Public } from '../http/principal';
import { CaseRecords } from '../cases/case-records';
import { percentChart, type ChartSeries } from './charts';
import { nav } from './nav';
import { PageErrorFilter } from './page-error.filter';
import { PageSessionGuard, PageUser } from './page-guard';
import { PageThrottleGuard } from './page-throttle';
import { renderPage } from './render';
import { csrfTokenFor } from './session';
import { readStreams } from './streams';

/** Who sees the KPI report (aggregate figures, no records): team managers and auditors. */
export const KPI_ROLES = ['team-manager', 'auditor'] as const;

const SERIES: readonly ChartSeries[] = [
  { name: 'By the date it happened', colour: '#1d70b8' },
  { name: 'By the date it was recorded', colour: '#f47738' },
];

/** The KPIs in the charts: child protection and looked after, missing episodes, LADO. */
const SECTIONS = [
  { id: 'cp-lac', title: 'Child protection, looked-after children and assessments', kpis: ['lac-reviews-in-time', 'icpc-within-15-wd', 'rcpc-in-time', 'assessments-45-wd', 'cp-plans-2-years', 'cp-plans-subsequent', 'lac-review-participation'] },
  { id: 'missing', title: 'Return home interviews after missing episodes', kpis: ['rhi-offered-72h', 'rhi-completed-72h', 'rhi-accepted'] },
  { id: 'lado', title: 'Allegations against adults who work with children (LADO)', kpis: ['lado-referrals', 'lado-substantiated', 'lado-resolution'] },
];

interface DateFields {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** A GOV.UK date input's three boxes as a date, or the message for its field. */
export function dateOf(fields: DateFields, name: string): string | FieldError {
  if (fields.day === '' && fields.month === '' && fields.year === '') return { field: name, message: `Enter the ${name === 'from' ? 'first' : 'last'} day of the period` };
  if (!/^\d{1,2}$/.test(fields.day) || !/^\d{1,2}$/.test(fields.month) || !/^\d{4}$/.test(fields.year)) return { field: name, message: `The ${name === 'from' ? 'first' : 'last'} day must be a real date, for example 1 4 2026` };
  const iso = `${fields.year}-${fields.month.padStart(2, '0')}-${fields.day.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { field: name, message: `The ${name === 'from' ? 'first' : 'last'} day must be a real date, for example 1 4 2026` };
  return iso;
}

/** The period asked for, or the field errors; with no dates given, the year to today. */
export function periodOf(query: Record<string, unknown>, today: string): { from: string; to: string; fields: Record<string, DateFields> } | { errors: FieldError[]; fields: Record<string, DateFields> } {
  const text = (name: string) => (typeof query[name] === 'string' ? query[name].trim() : '');
  const parts = (name: string): DateFields => ({ day: text(`${name}-day`), month: text(`${name}-month`), year: text(`${name}-year`) });
  const given = ['from', 'to'].some((n) => ['day', 'month', 'year'].some((p) => text(`${n}-${p}`) !== ''));
  if (!given) {
    const from = addCalendarDays(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28'), 1);
    const split = (d: string): DateFields => ({ day: String(Number(d.slice(8, 10))), month: String(Number(d.slice(5, 7))), year: d.slice(0, 4) });
    return { from, to: today, fields: { from: split(from), to: split(today) } };
  }
  const fields = { from: parts('from'), to: parts('to') };
  const from = dateOf(fields.from, 'from');
  const to = dateOf(fields.to, 'to');
  const errors = [from, to].filter((d): d is FieldError => typeof d !== 'string');
  if (errors.length > 0) return { errors, fields };
  if ((to as string) < (from as string)) return { errors: [{ field: 'to', message: 'The last day must be the same as or after the first day' }], fields };
  return { from: from as string, to: to as string, fields };
}

const percentText = (f: Figure) => (f.percent === null ? 'no data' : `${f.percent.toFixed(1)}%`);

/** A KPI as the table shows it: each basis as percent and numerator of denominator, and the lag in points. */
function kpiRow(k: Kpi) {
  const lag = k.occurred.percent === null || k.recorded.percent === null ? null : Math.round((k.recorded.percent - k.occurred.percent) * 10) / 10;
  return {
    id: k.id, title: k.title, definition: k.definition,
    occurred: `${percentText(k.occurred)} (${k.occurred.numerator} of ${k.occurred.denominator})`,
    recorded: `${percentText(k.recorded)} (${k.recorded.numerator} of ${k.recorded.denominator})`,
    lag: lag === null ? 'not applicable' : `${lag > 0 ? '+' : ''}${lag.toFixed(1)} points`,
    detail: Object.keys({ ...k.occurred.detail, ...k.recorded.detail }).sort().map((key) => ({ key, occurred: k.occurred.detail[key] ?? 0, recorded: k.recorded.detail[key] ?? 0 })),
  };
}

/**
 * The KPI report of TIMESCALES.md section 3 for a period (libs/reporting's `kpiReport`), on the
 * date things happened beside the date they were recorded: inline SVG bar charts with a table
 * of the same figures under each. Computed from the event log on each request.
 */
@Public()
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@UseGuards(PageSessionGuard, PageThrottleGuard)
@Controller('app/reports')
export class ReportPagesController {
  constructor(private readonly cases: CaseRecords) {}

  @Get('kpi')
  async kpi(@Query() query: Record<string, unknown>, @PageUser() user: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!KPI_ROLES.some((r) => user.roles.includes(r))) throw new ForbiddenError('the KPI report is for team managers and auditors');
    const today = londonDateOf(normaliseInstant(this.cases.settings.clock().toISOString()));
    const asked = periodOf(query, today);
    const base = { title: 'KPI report', nav: nav(user, '/app/reports/kpi'), user, fields: asked.fields, csrf: csrfTokenFor(request, response) };
    if ('errors' in asked) {
      const fieldErrors = Object.fromEntries(asked.errors.map((e) => [e.field, { text: e.message }]));
      return renderPage(response, 'kpi.njk', { ...base, title: 'Error: KPI report', errors: asked.errors.map((e) => ({ text: e.message, href: `#${e.field}-day` })), fieldErrors }, 400);
    }
    const streams = await readStreams(await this.cases.store(), ['case-', 'allegation-']);
    const caseRecords = [];
    const allegations = [];
    for (const [streamId, events] of streams) {
      if (streamId.startsWith('case-')) caseRecords.push(caseRecordOf(events));
      else allegations.push(allegationRecordOf(streamId.slice('allegation-'.length), events));
    }
    const report = kpiReport(caseRecords, allegations, { from: asked.from, to: asked.to }, { calendar: this.cases.settings.calendar });
    const byId = new Map(report.kpis.map((k) => [k.id, k]));
    const sections = SECTIONS.map((s) => {
      const kpis = s.kpis.flatMap((id) => byId.get(id) ?? []);
      return {
        id: s.id, title: s.title, rows: kpis.map(kpiRow),
        chart: percentChart(`chart-${s.id}`, `${s.title}: percentages, ${asked.from} to ${asked.to}`, SERIES, kpis.map((k) => ({ label: k.title, values: [k.occurred.percent, k.recorded.percent] }))),
      };
    });
    renderPage(response, 'kpi.njk', { ...base, report, sections, series: SERIES, from: asked.from, to: asked.to });
  }
}
