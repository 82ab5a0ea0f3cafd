/**
 * Restoring a backup: the library becomes exactly the backup's. Unlike a bundle import, which merges, a
 * restore replaces: whatever is in the library and not in the backup is gone afterwards (the caller backs
 * the library up first). The whole backup is read and checked before anything is written, and the
 * replacement is one transaction, so a bad backup, or a failure halfway, leaves the library as it was.
 *
 * What a bundle does not carry is decided here:
 * - settings (the reviewer's name, export choices) are preferences, not library: kept;
 * - rejected suggestions are kept for the documents the backup has (they are about those texts), dropped
 *   for the others;
 * - name distinctions ("these two names are different people") are rulings about names, valid in any
 *   library: kept.
 */
import type { BundleManifest, BundleProgressCallback, ParsedBundle, RecordType } from '../../shared/bundles/bundle-format';
import { RECORD_TYPES } from '../../shared/bundles/bundle-format';
import { readBundle, type ReadBundleOptions } from '../../shared/bundles/read-bundle';
import type { CrosscheckDatabase } from './database';

export type RecordCounts = Record<RecordType, number>;

export interface RestoreReport {
  /** The backup's manifest: who made it and when. */
  manifest: BundleManifest;
  /** What the library holds now (the backup's records). */
  restored: RecordCounts;
  /** What it held before. */
  replaced: RecordCounts;
}

/** The tables a backup fills: one per record type of a bundle, under the same names. */
function libraryTables(db: CrosscheckDatabase) {
  return RECORD_TYPES.map((type) => db[type]);
}

/** How many records of each kind the library holds (cheap: counts, no records read). */
export async function countLibrary(db: CrosscheckDatabase): Promise<RecordCounts> {
  const counts = {} as RecordCounts;
  await db.transaction('r', libraryTables(db), async () => {
    for (const type of RECORD_TYPES) counts[type] = await db[type].count();
  });
  return counts;
}

/** Replaces the library with an already checked bundle, in one transaction. */
export async function replaceLibrary(db: CrosscheckDatabase, bundle: ParsedBundle, onProgress?: BundleProgressCallback): Promise<RestoreReport> {
  const { contents } = bundle;
  const total = RECORD_TYPES.reduce((sum, type) => sum + contents[type].length, 0);
  return db.transaction('rw', [...libraryTables(db), db.rejectedSuggestions], async () => {
    const replaced = {} as RecordCounts;
    const restored = {} as RecordCounts;
    for (const type of RECORD_TYPES) {
      replaced[type] = await db[type].count();
      await db[type].clear();
    }
    let done = 0;
    onProgress?.({ stage: 'writing', done, total });
    for (const type of RECORD_TYPES) {
      // Each table is typed by its record; the loop over types loses that pairing, hence the cast.
      await (db[type] as unknown as { bulkAdd(records: readonly unknown[]): Promise<unknown> }).bulkAdd(contents[type]);
      restored[type] = contents[type].length;
      done += contents[type].length;
      onProgress?.({ stage: 'writing', done, total });
    }
    const kept = new Set(contents.documents.map((document) => document.id));
    await db.rejectedSuggestions.filter((rejection) => !kept.has(rejection.documentId)).delete();
    return { manifest: bundle.manifest, restored, replaced };
  });
}

/**
 * Restores backup bytes: reads and checks the whole bundle (a BundleError says what is wrong, and nothing is
 * written), then replaces the library with it in one transaction.
 */
export async function restoreLibrary(db: CrosscheckDatabase, bytes: Uint8Array, options: ReadBundleOptions = {}): Promise<RestoreReport> {
  const bundle = await readBundle(bytes, options);
  return replaceLibrary(db, bundle, options.onProgress);
}
