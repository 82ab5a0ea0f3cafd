/**
 * The store on real IndexedDB (on disk) in Chromium, through a bench page (test/bench/store-page) that vite
 * builds from the app's own CrosscheckDatabase and bundle worker:
 * - 100,000 annotations over 1,000 documents imported with the app's write (one bulkPut in one transaction)
 *   against plain IndexedDB putting the same records into stores with the same indexes, and one document's
 *   annotations read as the reader reads them, against a plain getAll on the index; the same page, sides
 *   alternating.
 * - The app's bundle round trip of that library, in its bundle worker: export (collect + write), then read
 *   and check with the merge preview, then import into a fresh database.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { BenchRow } from './bench-row';
import { serveDirectory } from './static-server';
import type { StageEnd, StoreRun } from './store-page/store-page';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser-executable';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCUMENTS = 1_000;
const PER_DOCUMENT = 100;
// Two runs, so that each side writes first once; each imports 100,000 annotations twice (about a minute).
const IMPORT_RUNS = 2;
const READ_SAMPLES = 30;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function row(name: string, value: number, unit: string, target: number | null, baseline: number | null = null): BenchRow {
  const ratio = baseline ? value / baseline : null;
  return { name, value, unit, target, baseline, ratio, met: target === null ? null : value <= target };
}

/** Runs the store benchmarks (Dexie against raw IndexedDB, then the bundle round trip) and returns their rows. */
export async function storeBench(log: (line: string) => void): Promise<BenchRow[]> {
  const executablePath = chromiumExecutable();
  if (!executablePath) {
    log('store: no Chromium found (set CROSSCHECK_CHROMIUM); skipping');
    return [];
  }
  // Its own folder, so that a bench never clashes with an e2e run's web build.
  const outDir = join(ROOT, 'node_modules/.tmp/store-bench');
  log("store: building the bench page from the app's store and bundle worker…");
  const { build } = await import('vite');
  await build({ configFile: false, root: join(ROOT, 'test/bench/store-page'), base: './', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const { chromium } = await import('@playwright/test');
  // A profile on disk, so that IndexedDB is stored as the app stores it: a fresh context would keep it in
  // memory, where the same writes take about half the time.
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-store-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS });
  try {
    const runs: StoreRun[] = [];
    let rows: BenchRow[] = [];
    for (let run = 0; run < IMPORT_RUNS; run++) {
      // Each run on its own port, so its own origin and IndexedDB files: the databases deleted by the run
      // before would otherwise leave work (compaction) that slows the next.
      const { server, url } = await serveDirectory(outDir);
      const page = await context.newPage();
      try {
        page.on('pageerror', (error) => log(`store: page error: ${error.message}`));
        await page.goto(url);
        await page.waitForFunction(() => 'crosscheckStoreBench' in window);
        log(`store: run ${run + 1} of ${IMPORT_RUNS}: generating ${DOCUMENTS.toLocaleString('en')} documents with ${(DOCUMENTS * PER_DOCUMENT).toLocaleString('en')} annotations in the page…`);
        await page.evaluate(([documents, perDocument]) => window.crosscheckStoreBench.prepare(documents, perDocument), [DOCUMENTS, PER_DOCUMENT] as const);
        log(`store: run ${run + 1}: importing (${run % 2 === 0 ? 'Dexie' : 'raw IndexedDB'} first), then reading…`);
        const last = run === IMPORT_RUNS - 1;
        // The annotations alone once, a figure to read rather than a target; the last run keeps its Dexie
        // database as the library that the bundle round trip exports.
        const options = { annotationsOnly: run === 0, keep: last };
        const result = await page.evaluate(([r, samples, o]) => window.crosscheckStoreBench.importAndRead(r, samples, o), [run, READ_SAMPLES, options] as const);
        if (run === 0) log(`store: stores and indexes written on both sides: ${result.stores.join('; ')}`);
        const alone = result.rawAnnotationsOnlyMs === null ? '' : `, raw annotations alone ${result.rawAnnotationsOnlyMs.toFixed(0)} ms`;
        log(`store:   import Dexie ${result.dexieImportMs.toFixed(0)} ms, raw ${result.rawImportMs.toFixed(0)} ms${alone}`);
        runs.push(result);
        if (last && result.kept) rows = await bundleRoundTrip(page, result.kept, log);
      } finally {
        await page.close();
        server.close();
      }
    }
    return [...storeRows(runs), ...rows];
  } finally {
    await context.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function storeRows(runs: readonly StoreRun[]): BenchRow[] {
  const dexieImport = mean(runs.map((run) => run.dexieImportMs));
  const rawImport = mean(runs.map((run) => run.rawImportMs));
  const dexieRead = median(runs.flatMap((run) => run.dexieReadMs));
  const rawRead = median(runs.flatMap((run) => run.rawReadMs));
  const reads = runs.reduce((sum, run) => sum + run.dexieReadMs.length, 0);
  const rows = [
    row(`store: import 100,000 annotations, raw IndexedDB, same stores and indexes (mean of ${runs.length})`, rawImport, 'ms', null),
    row(`store: import 100,000 annotations, Dexie bulkPut (mean of ${runs.length})`, dexieImport, 'ms', null, rawImport),
    row('store: Dexie / raw import time', dexieImport / rawImport, 'x', 1.5),
    row(`store: read one document's 100 annotations, raw getAll (median of ${reads})`, rawRead, 'ms', null),
    row(`store: read one document's 100 annotations, Dexie (median of ${reads})`, dexieRead, 'ms', null, rawRead),
    row('store: Dexie / raw read time', dexieRead / rawRead, 'x', 1.5),
  ];
  // What the quote word index, written with every annotation, adds to an import.
  const alone = runs.find((run) => run.rawAnnotationsOnlyMs !== null)?.rawAnnotationsOnlyMs;
  if (alone) rows.splice(3, 0, row('store: import 100,000 annotations, raw IndexedDB, annotations store alone (once)', alone, 'ms', null));
  return rows;
}

/** How long each stage of a worker operation took, from the stage ends the worker reported. */
function describeStages(stages: readonly StageEnd[]): string {
  let previous = 0;
  const parts: string[] = [];
  stages.forEach((stage, index) => {
    // The checker reports every thousand records; only a stage's last report says when it ended.
    if (stages[index + 1]?.stage === stage.stage) return;
    parts.push(`${stage.stage} ${(stage.ms - previous).toFixed(0)} ms`);
    previous = stage.ms;
  });
  return parts.join(', ');
}

/**
 * CPU seconds used so far by this process's descendants (Chromium and all its processes), from Linux's
 * /proc; null elsewhere. On a shared machine it says what the work costs apart from waiting for a core.
 */
function chromiumCpuSeconds(): number | null {
  try {
    const processes = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((pid) => {
        try {
          // Fields after the command name: state, ppid, … utime (12th), stime (13th), in clock ticks.
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
          return [{ pid: Number(pid), parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
        } catch {
          return [];
        }
      });
    const descendants = new Set([process.pid]);
    let ticks = 0;
    for (let grew = true; grew; ) {
      grew = false;
      for (const entry of processes) {
        if (descendants.has(entry.parent) && !descendants.has(entry.pid)) {
          descendants.add(entry.pid);
          ticks += entry.ticks;
          grew = true;
        }
      }
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

/**
 * The app's bundle export and import of the whole library in its bundle worker, on real IndexedDB: the
 * library in `database` exported, the bundle read, checked and previewed, then imported into a fresh database.
 */
async function bundleRoundTrip(page: Page, database: string, log: (line: string) => void): Promise<BenchRow[]> {
  log('store: warming the bundle worker with a small round trip…');
  await page.evaluate(() => window.crosscheckStoreBench.seedBundleSource({ small: { documents: 20, perDocument: 50 } }));
  await page.evaluate(() => window.crosscheckStoreBench.exportBundle());
  await page.evaluate(() => window.crosscheckStoreBench.readBundle());
  await page.evaluate(() => window.crosscheckStoreBench.importBundle());
  await page.evaluate(() => window.crosscheckStoreBench.discardRoundTrip());

  log('store: bundle round trip of the library the last Dexie import wrote (with its documents, entities, links, decisions)…');
  await page.evaluate((name) => window.crosscheckStoreBench.seedBundleSource({ database: name }), database);
  const cpu = [chromiumCpuSeconds()];
  const exported = await page.evaluate(() => window.crosscheckStoreBench.exportBundle());
  cpu.push(chromiumCpuSeconds());
  log(`store:   export: ${describeStages(exported.stages)}`);
  const read = await page.evaluate(() => window.crosscheckStoreBench.readBundle());
  cpu.push(chromiumCpuSeconds());
  log(`store:   read: ${describeStages(read.stages)}, then the merge preview`);
  const imported = await page.evaluate(() => window.crosscheckStoreBench.importBundle());
  cpu.push(chromiumCpuSeconds());
  log(`store:   import: ${describeStages(imported.stages)}`);
  log(`store:   imported ${Object.entries(imported.imported).map(([type, count]) => `${count} ${type}`).join(', ')}`);
  await page.evaluate(() => window.crosscheckStoreBench.discardRoundTrip());

  const steps = ['export', 'read', 'import'].map((step, index) => {
    const [before, after] = [cpu[index], cpu[index + 1]];
    return before == null || after == null ? null : `${step} ${(after - before).toFixed(1)} s`;
  });
  if (!steps.includes(null)) log(`store:   CPU time of Chromium's processes: ${steps.join(', ')}`);
  const total = exported.ms + read.ms + imported.ms;
  const rows = [
    row('bundle in Chromium: export 100,000 annotations (collect + write, in the worker)', exported.ms, 'ms', null),
    row('bundle in Chromium: bundle size', exported.bytes / 1024 / 1024, 'MB', null),
    row('bundle in Chromium: read, check and preview the merge', read.ms, 'ms', null),
    row('bundle in Chromium: import into a fresh database (one transaction)', imported.ms, 'ms', null),
    row('bundle round trip in Chromium (export + read + import)', total, 'ms', 10_000),
  ];
  const [start, , , end] = cpu;
  if (start != null && end != null) rows.push(row("bundle round trip in Chromium: CPU time of Chromium's processes", (end - start) * 1000, 'ms', null));
  return rows;
}
