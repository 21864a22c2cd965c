/** Bad input to a report (a period, an instant, a list number): names the field. */
export class ReportInputError extends Error {
  readonly code = 'REPORT_INPUT_INVALID';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ReportInputError';
  }
}
