/**
 * A full disk while saving: the quota error is recognised in every shape IndexedDB and Dexie give it, the
 * person is told what was not saved and what to do, and the write's transaction leaves the store as it was.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftFromPlainText } from '../../../../shared/importers/source-document';
import { tagSpan, updateAnnotation } from '../../../../renderer/store/annotation-commands';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { importDocument, importDocuments } from '../../../../renderer/store/document-commands';
import { describeOpenFailure, explainingStorageFull, isStorageFull, StorageFullError } from '../../../../renderer/store/storage-errors';
import { discardDatabase, importText, openFreshDatabase } from './fresh-database';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isStorageFull', () => {
  it('recognises the DOMException IndexedDB raises', () => {
    expect(isStorageFull(quotaError())).toBe(true);
  });

  it('recognises Dexie’s own QuotaExceededError, made from the DOMException as Dexie maps request errors', () => {
    const mapped = new Dexie.QuotaExceededError(quotaError().message, quotaError());
    expect(mapped.name).toBe('QuotaExceededError');
    expect(isStorageFull(mapped)).toBe(true);
  });

  it('recognises a transaction aborted at commit: Dexie’s AbortError around the transaction’s quota error', () => {
    // What Dexie rejects with when IndexedDB aborts the transaction: new AbortError(idbtransaction.error).
    const aborted = new Dexie.AbortError(quotaError());
    expect(aborted.name).toBe('AbortError');
    expect(isStorageFull(aborted)).toBe(true);
  });

  it('recognises a bulk write in which some records failed for lack of space', () => {
    const bulk = new Dexie.BulkError('annotations.bulkPut(): 2 of 3 operations failed', { 1: quotaError(), 2: quotaError() });
    expect(isStorageFull(bulk)).toBe(true);
  });

  it('recognises a quota error that crossed from a worker as text', () => {
    expect(isStorageFull(new Error('Crosscheck could not finish: QuotaExceededError The quota has been exceeded.. Nothing was changed in the library.'))).toBe(true);
  });

  it('recognises its own explanation, with or without the original as its cause', () => {
    expect(isStorageFull(new StorageFullError('The tag was not saved', { cause: quotaError() }))).toBe(true);
    expect(isStorageFull(new StorageFullError('The bundle was not imported'))).toBe(true);
  });

  it('does not mistake other failures for a full disk', () => {
    expect(isStorageFull(new Dexie.AbortError())).toBe(false);
    expect(isStorageFull(new Dexie.ConstraintError('Key already exists in the object store.'))).toBe(false);
    expect(isStorageFull(new DOMException('Version change transaction was aborted', 'AbortError'))).toBe(false);
    expect(isStorageFull(new Error('That document is no longer in the library.'))).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
  });

  it('stops on an error that wraps itself', () => {
    const looped = new Error('outer') as Error & { inner?: unknown };
    looped.inner = looped;
    expect(isStorageFull(looped)).toBe(false);
  });
});

describe('explainingStorageFull', () => {
  it('says what was not saved, that nothing saved was lost, and what to do', async () => {
    const failure = await explainingStorageFull('The tag was not saved', () => Promise.reject(new Dexie.AbortError(quotaError()))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFullError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^The tag was not saved: the disk, or the space the browser allows Crosscheck, is full\./);
    expect(message).toContain('Nothing saved before was lost.');
    expect(message).toContain('Free some disk space');
    expect(message).toContain('export a bundle');
  });

  it('passes other failures on unchanged', async () => {
    const original = new Error('That document is no longer in the library.');
    await expect(explainingStorageFull('The tag was not saved', () => Promise.reject(original))).rejects.toBe(original);
  });
});

describe('describeOpenFailure', () => {
  it('explains a full disk at start, and names any other failure with what to try', () => {
    expect(describeOpenFailure(new Dexie.AbortError(quotaError()))).toMatch(/^Crosscheck could not open its library: the disk.*is full/);
    const other = describeOpenFailure(new Dexie.MissingAPIError('IndexedDB API missing.'));
    expect(other).toContain('IndexedDB API missing.');
    expect(other).toContain('start Crosscheck again');
  });
});

describe('commands when storage fills up', () => {
  let db: CrosscheckDatabase;
  let restoreWrites: (() => void) | null = null;

  beforeEach(async () => {
    db = await openFreshDatabase();
  });
  afterEach(async () => {
    restoreWrites?.();
    restoreWrites = null;
    await discardDatabase(db);
  });

  /**
   * From now on, the (fake or real) IndexedDB object stores refuse every add and put with the quota
   * DOMException, as a store does when its origin's quota is used up.
   */
  function fillStorage(): void {
    const prototype = globalThis.IDBObjectStore.prototype;
    const { add, put } = prototype;
    prototype.add = () => {
      throw quotaError();
    };
    prototype.put = () => {
      throw quotaError();
    };
    restoreWrites = () => Object.assign(prototype, { add, put });
  }

  async function everything() {
    return {
      documents: await db.documents.toArray(),
      annotations: await db.annotations.toArray(),
      entities: await db.entities.toArray(),
      quoteWords: await db.quoteWords.toArray(),
    };
  }

  const REPORT = 'Levee holds\n\nEngineer Tomasz Wr\u00f3bel said the levee at Kessel held through the night.';

  it('a tag that cannot be saved says so, and the tags and entities saved before are all still there', async () => {
    const report = await importText(db, REPORT);
    const at = (quote: string) => ({ start: report.text.indexOf(quote), end: report.text.indexOf(quote) + quote.length });
    await tagSpan(db, { documentId: report.id, kind: 'claim', ...at('the levee at Kessel held through the night'), author: 'Ines' });
    const before = await everything();

    fillStorage();
    // An entity tag would also create the entity: both are refused together.
    await expect(tagSpan(db, { documentId: report.id, kind: 'entity', ...at('Tomasz Wróbel'), author: 'Ines' })).rejects.toThrow(
      /^The tag was not saved: the disk, or the space the browser allows Crosscheck, is full\. Nothing saved before was lost\./,
    );
    await expect(updateAnnotation(db, before.annotations[0]!.id, { note: 'Checked with the water board.' })).rejects.toThrow(StorageFullError);
    restoreWrites!();
    expect(await everything()).toEqual(before);
  });

  it('an import that cannot be saved names the document, and the library keeps what it had', async () => {
    await importText(db, REPORT);
    const before = await everything();
    fillStorage();
    const draft = await draftFromPlainText('Ferry resumes\n\nThe Kessel ferry resumed service on Monday.', 'ferry.txt');
    await expect(importDocument(db, draft)).rejects.toThrow(/^“Ferry resumes” was not imported: the disk/);
    const second = await draftFromPlainText('Road reopens\n\nThe coast road reopened at noon.', 'road.txt');
    await expect(importDocuments(db, [draft, second])).rejects.toThrow(/^None of the 2 documents was imported: the disk/);
    restoreWrites!();
    expect(await everything()).toEqual(before);
  });
});
