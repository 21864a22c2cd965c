/**
 * `npm run bench -- <name> [<name>...]` runs bench/<name>.ts; `npm run bench` runs every one.
 * Each benchmark module exports `description` and `run(progress)` returning named figures whose
 * keys carry their units (appendsPerSec, p99Ms), each beside its same-run baseline and ratio.
 *
 * Progress goes to stderr. The last stdout line is one JSON object: with one name, that
 * benchmark's figures; otherwise the summary `{ startedAt, finishedAt, host, ok, benchmarks:
 * { <name>: { ok, seconds, figures } | { ok: false, seconds, error } } }`, also written to
 * bench/results/summary-<timestamp>.json and bench/results/latest.json (BENCH_RESULTS_DIR moves
 * them). A benchmark that fails is recorded with its error and the others still run; the exit
 * code is then 1. Before the JSON line, a table of every ratio and every figure with a target
 * (a figure `targetX` beside `x`) goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchModule {
  readonly description: string;
  run(progress: (message: string) => void): Promise<Record<string, number | string>>;
}

type Figures = Record<string, number | string>;
type Outcome = { ok: true; seconds: number; figures: Figures } | { ok: false; seconds: number; error: string };

/** `npm run` starts in the package's folder: results go to bench/results there (gitignored). */
const RESULTS_DIR = path.resolve(process.env.BENCH_RESULTS_DIR ?? path.join('bench', 'results'));

function available(): string[] {
  return fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.js') && file !== 'run.js' && !file.startsWith('_'))
    .map((file) => file.replace(/\.js$/, ''))
    .sort();
}

async function runOne(name: string): Promise<Outcome> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const log = (message: string) => process.stderr.write(`  ${name} [${seconds().toFixed(1)}s]: ${message}\n`);
  try {
    const bench = (await import(path.join(__dirname, name))) as BenchModule;
    process.stderr.write(`bench ${name}: ${bench.description}\n`);
    const figures = await bench.run(log);
    process.stderr.write(`bench ${name}: done in ${seconds()}s\n`);
    return { ok: true, seconds: seconds(), figures };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench ${name}: FAILED after ${seconds()}s: ${message}\n`);
    return { ok: false, seconds: seconds(), error: error instanceof Error ? error.message : String(error) };
  }
}

/** A figure's target is the figure named `target<Figure>`; times, bytes and lateness must stay below theirs. */
function targetOf(figures: Figures, key: string): { target: number; met: boolean } | undefined {
  const target = figures[`target${key[0]!.toUpperCase()}${key.slice(1)}`];
  const value = figures[key];
  if (typeof target !== 'number' || typeof value !== 'number') return undefined;
  const lowerIsBetter = /(Ms|Seconds)$|Bytes/.test(key);
  return { target, met: lowerIsBetter ? value <= target : value >= target };
}

/** Every ratio, and every figure that has a target, one row each. */
function ratioTable(outcomes: Record<string, Outcome>): string {
  const rows: string[][] = [['benchmark', 'figure', 'value', 'target', 'met']];
  for (const [name, outcome] of Object.entries(outcomes)) {
    if (!outcome.ok) {
      rows.push([name, 'FAILED', outcome.error.split('\n')[0]!.slice(0, 70), '', '']);
      continue;
    }
    for (const [key, value] of Object.entries(outcome.figures)) {
      if (key.startsWith('target')) continue;
      const target = targetOf(outcome.figures, key);
      if (!/ratio/i.test(key) && !target) continue;
      const bound = target ? `${/(Ms|Seconds|Bytes)$/.test(key) ? '<=' : '>='} ${target.target}` : '';
      rows.push([name, key, String(value), bound, target ? (target.met ? 'yes' : 'NO') : '']);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function writeSummary(summary: object): string[] {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const files = [path.join(RESULTS_DIR, `summary-${stamp}.json`), path.join(RESULTS_DIR, 'latest.json')];
  const text = `${JSON.stringify(summary, null, 2)}\n`;
  for (const file of files) fs.writeFileSync(file, text);
  return files;
}

async function main(): Promise<number> {
  const names = available();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no benchmark ${unknown.map((n) => `"${n}"`).join(', ')} (available: ${names.join(', ') || 'none'})\n`);
    return 2;
  }
  if (wanted.length === 1) {
    const outcome = await runOne(wanted[0]!);
    if (!outcome.ok) return 1;
    process.stdout.write(`${JSON.stringify(outcome.figures)}\n`);
    return 0;
  }

  const selected = wanted.length > 0 ? wanted : names;
  const startedAt = new Date().toISOString();
  process.stderr.write(`bench: running ${selected.join(', ')}\n`);
  const outcomes: Record<string, Outcome> = {};
  for (const name of selected) outcomes[name] = await runOne(name);
  const ok = Object.values(outcomes).every((outcome) => outcome.ok);
  const summary = {
    startedAt,
    finishedAt: new Date().toISOString(),
    host: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    ok,
    benchmarks: outcomes,
  };
  const files = writeSummary(summary);
  process.stderr.write(`\n${ratioTable(outcomes)}\n\nbench: summary written to ${files.join(' and ')}${ok ? '' : '; some benchmarks FAILED'}\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
