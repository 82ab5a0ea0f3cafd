import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundles/bundle-error';
import type { BundleContents } from '../../../../shared/bundles/bundle-format';
import { writeBundle } from '../../../../shared/bundles/write-bundle';
import { importBundle } from '../../../../renderer/store/bundle-commands';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { declareDistinctNames } from '../../../../renderer/store/entity-commands';
import { countLibrary, restoreLibrary } from '../../../../renderer/store/restore-commands';
import { brokenBundles } from '../../../fixtures/bundles/broken-bundles';
import { ferryStrikeLibrary, IDS } from '../../../fixtures/bundles/ferry-strike';
import { discardDatabase, importText, openFreshDatabase, storeSnapshot } from './fresh-database';

let db: CrosscheckDatabase;
let library: BundleContents;
/** A backup of the ferry-strike library, as "Back up now" would have written it. */
let backup: Uint8Array;

beforeAll(async () => {
  library = await ferryStrikeLibrary();
  backup = await writeBundle(library, { appVersion: '0.1.0', createdBy: 'Ines Calloway', createdAt: '2025-03-07T12:00:00.000Z' });
});
beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(async () => {
  await discardDatabase(db);
});

const ids = (records: ReadonlyArray<{ id: string }>) => records.map((record) => record.id).sort();

/**
 * The library after the backup was made: the ferry strike, with one annotation's note edited, one link
 * deleted, and a new article with a suggestion rejected in it.
 */
async function libraryThatMovedOn(): Promise<string> {
  await importBundle(db, backup);
  await db.annotations.update(IDS.talksCollapsed, { note: 'Edited after the backup.' });
  await db.links.delete(IDS.sameAsLink);
  const later = await importText(db, 'Ferries run again at Port Veyra\n\nThe strike ended on Friday, the union said.');
  await db.rejectedSuggestions.bulkPut([
    { id: 'rejected-in-later', documentId: later.id, kind: 'entity', start: 0, end: 7, quote: 'Ferries', rejectedAt: '2025-03-09T10:00:00.000Z' },
    { id: 'rejected-in-ledger', documentId: IDS.ledger, kind: 'entity', start: 3, end: 9, quote: 'Ferry ', rejectedAt: '2025-03-09T10:00:00.000Z' },
  ]);
  await db.settings.put({ key: 'reviewerName', value: 'Ines Calloway' });
  await declareDistinctNames(db, 'Mara Lindqvist', 'Marta Lindqvist', 'Ines');
  return later.id;
}

describe('restoreLibrary', () => {
  it('gives exactly the library of the backup: later additions gone, edits and deletions undone', async () => {
    const laterId = await libraryThatMovedOn();
    await restoreLibrary(db, backup);

    expect(ids(await db.documents.toArray())).toEqual(ids(library.documents));
    expect(await db.documents.get(laterId)).toBeUndefined();
    expect(await db.annotations.where('documentId').equals(laterId).count()).toBe(0);
    expect(ids(await db.annotations.toArray())).toEqual(ids(library.annotations));
    expect((await db.annotations.get(IDS.talksCollapsed))?.note).toBe('Both sides met again on Thursday.');
    expect(await db.links.get(IDS.sameAsLink)).toBeDefined();
    expect(ids(await db.entities.toArray())).toEqual(ids(library.entities));
    expect((await db.decisions.toArray()).map((decision) => decision.contradictionId)).toEqual(library.decisions.map((decision) => decision.contradictionId));
    expect(ids(await db.decisionHistory.toArray())).toEqual(ids(library.decisionHistory));
  });

  it('reports what the library holds now and what it held before', async () => {
    await libraryThatMovedOn();
    const before = await countLibrary(db);
    const report = await restoreLibrary(db, backup);
    expect(report.replaced).toEqual(before);
    expect(report.replaced.documents).toBe(4);
    expect(report.restored).toEqual({ documents: 3, entities: 2, annotations: 8, links: 2, decisions: 1, decisionHistory: 1 });
    expect(await countLibrary(db)).toEqual(report.restored);
    expect(report.manifest.createdAt).toBe('2025-03-07T12:00:00.000Z');
  });

  it('keeps preferences and name rulings, and rejected suggestions only for documents the backup has', async () => {
    await libraryThatMovedOn();
    await restoreLibrary(db, backup);
    expect(await db.settings.get('reviewerName')).toEqual({ key: 'reviewerName', value: 'Ines Calloway' });
    expect(await db.nameDistinctions.count()).toBe(1);
    expect((await db.rejectedSuggestions.toArray()).map((rejection) => rejection.id)).toEqual(['rejected-in-ledger']);
  });

  it('restores into an empty library (the case a backup exists for)', async () => {
    await restoreLibrary(db, backup);
    expect(await countLibrary(db)).toEqual({ documents: 3, entities: 2, annotations: 8, links: 2, decisions: 1, decisionHistory: 1 });
  });

  it('leaves the library untouched by a damaged backup, and says what is wrong with it', async () => {
    await libraryThatMovedOn();
    const before = await storeSnapshot(db);
    for (const broken of await brokenBundles()) {
      const error = await restoreLibrary(db, broken.bytes, broken.limits ? { limits: broken.limits } : {}).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error, broken.name).toBeInstanceOf(BundleError);
      for (const pattern of broken.says) expect((error as Error).message, broken.name).toMatch(pattern);
      expect(await storeSnapshot(db), broken.name).toEqual(before);
    }
  });

  it('leaves the library untouched when writing fails halfway: the replacement is one transaction', async () => {
    await libraryThatMovedOn();
    const before = await storeSnapshot(db);
    // The last table the restore fills fails, after the others were cleared and filled inside the transaction.
    db.decisionHistory.bulkAdd = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.decisionHistory.bulkAdd;
    await expect(restoreLibrary(db, backup)).rejects.toThrow('disk full');
    expect(await storeSnapshot(db)).toEqual(before);
  });
});
