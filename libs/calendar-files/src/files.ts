import fs from 'node:fs';
import path from 'node:path';
import Holidays from 'date-holidays';
import {
  DIVISION,
  SHIPPED_BANK_HOLIDAYS,
  WorkingCalendar,
  mergeBankHolidays,
  parseBankHolidays,
  parseClosureDays,
  type BankHolidayEvent,
  type BankHolidaysFile,
  type ClosureDay,
} from '@csc/calendar';

/** A calendar file that cannot be read or parsed; the message names the file. */
export class CalendarFileError extends Error {
  readonly code = 'CALENDAR_FILE_INVALID';
}

/** Where a council's imported calendar lives: `<CSC_DATA_DIR>/calendar/`. */
export function calendarDir(dataDir: string): string {
  return path.join(dataDir, 'calendar');
}

export interface LoadedCalendar {
  readonly calendar: WorkingCalendar;
  /** Human-readable: which files the calendar was built from. */
  readonly sources: readonly string[];
}

/**
 * The engine's working-day calendar: the council's imported gov.uk file (if
 * any) over the shipped snapshot, plus its closure days (if any). Apps load it
 * once at start-up and pass it to the pure rulebook.
 */
export function loadEngineCalendar(dataDir: string): LoadedCalendar {
  const dir = calendarDir(dataDir);
  const importedPath = path.join(dir, 'bank-holidays.json');
  const closuresPath = path.join(dir, 'closure-days.json');
  const sources = ['shipped snapshot (@csc/calendar)'];
  let bankHolidays: BankHolidaysFile = SHIPPED_BANK_HOLIDAYS;
  if (fs.existsSync(importedPath)) {
    bankHolidays = mergeBankHolidays(parseBankHolidays(readJsonFile(importedPath)), SHIPPED_BANK_HOLIDAYS);
    sources.unshift(importedPath);
  }
  let closureDays: readonly ClosureDay[] = [];
  if (fs.existsSync(closuresPath)) {
    closureDays = parseClosureDays(readJsonFile(closuresPath));
    sources.push(closuresPath);
  }
  return { calendar: new WorkingCalendar({ bankHolidays, closureDays }), sources };
}

const GOV_UK_TITLES: Readonly<Record<string, string>> = {
  "New Year's Day": 'New Year’s Day',
  'Queen’s Platinum Jubilee': 'Platinum Jubilee bank holiday',
  "Queen Elizabeth's Funeral Day": 'Bank Holiday for the State Funeral of Queen Elizabeth II',
  "King Charles III's Coronation": 'Bank holiday for the coronation of King Charles III',
};
const NO_BUNTING = new Set(['Good Friday', 'Bank Holiday for the State Funeral of Queen Elizabeth II']);

/**
 * England and Wales bank holidays by rule (date-holidays, region GB-ENG) in
 * gov.uk's format: the weekend date of a holiday with a substitute is left out
 * and the substitute carries its title with the note "Substitute day", as on
 * gov.uk. date-holidays gets 2011 and 2012 wrong (royal wedding, moved Spring
 * holiday), so start no earlier than 2013.
 */
export function generateBankHolidays(from: number, to: number): BankHolidaysFile {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 2013 || to < from) {
    throw new Error('--from and --to must be years, 2013 or later, with --from <= --to');
  }
  const holidays = new Holidays('GB', 'ENG');
  const events: BankHolidayEvent[] = [];
  for (let year = from; year <= to; year++) {
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const date = holiday.date.slice(0, 10);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const substitute = holiday.substitute === true;
      const name = holiday.name.replace(/ \(substitute day\)$/, '');
      const title = GOV_UK_TITLES[name] ?? name;
      events.push({ title, date, notes: substitute ? 'Substitute day' : '', bunting: !NO_BUNTING.has(title) });
    }
  }
  return parseBankHolidays({ [DIVISION]: { division: DIVISION, events } });
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CalendarFileError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CalendarFileError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes JSON through a temporary file and a rename, so a reader never sees half a file. */
export function writeJsonAtomically(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`);
  fs.renameSync(temporary, file);
}
