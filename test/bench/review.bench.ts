/**
 * Review queue benchmarks with 5,000 generated flags over 1,000 documents (a third decided, some on evidence
 * that has since changed): in Node, building the queue's rows and filtering + counting + sorting them (what
 * runs on every keystroke in the search box); in Chromium, the first render of the virtualised queue and a
 * selection move, on a small standalone page built from the real components (no hook in the app).
 * Register in test/bench/run.ts as `review: reviewBench`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contradictionId, type Contradiction, type ContradictionKind, type Evidence } from '../../shared/detect/contradiction';
import type { Annotation, Decision, Entity } from '../../shared/model';
import { evidenceHash } from '../../shared/review/evidence-hash';
import { DEFAULT_REVIEW_FILTERS, reviewQueue, type ReviewFilters } from '../../shared/review/review-filters';
import { reviewItems, type ReviewDocument, type ReviewSources } from '../../shared/review/review-items';
import { REVIEW_STATUSES } from '../../shared/review/review-status';
import type { BenchRow } from './bench-row';
import { serveDirectory } from './static-server';
import { seededRandom } from './corpus-generator';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser-executable';

const FLAGS = 5_000;
const DOCUMENTS = 1_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the generated review library holds; plain JSON, so the browser page can load the same data. */
export interface ReviewLibrary {
  contradictions: Contradiction[];
  documents: Record<string, ReviewDocument>;
  decisions: Decision[];
  annotations: Record<string, Pick<Annotation, 'kind' | 'status' | 'entityId' | 'speaker' | 'quantity'>>;
  entities: Record<string, Pick<Entity, 'id' | 'name'>>;
}

const SURNAMES = ['Lindqvist', 'Marek', 'Okafor', 'Calloway', 'Renn', 'Fenwick', 'Haddad', 'Kowal', 'Brisco', 'Tamm', 'Wendtner', 'Ostrova'];
const FIRST = ['Mara', 'Ivo', 'Petra', 'Tom', 'Ines', 'Jonas', 'Leila', 'Arto', 'Sena', 'Oskar'];
const PLACES = ['Marrow Creek', 'Port Averly', 'Kessel', 'Hollin', 'Leaton', 'Brask Valley'];
const NOUNS = ['trapped miners', 'rescued miners', 'injured workers', 'displaced families', 'released hostages', 'closure days'];
const KINDS: readonly ContradictionKind[] = ['name-variant', 'quantity-mismatch', 'date-mismatch', 'claim-conflict'];

/** A deterministic library of `flags` contradictions over `documents` documents. */
export function generateReviewLibrary(flags = FLAGS, documents = DOCUMENTS, seed = 5): ReviewLibrary {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const library: ReviewLibrary = { contradictions: [], documents: {}, decisions: [], annotations: {}, entities: {} };
  for (let d = 0; d < documents; d++) {
    const day = 1 + Math.floor(random() * 28);
    library.documents[`doc-${d}`] = {
      title: `${pick(PLACES)}: ${pick(NOUNS)} story ${d}`,
      outlet: `${pick(SURNAMES)} Post`,
      ...(random() < 0.9 ? { publishedAt: `2025-03-${String(day).padStart(2, '0')}` } : {}),
      importedAt: '2025-04-01T08:00:00.000Z',
    };
  }
  for (let e = 0; e < 300; e++) library.entities[`entity-${e}`] = { id: `entity-${e}`, name: `${pick(FIRST)} ${pick(SURNAMES)} ${e}` };
  let annotationCount = 0;
  for (let f = 0; f < flags; f++) {
    const kind = KINDS[f % KINDS.length]!;
    const evidence: Evidence[] = [];
    for (let i = 0, n = 2 + Math.floor(random() * 4); i < n; i++) {
      const documentId = `doc-${Math.floor(random() * documents)}`;
      const start = Math.floor(random() * 3000);
      const quote = kind === 'name-variant' ? `${pick(FIRST)} ${pick(SURNAMES)}` : `${Math.floor(random() * 90)} ${pick(NOUNS)}`;
      const stored = random() < 0.4;
      const annotationId = stored ? `annotation-${annotationCount++}` : undefined;
      if (annotationId) {
        library.annotations[annotationId] =
          kind === 'name-variant'
            ? { kind: 'entity', status: 'unverified', entityId: `entity-${Math.floor(random() * 300)}` }
            : kind === 'claim-conflict'
              ? { kind: 'claim', status: 'disputed', speaker: `entity-${Math.floor(random() * 300)}` }
              : { kind: 'quantity', status: 'unverified', quantity: { value: Math.floor(random() * 90), key: 'miner|trapped' } };
      }
      evidence.push({ documentId, start, end: start + quote.length, quote, origin: stored ? 'user' : 'suggested', ...(annotationId ? { annotationId } : {}) });
    }
    const base = { id: contradictionId(kind, evidence), score: Math.round(random() * 1000) / 1000, explanation: `Flag ${f}: ${evidence.map((e) => `“${e.quote}”`).join(' and ')} in ${pick(PLACES)}.`, evidence };
    const documentIds = [...new Set(evidence.map((e) => e.documentId))];
    const contradiction: Contradiction =
      kind === 'name-variant'
        ? { ...base, kind, details: { entityType: 'person', forms: evidence.map((e) => ({ name: e.quote, documents: [{ documentId: e.documentId, mentions: 1 }], mentions: 1 })), expected: evidence[1]!.quote, suspect: evidence[0]!.quote, reasons: ['surnames sound alike'] } }
        : kind === 'quantity-mismatch'
          ? { ...base, kind, details: { key: 'miner|trapped', description: 'trapped miners', readings: [{ value: 14, approximation: 'exact', documentIds }, { value: 30, approximation: 'about', documentIds }], datesDiffer: false } }
          : kind === 'date-mismatch'
            ? { ...base, kind, details: { event: 'collapse', dates: [{ date: '2025-03-03', precision: 'day', documentIds }, { date: '2025-03-04', precision: 'day', documentIds }] } }
            : { ...base, kind, details: { source: 'polarity', statements: evidence.map((e) => ({ documentId: e.documentId, quote: e.quote })) } };
    library.contradictions.push(contradiction);
    const roll = random();
    if (roll < 0.35) {
      const hash = roll < 0.05 ? 'evidence-v1:stale' : evidenceHash(evidence, (id) => library.annotations[id] ?? null)!;
      library.decisions.push({ contradictionId: contradiction.id, status: pick(['confirmed', 'dismissed', 'needs-follow-up'] as const), reviewer: 'Bench Reviewer', decidedAt: '2025-04-02T10:00:00.000Z', evidenceHash: hash, ...(roll < 0.2 ? { reason: 'different scope' } : {}) });
    }
  }
  return library;
}

/** The queue's view of a generated library (the same lookups the app builds from the store). */
export function reviewSources(library: ReviewLibrary): ReviewSources {
  return {
    decisions: new Map(library.decisions.map((decision) => [decision.contradictionId, decision])),
    annotationOf: (id) => library.annotations[id] ?? null,
    entityNameOf: (id) => library.entities[id]?.name,
    documentOf: (id) => library.documents[id],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, work: () => unknown): number {
  work();
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    timings.push(performance.now() - started);
  }
  return median(timings);
}

function row(name: string, value: number, target: number | null, baseline: number | null = null): BenchRow {
  return { name, value, unit: 'ms', target, baseline, ratio: baseline ? value / baseline : null, met: target === null ? null : value < target };
}

// The standalone page: renders the real ReviewQueue over the generated rows and reports its timings.
const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>Review queue bench</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>';
const PAGE_SCRIPT = `
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ReviewQueue } from '${ROOT}renderer/review/ReviewQueue';
import { reviewItems } from '${ROOT}shared/review/review-items';
import { DEFAULT_REVIEW_FILTERS, reviewQueue } from '${ROOT}shared/review/review-filters';
import { REVIEW_STATUSES } from '${ROOT}shared/review/review-status';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
async function rowsVisible() {
  while (document.querySelectorAll('[role="option"]').length === 0) await frame();
}

async function measure(library, count) {
  const started = performance.now();
  const sources = {
    decisions: new Map(library.decisions.map((d) => [d.contradictionId, d])),
    annotationOf: (id) => library.annotations[id] ?? null,
    entityNameOf: (id) => library.entities[id]?.name,
    documentOf: (id) => library.documents[id],
  };
  const items = reviewItems(library.contradictions.slice(0, count), sources);
  const queue = reviewQueue(items, { ...DEFAULT_REVIEW_FILTERS, statuses: [...REVIEW_STATUSES] });
  const pipeline = performance.now() - started;
  const documents = new Map(Object.entries(library.documents));
  const host = document.createElement('div');
  host.style.height = '800px';
  host.style.display = 'flex';
  host.style.flexDirection = 'column';
  document.getElementById('root').replaceChildren(host);
  const root = createRoot(host);
  const render = (selectedId) => root.render(createElement(ReviewQueue, { items: queue.items, selectedId, documents, onSelect: () => undefined }));
  flushSync(() => render(queue.items[0].id));
  await rowsVisible();
  await frame();
  const firstRender = performance.now() - started;
  const moves = [];
  for (let i = 1; i <= 30; i++) {
    const moveStarted = performance.now();
    flushSync(() => render(queue.items[i].id));
    moves.push(performance.now() - moveStarted);
  }
  const rows = document.querySelectorAll('[role="option"]').length;
  root.unmount();
  moves.sort((a, b) => a - b);
  return { firstRender, pipeline, move: moves[Math.floor(moves.length / 2)], rows };
}

const library = await (await fetch('./library.json')).json();
await measure(library, 100);
const small = await measure(library, 500);
const large = await measure(library, library.contradictions.length);
window.reviewBenchResult = { small, large };
`;

interface PageTimings {
  firstRender: number;
  /** Of which building, filtering and sorting the rows. */
  pipeline: number;
  move: number;
  rows: number;
}

/** Builds the standalone page with Vite, opens it in Chromium and returns what it measured. */
async function measureInChromium(library: ReviewLibrary, log: (line: string) => void): Promise<{ small: PageTimings; large: PageTimings } | null> {
  const executablePath = chromiumExecutable();
  if (!executablePath) {
    log('review: no Chromium found (set CROSSCHECK_CHROMIUM); skipping the render measurement');
    return null;
  }
  // Inside the project, so that the page's bare imports (react, dexie…) resolve from its node_modules.
  const directory = join(ROOT, 'node_modules/.tmp/review-bench');
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'index.html'), PAGE_HTML);
  writeFileSync(join(directory, 'main.tsx'), PAGE_SCRIPT);
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const outDir = join(directory, 'dist');
  await build({ root: directory, configFile: false, logLevel: 'error', plugins: [react()], build: { outDir, emptyOutDir: true, target: 'es2022' } });
  writeFileSync(join(outDir, 'library.json'), JSON.stringify(library));

  const { chromium } = await import('@playwright/test');
  const { server, url } = await serveDirectory(outDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => 'reviewBenchResult' in window, undefined, { timeout: 60_000 }).catch(() => {
      throw new Error(`the review bench page did not finish: ${errors.join('; ') || 'no error reported'}`);
    });
    return (await page.evaluate(() => (window as unknown as { reviewBenchResult: { small: PageTimings; large: PageTimings } }).reviewBenchResult));
  } finally {
    await browser.close();
    server.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Runs the review benchmarks and returns their rows. */
export async function reviewBench(log: (line: string) => void): Promise<BenchRow[]> {
  log(`review: generating ${FLAGS.toLocaleString('en-US')} flags over ${DOCUMENTS.toLocaleString('en-US')} documents…`);
  const library = generateReviewLibrary();
  const sources = reviewSources(library);
  const rows: BenchRow[] = [];

  const build = time(15, () => reviewItems(library.contradictions, sources));
  rows.push(row('review: build queue rows with evidence fingerprints (engine update), 5,000 flags', build, 150));
  // After a decision only decisions are re-read; the fingerprints are kept (see use-review-records.ts).
  const hashes = new Map(library.contradictions.map((c) => [c.id, evidenceHash(c.evidence, sources.annotationOf)]));
  const rebuild = time(15, () => reviewItems(library.contradictions, { ...sources, evidenceHashOf: (c) => hashes.get(c.id) }));
  rows.push(row('review: rebuild queue rows after a decision, 5,000 flags', rebuild, 100));
  const items = reviewItems(library.contradictions, sources);
  const statusCounts = reviewQueue(items, { ...DEFAULT_REVIEW_FILTERS, statuses: [...REVIEW_STATUSES] }).counts.statuses;
  log(`review: statuses ${JSON.stringify(statusCounts)}`);

  const small = reviewItems(library.contradictions.slice(0, 500), sources);
  const filtered = (filters: ReviewFilters) => () => reviewQueue(items, filters);
  const defaultSmall = time(30, () => reviewQueue(small, DEFAULT_REVIEW_FILTERS));
  const defaultLarge = time(30, filtered(DEFAULT_REVIEW_FILTERS));
  rows.push(row('review: filter + count every facet + sort, default view, 5,000 flags (500 as baseline)', defaultLarge, 50, defaultSmall));
  const searching = time(30, filtered({ ...DEFAULT_REVIEW_FILTERS, text: 'marrow miners', kind: 'quantity-mismatch', sort: 'newest' }));
  rows.push(row('review: same with free text + kind filter, sorted by newest evidence', searching, 50));
  const byDocument = time(30, filtered({ ...DEFAULT_REVIEW_FILTERS, statuses: [...REVIEW_STATUSES], documentId: 'doc-7', minScore: 0.5 }));
  rows.push(row('review: same with document + minimum score, all statuses', byDocument, 50));

  log('review: building the standalone queue page and rendering it in Chromium…');
  const page = await measureInChromium(library, log);
  if (page) {
    log(`review: the virtualised queue rendered ${page.large.rows} of 5,000 rows in the DOM`);
    log(`review: in Chromium, rows built, filtered and sorted in ${page.large.pipeline.toFixed(1)} ms (500 flags: ${page.small.pipeline.toFixed(1)} ms)`);
    rows.push(row('review: Chromium, rows to first painted queue, 5,000 flags (500 as baseline)', page.large.firstRender, 300, page.small.firstRender));
    rows.push(row('review: Chromium, move the selection one row (median of 30), 5,000 flags', page.large.move, 16));
    rows.push({ name: 'review: Chromium, queue rows in the DOM with 5,000 flags', value: page.large.rows, unit: 'rows', target: 60, baseline: null, ratio: null, met: page.large.rows <= 60 });
  }
  return rows;
}
