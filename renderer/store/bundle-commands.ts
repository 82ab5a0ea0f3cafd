/**
 * Commands that export the library (or part of it) as a `.crosscheck` bundle and import bundles into it.
 * An import reads and checks the whole bundle first (nothing is written for a bad one), plans the merge with
 * the pure planBundleMerge, and writes the plan in one transaction.
 */
import type { Table } from 'dexie';
import type { BundleContents, BundleManifest, BundleMeta, BundleProgressCallback, ParsedBundle, RecordType } from '../../shared/bundles/bundle-format';
import { BUNDLE_EXTENSION, RECORD_TYPES } from '../../shared/bundles/bundle-format';
import { describeSelection, selectBundleContents, type BundleSelection } from '../../shared/bundles/bundle-selection';
import { planBundleMerge, type BundleMergeReport } from '../../shared/bundles/merge-plan';
import { readBundle, type ReadBundleOptions } from '../../shared/bundles/read-bundle';
import { writeBundle } from '../../shared/bundles/write-bundle';
import type { SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from './database';

export interface ExportedBundle {
  bytes: Uint8Array;
  /** A file name to offer in the save dialog. */
  fileName: string;
  counts: Record<RecordType, number>;
  /** The selection in words, as the manifest records it. */
  selection: string;
}

/** An import's outcome: the merge report and who made the bundle. */
export interface BundleImportReport extends BundleMergeReport {
  manifest: BundleManifest;
}

function tables(db: CrosscheckDatabase) {
  return [db.documents, db.annotations, db.entities, db.links, db.decisions, db.decisionHistory];
}

function present<T>(records: ReadonlyArray<T | undefined>): T[] {
  return records.filter((record): record is T => record !== undefined);
}

function unique<T>(records: readonly T[], key: (record: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const record of records) if (!seen.has(key(record))) seen.set(key(record), record);
  return [...seen.values()];
}

/**
 * Reads the records a selection can reach, through the indexes (the whole library only when it is
 * selected). selectBundleContents then cuts them to exactly the selection.
 */
export async function collectSelection(db: CrosscheckDatabase, selection: BundleSelection): Promise<BundleContents> {
  if (selection.kind === 'library') {
    const [documents, annotations, entities, links, decisions, decisionHistory] = await Promise.all([
      db.documents.toArray(),
      db.annotations.toArray(),
      db.entities.toArray(),
      db.links.toArray(),
      db.decisions.toArray(),
      db.decisionHistory.toArray(),
    ]);
    return { documents, annotations, entities, links, decisions, decisionHistory };
  }
  const annotations =
    selection.kind === 'documents'
      ? await db.annotations.where('documentId').anyOf([...selection.documentIds]).toArray()
      : present(await db.annotations.bulkGet([...selection.annotationIds]));
  const documentIds = [...new Set([...selection.documentIds, ...annotations.map((annotation) => annotation.documentId)])];
  const entityIds = [...new Set(annotations.flatMap((annotation) => [annotation.entityId, annotation.speaker]).filter((id): id is string => id !== undefined))];
  const contradictionIds =
    selection.kind === 'documents' ? (selection.contradictions ?? []).map((contradiction) => contradiction.id) : [...(selection.contradictionIds ?? [])];
  return {
    documents: present(await db.documents.bulkGet(documentIds)),
    annotations,
    entities: present(await db.entities.bulkGet(entityIds)),
    links: await db.links.where('fromId').anyOf(annotations.map((annotation) => annotation.id)).toArray(),
    decisions: present(await db.decisions.bulkGet(contradictionIds)),
    decisionHistory: await db.decisionHistory.where('contradictionId').anyOf(contradictionIds).toArray(),
  };
}

/** `crosscheck-<who>-<date>.crosscheck`, safe on every file system. */
function bundleFileName(createdBy: string, createdAt: string): string {
  const who = createdBy.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).toLowerCase();
  return `crosscheck${who ? `-${who}` : ''}-${createdAt.slice(0, 10)}${BUNDLE_EXTENSION}`;
}

/**
 * Exports the selected part of the library as bundle bytes (the caller saves them through the Platform).
 * Reads in one read-only transaction, so the bundle is a consistent snapshot.
 */
export async function exportLibraryBundle(
  db: CrosscheckDatabase,
  selection: BundleSelection,
  meta: Omit<BundleMeta, 'selection'>,
  onProgress?: BundleProgressCallback,
): Promise<ExportedBundle> {
  onProgress?.({ stage: 'collecting', done: 0, total: 1 });
  const reachable = await db.transaction('r', tables(db), () => collectSelection(db, selection));
  const contents = selectBundleContents(reachable, selection);
  onProgress?.({ stage: 'collecting', done: 1, total: 1 });
  const createdAt = meta.createdAt ?? new Date().toISOString();
  const described = describeSelection(selection, contents);
  const bytes = await writeBundle(contents, { ...meta, createdAt, selection: described }, { onProgress });
  const counts = {} as Record<RecordType, number>;
  for (const type of RECORD_TYPES) counts[type] = contents[type].length;
  return { bytes, fileName: bundleFileName(meta.createdBy, createdAt), counts, selection: described };
}

// A key range holding more than this many stored keys per key looked for is looked up key by key instead.
const SPARSE_RANGE = 4;

/**
 * The stored records among `keys`, without one lookup per key where that can be avoided: 100,000 gets take
 * many seconds in IndexedDB, while counting or listing the keys of a range is one request each.
 * - No stored key in the range of `keys` (a bundle into a library that lacks it): nothing to read.
 * - A range not much fuller than `keys`: its keys are listed, and the records found are read with one request
 *   for the whole range when they fill most of it (a bundle imported again), else one by one.
 * - A range far fuller than `keys` (a small bundle into a large library): looked up key by key.
 */
async function storedAmong<T>(table: Table<T, string>, keys: readonly string[]): Promise<T[]> {
  if (keys.length === 0) return [];
  let lower = keys[0]!;
  let upper = keys[0]!;
  // IndexedDB orders string keys by UTF-16 code units, as < does.
  for (const key of keys) {
    if (key < lower) lower = key;
    if (key > upper) upper = key;
  }
  const range = () => table.where(':id').between(lower, upper, true, true);
  const stored = await range().count();
  if (stored === 0) return [];
  if (stored > keys.length * SPARSE_RANGE) return present(await table.bulkGet([...keys]));
  const wanted = new Set(keys);
  const found = (await range().primaryKeys()).filter((key) => wanted.has(key));
  if (found.length === 0) return [];
  if (found.length * 2 < stored) return present(await table.bulkGet(found));
  const keyPath = table.schema.primKey.keyPath as string;
  return (await range().toArray()).filter((record) => wanted.has((record as Record<string, string>)[keyPath]!));
}

/** The library's records that the bundle's records could collide with (see planBundleMerge). */
async function collisions(db: CrosscheckDatabase, incoming: BundleContents): Promise<BundleContents> {
  const contradictionIds = [...new Set([...incoming.decisions, ...incoming.decisionHistory].map((decision) => decision.contradictionId))];
  const sameId = await storedAmong(db.documents, incoming.documents.map((document) => document.id));
  // An incoming document whose id the library uses for another text gets a derived id (id~hash, then -2,
  // -3…); the plan must see the derived ids already taken, or it could give one out twice. Usually none.
  const incomingSha = new Map(incoming.documents.map((document) => [document.id, document.sha256]));
  const derived: SourceDocument[] = [];
  for (const stored of sameId) {
    if (incomingSha.get(stored.id) === stored.sha256) continue;
    derived.push(...(await db.documents.where(':id').startsWith(`${stored.id}~`).toArray()));
  }
  const documents = [
    ...sameId,
    ...derived,
    ...(await db.documents.where('sha256').anyOf(incoming.documents.map((document) => document.sha256)).toArray()),
  ];
  const decisionHistory = [
    ...(await storedAmong(db.decisionHistory, incoming.decisionHistory.map((entry) => entry.id))),
    ...(await db.decisionHistory.where('contradictionId').anyOf(contradictionIds).toArray()),
  ];
  return {
    documents: unique(documents, (document) => document.id),
    annotations: await storedAmong(db.annotations, incoming.annotations.map((annotation) => annotation.id)),
    entities: await storedAmong(db.entities, incoming.entities.map((entity) => entity.id)),
    links: await storedAmong(db.links, incoming.links.map((link) => link.id)),
    decisions: await storedAmong(db.decisions, incoming.decisions.map((decision) => decision.contradictionId)),
    decisionHistory: unique(decisionHistory, (entry) => entry.id),
  };
}

/** Merges an already checked bundle into the library in one transaction; see planBundleMerge for the rules. */
export async function importParsedBundle(db: CrosscheckDatabase, bundle: ParsedBundle, onProgress?: BundleProgressCallback): Promise<BundleImportReport> {
  return db.transaction('rw', tables(db), async () => {
    onProgress?.({ stage: 'merging', done: 0, total: 1 });
    const plan = planBundleMerge(await collisions(db, bundle.contents), bundle.contents);
    onProgress?.({ stage: 'merging', done: 1, total: 1 });
    const { writes } = plan;
    const total = RECORD_TYPES.reduce((sum, type) => sum + writes[type].length, 0);
    let done = 0;
    onProgress?.({ stage: 'writing', done, total });
    for (const type of RECORD_TYPES) {
      if (writes[type].length === 0) continue;
      // Each table is typed by its record; the loop over types loses that pairing, hence the cast.
      await (db[type] as unknown as { bulkPut(records: readonly unknown[]): Promise<unknown> }).bulkPut(writes[type]);
      done += writes[type].length;
      onProgress?.({ stage: 'writing', done, total });
    }
    return { ...plan.report, manifest: bundle.manifest };
  });
}

/**
 * Imports bundle bytes: checks everything (a BundleError says what is wrong, and nothing is written), then
 * merges in one transaction. Importing the same bundle again changes nothing.
 */
export async function importBundle(db: CrosscheckDatabase, bytes: Uint8Array, options: ReadBundleOptions = {}): Promise<BundleImportReport> {
  const bundle = await readBundle(bytes, options);
  return importParsedBundle(db, bundle, options.onProgress);
}

/** What importing the bundle would do, without writing: for a confirmation dialog. */
export async function previewBundleImport(db: CrosscheckDatabase, bundle: ParsedBundle): Promise<BundleImportReport> {
  return db.transaction('r', tables(db), async () => {
    const plan = planBundleMerge(await collisions(db, bundle.contents), bundle.contents);
    return { ...plan.report, manifest: bundle.manifest };
  });
}
