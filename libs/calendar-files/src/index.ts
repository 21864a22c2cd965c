export { CalendarFileError, calendarDir, generateBankHolidays, loadEngineCalendar, readJsonFile, writeJsonAtomically, type LoadedCalendar } from './files';
