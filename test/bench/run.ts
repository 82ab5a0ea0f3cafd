/**
 * `npm run bench [-- NAME...]`: runs the registered benchmarks (all by default), prints a table and writes
 * the rows to bench-results.json. The store, review and reader groups drive Chromium.
 * Exit code 1 when a target is missed.
 */
import { writeFileSync } from 'node:fs';
import type { BenchRow } from './bench-row';
import { bundleBench } from './bundle.bench';
import { engineBench } from './engine.bench';
import { readerBench } from './reader.bench';
import { reviewBench } from './review.bench';
import { storeBench } from './store.bench';

type Bench = (log: (line: string) => void) => Promise<BenchRow[]>;

const BENCHES: Record<string, Bench> = {
  engine: engineBench,
  bundle: bundleBench,
  store: storeBench,
  review: reviewBench,
  reader: readerBench,
};

function format(value: number | null, unit = ''): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

function table(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'value', 'target', 'baseline', 'ratio', 'met'];
  const body = rows.map((row) => [
    row.name,
    format(row.value, row.unit),
    format(row.target, row.target === null ? '' : row.unit),
    format(row.baseline, row.baseline === null ? '' : row.unit === 'x' ? '' : row.unit),
    format(row.ratio),
    row.met === null ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    process.stderr.write(`usage: bench [${Object.keys(BENCHES).join('|')}]...  (unknown: ${unknown.join(', ')})\n`);
    return 2;
  }
  const rows: BenchRow[] = [];
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
    const started = performance.now();
    rows.push(...(await BENCHES[name]!(log)));
    // `npm run bench` as a whole should stay under ten minutes; this says which group takes the time.
    log(`${name}: finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  process.stdout.write(`${table(rows)}\n`);
  writeFileSync('bench-results.json', `${JSON.stringify(rows, null, 2)}\n`);
  return rows.some((row) => row.met === false) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
