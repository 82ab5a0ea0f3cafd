/**
 * Bundle benchmarks on a generated library of 1,000 documents and 100,000 annotations (with entities,
 * links, decisions and history): writing the bundle, reading and checking it, planning its merge into an
 * empty library and again into a library that already has it, in Node. The same round trip with the store
 * on real IndexedDB, in the app's bundle worker, is in the store group (store.bench.ts).
 */
import type { BundleContents } from '../../shared/bundles/bundle-format';
import { planBundleMerge } from '../../shared/bundles/merge-plan';
import { readBundle } from '../../shared/bundles/read-bundle';
import { writeBundle } from '../../shared/bundles/write-bundle';
import type { BenchRow } from './bench-row';
import { BUNDLE_LIBRARY_AT, generateBundleLibrary } from './bundle-library';

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

function row(name: string, value: number, unit: string, target: number | null = null, baseline: number | null = null): BenchRow {
  return { name, value, unit, target, baseline, ratio: baseline ? value / baseline : null, met: target === null ? null : value <= target };
}

/** Runs the bundle benchmarks and returns their rows. */
export async function bundleBench(log: (line: string) => void): Promise<BenchRow[]> {
  log('bundle: generating 1,000 documents with 100,000 annotations…');
  const library = await generateBundleLibrary(1_000, 100);
  const meta = { appVersion: 'bench', createdBy: 'bench', createdAt: BUNDLE_LIBRARY_AT };
  // Warm the JIT on a small library so the measured runs do not pay for compilation.
  const warm = await generateBundleLibrary(20, 50, 5);
  planBundleMerge(library, (await readBundle(await writeBundle(warm, meta))).contents);

  log('bundle: writing…');
  const written = await timed(() => writeBundle(library, meta));
  log('bundle: reading and checking…');
  const read = await timed(() => readBundle(written.result));
  log('bundle: planning the merge into an empty library and into one that has it…');
  const empty: BundleContents = { documents: [], annotations: [], entities: [], links: [], decisions: [], decisionHistory: [] };
  const planned = await timed(() => planBundleMerge(empty, read.result.contents));
  const again = await timed(() => planBundleMerge(library, read.result.contents));
  if (again.result.report.changed) throw new Error('bench: merging the same library again planned writes');
  const roundTrip = written.milliseconds + read.milliseconds + planned.milliseconds;

  return [
    row('bundle: write 100,000 annotations', written.milliseconds, 'ms'),
    row('bundle: size on disk', written.result.length / 1024 / 1024, 'MB'),
    row('bundle: read and check everything', read.milliseconds, 'ms'),
    row('bundle: plan merge into an empty library', planned.milliseconds, 'ms'),
    row('bundle: plan merge again (all skipped)', again.milliseconds, 'ms', null, planned.milliseconds),
    row('bundle: round trip (write + read + plan)', roundTrip, 'ms', 10_000),
  ];
}
