export { BASES, period, periodEnd, type Basis, type Figure, type Period } from './basis';
export { ReportInputError } from './errors';
export { allegationRecordOf, caseRecordOf, type AllegationRecord, type CaseRecord, type Dated } from './records';
export { kpiReport, type Kpi, type KpiOptions, type KpiReport } from './kpi';
export { ANNEX_A_COLUMNS, annexA, annexACsv, parseAnnexAList, type AnnexAList, type AnnexAOptions, type AnnexAResult } from './annex-a';
export {
  caseAsOf, caseHistory, diffViews,
  type AuditedEvent, type CaseView, type CaseViewDiff, type DeadlineChange, type HistoryEntry, type ReplayOptions, type ViewInstants,
} from './replay';
export { previewRulebook, previewSummary, type PreviewEffect, type PreviewItem, type PreviewOptions } from './preview';
