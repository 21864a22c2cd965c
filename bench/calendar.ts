/**
 * `npm run bench -- calendar`: working-day additions per second on the shipped
 * calendar (O(1) table lookups), against a same-run baseline: the obvious
 * implementation that steps one day at a time through JS Dates and checks a
 * precomputed Set of holiday strings. Also the full `computeDeadline` (rule
 * resolution, arithmetic and explanation data) for scale.
 */
import { DIVISION, SHIPPED_BANK_HOLIDAYS, shippedCalendar } from '@csc/calendar';
import { computeDeadline } from '@csc/rulebook';

export const description = 'working-day additions per second (target >= 1,000,000/s) vs a day-stepping loop over a Set of holidays';

const CASES = 100_000;

function seededCases(): { dates: string[]; amounts: number[] } {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const start = Date.UTC(2015, 0, 1);
  const days = 365 * 19;
  const dates: string[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < CASES; i++) {
    dates.push(new Date(start + Math.floor(next() * days) * 86_400_000).toISOString().slice(0, 10));
    amounts.push(1 + Math.floor(next() * 45));
  }
  return { dates, amounts };
}

/** Runs `body` over the cases repeatedly for at least `ms`; returns operations per second. */
function measure(ms: number, body: (i: number) => unknown): { perSec: number; sink: number } {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += String(body(i % CASES)).length; // warm up
  const started = process.hrtime.bigint();
  let operations = 0;
  let elapsedNs = 0n;
  while (elapsedNs < BigInt(ms) * 1_000_000n) {
    for (let i = 0; i < 10_000; i++) sink += String(body((operations + i) % CASES)).length;
    operations += 10_000;
    elapsedNs = process.hrtime.bigint() - started;
  }
  return { perSec: Math.round(operations / (Number(elapsedNs) / 1e9)), sink };
}

export function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const calendar = shippedCalendar();
  const { dates, amounts } = seededCases();
  const holidays = new Set(SHIPPED_BANK_HOLIDAYS[DIVISION].events.map((e) => e.date));
  const naiveAdd = (date: string, n: number): string => {
    const day = new Date(`${date}T00:00:00Z`);
    let counted = 0;
    while (counted < n) {
      day.setUTCDate(day.getUTCDate() + 1);
      const weekday = day.getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !holidays.has(day.toISOString().slice(0, 10))) counted++;
    }
    return day.toISOString().slice(0, 10);
  };
  for (let i = 0; i < 2_000; i++) {
    const [d = '', n = 1] = [dates[i], amounts[i]];
    if (naiveAdd(d, n) !== calendar.addWorkingDays(d, n)) throw new Error(`baseline disagrees on ${d} + ${n}`);
  }
  progress('checked: the baseline and the calendar agree on 2,000 cases');
  const engine = measure(1500, (i) => calendar.addWorkingDays(dates[i] ?? '', amounts[i] ?? 1));
  progress(`calendar.addWorkingDays: ${engine.perSec.toLocaleString('en-GB')}/s`);
  const baseline = measure(1500, (i) => naiveAdd(dates[i] ?? '', amounts[i] ?? 1));
  progress(`baseline day-stepping loop: ${baseline.perSec.toLocaleString('en-GB')}/s`);
  const full = measure(1000, (i) => computeDeadline({ ruleId: 'CP-04', trigger: { date: dates[i] ?? '' }, rulebook: { name: 'enfield' }, calendar }).dueDate);
  progress(`computeDeadline (CP-04, enfield): ${full.perSec.toLocaleString('en-GB')}/s`);
  return Promise.resolve({
    workingDayAdditionsPerSec: engine.perSec,
    baselineDaySteppingAdditionsPerSec: baseline.perSec,
    ratioVsBaseline: Number((engine.perSec / baseline.perSec).toFixed(1)),
    computeDeadlinePerSec: full.perSec,
    meanWorkingDaysAdded: Number((amounts.reduce((a, b) => a + b, 0) / CASES).toFixed(1)),
    targetWorkingDayAdditionsPerSec: 1_000_000,
  });
}
