/**
 * The page the store benchmarks run in: test/bench/store.bench.ts builds it with vite and drives it in
 * Chromium; the app never ships it. It holds the app's own CrosscheckDatabase and bundle worker, so what is
 * measured is the app's code on real IndexedDB, next to plain IndexedDB doing the same work in the same page.
 */
import Dexie from 'dexie';
import type { ExportRequest, ExportResult, FromBundleWorker, ImportPreview, ToBundleWorker } from '../../../renderer/bundles/bundle-worker-protocol';
import type { MergeDigest } from '../../../renderer/bundles/merge-digest';
import { CrosscheckDatabase, quoteWordsOf } from '../../../renderer/store/database';
import type { BundleContents, BundleStage } from '../../../shared/bundles/bundle-format';
import { RECORD_TYPES } from '../../../shared/bundles/bundle-format';
import type { Annotation } from '../../../shared/model';
import { BUNDLE_LIBRARY_AT, generateBundleLibrary } from '../bundle-library';

/** One import of every annotation into a fresh database on each side, then reads of single documents. */
export interface StoreRun {
  dexieImportMs: number;
  /** Raw IndexedDB writing what the app writes: the annotations and the quote word index the database keeps. */
  rawImportMs: number;
  /** Raw IndexedDB writing the annotations alone, when asked for: what the word index costs. */
  rawAnnotationsOnlyMs: number | null;
  /** Milliseconds per document read, one figure per batch of reads. */
  dexieReadMs: number[];
  rawReadMs: number[];
  /** The stores and indexes both sides wrote, as `store(index, …)` with `*` for multi-entry. */
  stores: string[];
  /** The Dexie database, when kept for the bundle round trip. */
  kept: string | null;
}

/** When a stage of a worker operation finished, in ms from the operation's start. */
export interface StageEnd {
  operation: 'export' | 'read' | 'import';
  stage: BundleStage;
  ms: number;
}

/** One step of the round trip through the bundle worker. */
export interface RoundTripStep {
  ms: number;
  stages: StageEnd[];
}

export interface StoreBenchPage {
  /** Generates the library (the Node bundle bench's records) and warms both import paths on a small part. */
  prepare(documents: number, perDocument: number): Promise<{ documents: number; annotations: number }>;
  /**
   * Run `run` (its parity picks which side goes first): imports, then `samples` batches of reads per side;
   * with `annotationsOnly`, a third import of the annotations alone follows. With `keep`, the Dexie database
   * stays, to be exported by the round trip.
   */
  importAndRead(run: number, samples: number, options: { annotationsOnly: boolean; keep: boolean }): Promise<StoreRun>;
  /**
   * The round trip through the app's bundle worker, one step per call so that each can be measured apart.
   * First the library to export: a small one written here, or the prepared one in a database kept by
   * importAndRead, which holds its annotations already and gets its other records here.
   */
  seedBundleSource(from: { small: { documents: number; perDocument: number } } | { database: string }): Promise<void>;
  /** The worker exports the whole source library as a bundle; returns its size in bytes too. */
  exportBundle(): Promise<RoundTripStep & { bytes: number }>;
  /** The worker reads and checks the exported bundle and previews its merge into a fresh database. */
  readBundle(): Promise<RoundTripStep>;
  /** The worker imports the bundle it read; returns what the database then holds, by table. */
  importBundle(): Promise<RoundTripStep & { imported: Record<string, number> }>;
  /** Deletes both databases. */
  discardRoundTrip(): Promise<void>;
}

declare global {
  interface Window {
    crosscheckStoreBench: StoreBenchPage;
  }
}

const READS_PER_BATCH = 10;
let library: BundleContents | null = null;
let databases = 0;

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Array<{ name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
}

/**
 * The stores the app writes when it writes annotations: the annotations, and the quote word index that the
 * database's middleware keeps in the same transaction (when the schema has it).
 */
const ANNOTATION_STORES = ['annotations', 'quoteWords'];

/**
 * Those stores exactly as Dexie created them from database.ts (primary key and every index, simple, compound
 * and multi-entry), read back from IndexedDB so that the raw side never drifts from the app's schema.
 */
function annotationStoreShapes(db: CrosscheckDatabase): StoreShape[] {
  const backend = db.backendDB();
  const names = ANNOTATION_STORES.filter((name) => backend.objectStoreNames.contains(name));
  const transaction = backend.transaction(names, 'readonly');
  return names.map((name) => {
    const store = transaction.objectStore(name);
    const indexes = [...store.indexNames].map((indexName) => {
      const index = store.index(indexName);
      return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
}

function openRaw(name: string, shapes: readonly StoreShape[]): Promise<IDBDatabase> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    for (const shape of shapes) {
      const store = request.result.createObjectStore(shape.name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
      for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  return settled(request);
}

interface Sides {
  dexie: CrosscheckDatabase;
  /** The same stores and indexes as the app's. */
  raw: IDBDatabase;
  /** The annotations store alone, with the app's indexes. */
  rawAnnotationsOnly: IDBDatabase;
  shapes: StoreShape[];
}

async function openSides(): Promise<Sides> {
  const run = ++databases;
  const dexie = new CrosscheckDatabase(`bench-dexie-${run}`);
  await dexie.open();
  const shapes = annotationStoreShapes(dexie);
  const raw = await openRaw(`bench-raw-${run}`, shapes);
  const rawAnnotationsOnly = await openRaw(`bench-raw-annotations-${run}`, shapes.filter((shape) => shape.name === 'annotations'));
  return { dexie, raw, rawAnnotationsOnly, shapes };
}

async function discard({ dexie, raw, rawAnnotationsOnly }: Sides, keepDexie = false): Promise<void> {
  dexie.close();
  if (!keepDexie) await Dexie.delete(dexie.name);
  for (const db of [raw, rawAnnotationsOnly]) {
    db.close();
    await settled(indexedDB.deleteDatabase(db.name));
  }
}

/** The app's write: one bulkPut into the annotations table, in one transaction (as importParsedBundle does). */
async function dexieImport(db: CrosscheckDatabase, annotations: readonly Annotation[]): Promise<number> {
  const started = performance.now();
  await db.transaction('rw', db.annotations, () => db.annotations.bulkPut(annotations));
  return performance.now() - started;
}

/** Plain puts into every store the database has, in one transaction, in the order the middleware writes. */
async function rawImport(db: IDBDatabase, annotations: readonly Annotation[]): Promise<number> {
  const started = performance.now();
  const transaction = db.transaction([...db.objectStoreNames], 'readwrite');
  const store = transaction.objectStore('annotations');
  for (const annotation of annotations) store.put(annotation);
  if (db.objectStoreNames.contains('quoteWords')) {
    const words = transaction.objectStore('quoteWords');
    for (const annotation of annotations) words.put(quoteWordsOf(annotation));
  }
  await committed(transaction);
  return performance.now() - started;
}

/** The order the annotation panel lists a document's annotations in. */
function inReadingOrder(annotations: Annotation[]): Annotation[] {
  return annotations.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The app's read of the open document (its store mirror's first load): through the documentId index. */
async function dexieRead(db: CrosscheckDatabase, documentId: string): Promise<Annotation[]> {
  return inReadingOrder(await db.annotations.where('documentId').equals(documentId).toArray());
}

async function rawRead(db: IDBDatabase, documentId: string): Promise<Annotation[]> {
  const index = db.transaction('annotations', 'readonly').objectStore('annotations').index('documentId');
  return inReadingOrder((await settled(index.getAll(documentId))) as Annotation[]);
}

async function prepare(documents: number, perDocument: number): Promise<{ documents: number; annotations: number }> {
  library = await generateBundleLibrary(documents, perDocument);
  // Warm both paths (JIT, IndexedDB's backend) on a slice before anything is measured.
  const sides = await openSides();
  const slice = library.annotations.slice(0, 2_000);
  await dexieImport(sides.dexie, slice);
  await rawImport(sides.raw, slice);
  await rawImport(sides.rawAnnotationsOnly, slice);
  for (const document of library.documents.slice(0, 20)) {
    await dexieRead(sides.dexie, document.id);
    await rawRead(sides.raw, document.id);
  }
  await discard(sides);
  return { documents: library.documents.length, annotations: library.annotations.length };
}

async function importAndRead(run: number, samples: number, { annotationsOnly, keep }: { annotationsOnly: boolean; keep: boolean }): Promise<StoreRun> {
  if (!library) throw new Error('prepare() first');
  const { annotations, documents } = library;
  const sides = await openSides();
  const { dexie, raw } = sides;
  try {
    // Runs alternate which side writes first, so that neither always finds IndexedDB fresher.
    let dexieImportMs = 0;
    let rawImportMs = 0;
    for (const side of run % 2 === 0 ? (['dexie', 'raw'] as const) : (['raw', 'dexie'] as const)) {
      if (side === 'dexie') dexieImportMs = await dexieImport(dexie, annotations);
      else rawImportMs = await rawImport(raw, annotations);
    }
    const rawAnnotationsOnlyMs = annotationsOnly ? await rawImport(sides.rawAnnotationsOnly, annotations) : null;
    const counts = [await dexie.annotations.count(), await settled(raw.transaction('annotations').objectStore('annotations').count())];
    if (counts.some((count) => count !== annotations.length)) throw new Error(`imported ${counts.join(' and ')} of ${annotations.length} annotations`);

    const dexieReadMs: number[] = [];
    const rawReadMs: number[] = [];
    for (let sample = 0; sample < samples; sample++) {
      const ids = Array.from({ length: READS_PER_BATCH }, (_, k) => documents[(sample * READS_PER_BATCH + k) % documents.length]!.id);
      // Alternate which side reads first, so neither is favoured by what the other left warm.
      for (const side of (sample + run) % 2 === 0 ? (['dexie', 'raw'] as const) : (['raw', 'dexie'] as const)) {
        const started = performance.now();
        let read = 0;
        for (const id of ids) read += (side === 'dexie' ? await dexieRead(dexie, id) : await rawRead(raw, id)).length;
        const perRead = (performance.now() - started) / ids.length;
        if (read !== (annotations.length / documents.length) * ids.length) throw new Error(`${side} read ${read} annotations from ${ids.length} documents`);
        (side === 'dexie' ? dexieReadMs : rawReadMs).push(perRead);
      }
    }
    const stores = sides.shapes.map((shape) => `${shape.name}(${shape.indexes.map((index) => `${index.multiEntry ? '*' : ''}${index.name}${index.unique ? ' unique' : ''}`).join(', ')})`);
    return { dexieImportMs, rawImportMs, rawAnnotationsOnlyMs, dexieReadMs, rawReadMs, stores, kept: keep ? dexie.name : null };
  } finally {
    await discard(sides, keep);
  }
}

let worker: Worker | null = null;
let nextRequest = 1;

/** One request to the app's bundle worker, noting when each stage of it finished. */
function ask<T>(operation: StageEnd['operation'], message: (id: number) => ToBundleWorker, stages: StageEnd[], transfer: Transferable[] = []): Promise<T> {
  worker ??= new Worker(new URL('../../../renderer/bundles/bundle.worker.ts', import.meta.url), { type: 'module', name: 'crosscheck-bundles' });
  const id = nextRequest++;
  const started = performance.now();
  const target = worker;
  return new Promise<T>((resolve, reject) => {
    target.onmessage = (event: MessageEvent<FromBundleWorker>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') {
        if (reply.progress.done >= reply.progress.total) stages.push({ operation, stage: reply.progress.stage, ms: performance.now() - started });
      } else if (reply.type === 'failed') reject(new Error(reply.failure.message));
      else resolve(reply.result as T);
    };
    target.postMessage(message(id), transfer);
  });
}

const EXPORT_REQUEST: ExportRequest = {
  format: 'bundle',
  selection: { kind: 'library' },
  createdBy: 'bench',
  appVersion: 'bench',
  scope: 'library',
  contradictions: [],
  localDate: BUNDLE_LIBRARY_AT.slice(0, 10),
};

interface RoundTripState {
  contents: BundleContents;
  source: string;
  target: string;
  bytes?: Uint8Array;
  token?: number;
}
let trip: RoundTripState | null = null;

function currentTrip(): RoundTripState {
  if (!trip) throw new Error('seedBundleSource() first');
  return trip;
}

async function seedBundleSource(from: { small: { documents: number; perDocument: number } } | { database: string }): Promise<void> {
  const contents = 'small' in from ? await generateBundleLibrary(from.small.documents, from.small.perDocument, 5) : library;
  if (!contents) throw new Error('prepare() first');
  const run = ++databases;
  const name = 'database' in from ? from.database : `bench-bundle-source-${run}`;
  trip = { contents, source: name, target: `bench-bundle-target-${run}` };
  const source = new CrosscheckDatabase(name);
  const types = 'database' in from ? RECORD_TYPES.filter((type) => type !== 'annotations') : RECORD_TYPES;
  await source.transaction('rw', types.map((type) => source.table(type)), async () => {
    for (const type of types) await source.table(type).bulkPut(contents[type]);
  });
  const annotations = await source.annotations.count();
  // From here on only the worker works on the databases, as when the window asks it to.
  source.close();
  if (annotations !== contents.annotations.length) throw new Error(`the library to export has ${annotations} annotations`);
}

async function exportBundle(): Promise<RoundTripStep & { bytes: number }> {
  const state = currentTrip();
  const stages: StageEnd[] = [];
  const started = performance.now();
  const exported = await ask<ExportResult>('export', (id) => ({ type: 'export', id, databaseName: state.source, request: EXPORT_REQUEST }), stages);
  const ms = performance.now() - started;
  const bytes = exported.file.data;
  if (typeof bytes === 'string') throw new Error('the bundle export gave text');
  state.bytes = bytes;
  return { ms, stages, bytes: bytes.length };
}

async function readBundle(): Promise<RoundTripStep> {
  const state = currentTrip();
  const bytes = state.bytes;
  if (!bytes) throw new Error('exportBundle() first');
  const stages: StageEnd[] = [];
  const started = performance.now();
  // The bytes move to the worker, as the window's client sends them.
  const preview = await ask<ImportPreview>('read', (id) => ({ type: 'read', id, databaseName: state.target, bytes }), stages, [bytes.buffer]);
  state.token = preview.token;
  return { ms: performance.now() - started, stages };
}

async function importBundle(): Promise<RoundTripStep & { imported: Record<string, number> }> {
  const state = currentTrip();
  const token = state.token;
  if (token === undefined) throw new Error('readBundle() first');
  const stages: StageEnd[] = [];
  const started = performance.now();
  const digest = await ask<MergeDigest>('import', (id) => ({ type: 'import', id, databaseName: state.target, token }), stages);
  const ms = performance.now() - started;
  if (digest.byType.annotations.added.total !== state.contents.annotations.length) throw new Error(`the import added ${digest.byType.annotations.added.total} annotations`);
  const target = new CrosscheckDatabase(state.target);
  const imported: Record<string, number> = {};
  for (const type of RECORD_TYPES) imported[type] = await target.table(type).count();
  target.close();
  return { ms, stages, imported };
}

async function discardRoundTrip(): Promise<void> {
  const state = currentTrip();
  trip = null;
  // The worker's connections close when asked to (Dexie closes on versionchange), so these do not block.
  await Dexie.delete(state.source);
  await Dexie.delete(state.target);
}

window.crosscheckStoreBench = { prepare, importAndRead, seedBundleSource, exportBundle, readBundle, importBundle, discardRoundTrip };
