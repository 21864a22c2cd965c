export { CalendarDataError, CalendarError, CalendarRangeError, InvalidDateError } from './errors';
export {
  addCalendarDays,
  addCalendarMonths,
  formatLocalDate,
  isLocalDate,
  toEpochDay,
  weekdayName,
  type LocalDate,
} from './local-date';
export {
  LONDON,
  addElapsedHours,
  endOfLondonDay,
  formatLondonTime,
  instantToMillis,
  londonDateOf,
  londonWallTimeToInstant,
  normaliseInstant,
  startOfLondonDay,
  type Instant,
} from './instant';
export {
  DIVISION,
  mergeBankHolidays,
  parseBankHolidays,
  parseClosureDays,
  yearsCovered,
  type BankHolidayDivision,
  type BankHolidayEvent,
  type BankHolidaysFile,
  type ClosureDay,
} from './bank-holidays';
export { WorkingCalendar, calendarVersion, type DayCounting, type NonWorkingDay, type WorkingCalendarInput } from './working-calendar';
export { ASSUMED_TIME_OF_DAY, applyDuration, startDate, type DueComputation, type Duration, type DurationOptions, type DurationUnit, type Start } from './duration';
export { SHIPPED_BANK_HOLIDAYS, shippedCalendar } from './snapshot';
