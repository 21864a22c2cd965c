/** Base of every calendar error; `code` is stable and safe to branch on. */
export abstract class CalendarError extends Error {
  abstract readonly code: string;
}

/** A local date or an instant that is not well formed or does not exist. */
export class InvalidDateError extends CalendarError {
  readonly code = 'CALENDAR_INVALID_DATE';
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${field}: ${JSON.stringify(value)} ${reason}`);
    this.name = 'InvalidDateError';
  }
}

/** A date outside the years the loaded calendar knows the bank holidays of. */
export class CalendarRangeError extends CalendarError {
  readonly code = 'CALENDAR_OUT_OF_RANGE';
  constructor(
    readonly date: string,
    readonly coverage: { readonly from: string; readonly to: string },
  ) {
    super(
      `${date} is outside the working-day calendar (${coverage.from} to ${coverage.to}); ` +
        'import a newer gov.uk bank-holidays.json (csc calendar import <file>)',
    );
    this.name = 'CalendarRangeError';
  }
}

/** Bank-holiday or closure-day data that is not usable; `problems` names each fault by its path. */
export class CalendarDataError extends CalendarError {
  readonly code = 'CALENDAR_DATA_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid calendar data:\n  - ${problems.join('\n  - ')}`);
    this.name = 'CalendarDataError';
  }
}
