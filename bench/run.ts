/**
 * `npm run bench -- <name>` runs bench/<name>.ts; `npm run bench` runs them all.
 * Each benchmark module exports `run(): Promise<Record<string, number>>` and the
 * runner prints its figures as the last line: one JSON object whose keys carry
 * their units (appendsPerSec, p99Ms), each beside its same-run baseline and ratio.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BenchModule {
  readonly description: string;
  run(progress: (message: string) => void): Promise<Record<string, number | string>>;
}

async function main(): Promise<void> {
  const available = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.js') && file !== 'run.js' && !file.startsWith('_'))
    .map((file) => file.replace(/\.js$/, ''))
    .sort();
  const wanted = process.argv.slice(2);
  for (const name of wanted) {
    if (!available.includes(name)) {
      process.stderr.write(`bench: no benchmark "${name}" (available: ${available.join(', ') || 'none'})\n`);
      process.exit(2);
    }
  }
  const names = wanted.length > 0 ? wanted : available;
  const summary: Record<string, Record<string, number | string>> = {};
  for (const name of names) {
    const bench = (await import(path.join(__dirname, name))) as BenchModule;
    process.stderr.write(`bench ${name}: ${bench.description}\n`);
    summary[name] = await bench.run((message) => process.stderr.write(`  ${name}: ${message}\n`));
  }
  const result = names.length === 1 ? summary[names[0]!] : summary;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
