/**
 * No data lost, in Chromium with real IndexedDB: an import cut off by closing the window leaves no half of
 * anything behind (a bundle all or nothing, a batch of files whole documents only); a library from a newer
 * Crosscheck is explained, not opened; and a full disk during a tag or an import says so while everything
 * saved before survives a reload.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { writeBundle } from '../../shared/bundles/write-bundle';
import type { BundleContents } from '../../shared/bundles/bundle-format';
import type { Annotation, SourceDocument } from '../../shared/model';
import { sha256Hex } from '../../shared/text/sha256';
import { annotationRows, documentList, openDocument, openSamples, selectInReader, tagWithKey } from './reader-helpers';

const RESCUE_TITLE = 'Rescuers race to reach trapped miners at Marrow Creek';

/** Rows per table, read straight from IndexedDB (the app's own database, already opened by the app). */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('crosscheck');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const transaction = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = transaction.objectStore(name).count();
            count.onsuccess = () => (counts[name] = count.result);
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

interface StoredRecords {
  documents: Array<{ id: string; title: string; text: string; sha256: string }>;
  annotations: Array<{ id: string; documentId: string }>;
  links: Array<{ fromId: string; toId: string }>;
  quoteWords: Array<{ id: string }>;
}

/** The records that must agree with one another after any interruption. */
async function storedRecords(page: Page): Promise<StoredRecords> {
  return page.evaluate(
    () =>
      new Promise<StoredRecords>((resolve, reject) => {
        const request = indexedDB.open('crosscheck');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = ['documents', 'annotations', 'links', 'quoteWords'] as const;
          const transaction = db.transaction([...names], 'readonly');
          const records: Partial<Record<(typeof names)[number], unknown[]>> = {};
          for (const name of names) {
            const all = transaction.objectStore(name).getAll();
            all.onsuccess = () => (records[name] = all.result as unknown[]);
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(records as StoredRecords);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

/** Nothing refers to what is not there: every annotation has its document, every link both ends, the word index its annotation. */
function expectNoHalves(records: StoredRecords): void {
  const documentIds = new Set(records.documents.map((document) => document.id));
  const annotationIds = new Set(records.annotations.map((annotation) => annotation.id));
  expect(records.annotations.filter((annotation) => !documentIds.has(annotation.documentId))).toEqual([]);
  expect(records.links.filter((link) => !annotationIds.has(link.fromId) || !annotationIds.has(link.toId))).toEqual([]);
  expect(records.quoteWords.map((row) => row.id).sort()).toEqual([...annotationIds].sort());
}

/** The titles in the library list, as the person sees them. */
async function libraryTitles(page: Page): Promise<string[]> {
  const items = documentList(page).getByRole('listitem');
  return (await items.locator('.document-title').allTextContents()).map((title) => title.trim());
}

/** Opens the app again in a new window of the same browser profile (same IndexedDB). */
async function reopen(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Documents' }).or(page.getByText('Import an article or open the sample corpus'))).toBeVisible();
  return page;
}

/** The sample corpus with two tags and a link: something to lose. */
async function librarySavedBefore(page: Page): Promise<void> {
  await openSamples(page);
  await openDocument(page, RESCUE_TITLE);
  await tagWithKey(page, 'Tobias Wendtner', 'e');
  await tagWithKey(page, 'the ventilation shaft had been inspected in February and found sound', 'c');
}

/** A bundle of `documents` short reports with `perDocument` annotations each, written as another Crosscheck would. */
async function largeBundle(documents: number, perDocument: number): Promise<Buffer> {
  const at = '2025-05-20T08:00:00.000Z';
  const contents: BundleContents = { documents: [], annotations: [], entities: [], links: [], decisions: [], decisionHistory: [] };
  for (let d = 0; d < documents; d++) {
    const sentences = Array.from({ length: perDocument }, (_, s) => `Gauge ${s} on the Orrin river read ${(d * 7 + s) % 400} centimetres at dawn on day ${d}.`);
    const text = `River gauges, day ${d}\n\n${sentences.join(' ')}`;
    const document: SourceDocument = { id: `gauge-doc-${d}`, title: `River gauges, day ${d}`, text, format: 'text', sha256: await sha256Hex(text), language: 'en', importedAt: at };
    contents.documents.push(document);
    let from = 0;
    for (let s = 0; s < perDocument; s++) {
      const quote = `Gauge ${s} on the Orrin river`;
      const start = text.indexOf(quote, from);
      from = start + quote.length;
      const annotation: Annotation = {
        id: `gauge-${d}-${s}`,
        documentId: document.id,
        kind: 'fact',
        start,
        end: start + quote.length,
        quote,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + quote.length, start + quote.length + 32),
        origin: 'user',
        status: 'unverified',
        author: 'Petra',
        createdAt: at,
        updatedAt: at,
      };
      contents.annotations.push(annotation);
    }
  }
  return Buffer.from(await writeBundle(contents, { appVersion: '0.1.0', createdBy: 'Petra Tamm', createdAt: at }));
}

test('a bundle import cut off by closing the window leaves the library exactly as it was', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await librarySavedBefore(page);
  const countsBefore = await storeCounts(page);
  const titlesBefore = await libraryTitles(page);
  expect(titlesBefore).toHaveLength(5);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles({ name: 'orrin-gauges.crosscheck', mimeType: 'application/octet-stream', buffer: await largeBundle(400, 100) });
  const dialog = page.getByRole('dialog', { name: 'Import bundle' });
  await expect(dialog.getByRole('heading', { name: 'Import this bundle?' })).toBeVisible({ timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  // The one transaction is open and writing: the window goes away now.
  await expect(dialog.getByRole('status')).toContainText('Saving to the library', { timeout: 60_000 });
  await page.close();

  const again = await reopen(context);
  expect(await storeCounts(again)).toEqual(countsBefore);
  await expect(documentList(again).getByRole('listitem')).toHaveCount(5);
  expect(await libraryTitles(again)).toEqual(titlesBefore);
  expectNoHalves(await storedRecords(again));
  await context.close();
});

test('a batch of files cut off by closing the window keeps only whole documents', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await librarySavedBefore(page);
  const countsBefore = await storeCounts(page);

  const texts = new Map<string, string>();
  const files = Array.from({ length: 250 }, (_, i) => {
    const title = `Orrin river bulletin ${i}`;
    const text = `${title}\n\nThe Orrin river stood at ${100 + i} centimetres at the Kessel weir on bulletin ${i}.`;
    texts.set(title, text);
    return { name: `bulletin-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) };
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
  await expect(page.getByRole('status', { name: 'Import progress' })).toContainText(/Importing (\d{2,}) of 250/);
  await page.close();

  const again = await reopen(context);
  const records = await storedRecords(again);
  expectNoHalves(records);
  const imported = records.documents.filter((document) => texts.has(document.title));
  // Cut off midway: some bulletins arrived, not all.
  expect(imported.length).toBeGreaterThan(0);
  expect(imported.length).toBeLessThan(250);
  // Each one that arrived is whole: its full text, with the checksum of that text.
  for (const document of imported) {
    expect(document.text).toBe(texts.get(document.title));
    expect(document.sha256).toBe(await sha256Hex(document.text));
  }
  // What was there before is all still there; the library lists exactly what the store holds.
  const countsAfter = await storeCounts(again);
  expect({ ...countsAfter, documents: countsAfter.documents! - imported.length }).toEqual(countsBefore);
  await expect(documentList(again).getByRole('listitem')).toHaveCount(5 + imported.length);
  await context.close();
});

test('a library written by a newer Crosscheck is explained instead of opened, and left as it was', async ({ page }) => {
  // A page of the app's origin that does not start the app: the newer library is written there first.
  await page.route('**/newer-library', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>setup</title>' }));
  await page.goto('/newer-library');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        // Dexie's version 3 is native version 30; the newer schema has a table this version does not know.
        const request = indexedDB.open('crosscheck', 30);
        request.onupgradeneeded = () => {
          request.result.createObjectStore('documents', { keyPath: 'id' }).put({ id: 'doc-1', title: 'Written by the newer version' });
          request.result.createObjectStore('highlights', { keyPath: 'id' });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );

  await page.goto('/');
  const problem = page.getByRole('alert');
  await expect(page.getByRole('heading', { name: 'Crosscheck cannot open your library' })).toBeVisible();
  await expect(problem).toContainText('This library was last used by a newer version of Crosscheck');
  await expect(problem).toContainText('Nothing in it was changed. Install the newer Crosscheck to open it');
  await expect(page.getByRole('button', { name: 'Import…' })).toHaveCount(0);

  const after = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
        const request = indexedDB.open('crosscheck');
        request.onsuccess = () => {
          const db = request.result;
          resolve({ version: db.version, stores: [...db.objectStoreNames] });
          db.close();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  expect(after).toEqual({ version: 30, stores: ['documents', 'highlights'] });
});

/**
 * Makes the window's IndexedDB refuse writes as a full disk does, once `refuseWritesAfter(n)` is called:
 * after n more writes (to `store`, or to any store), every add and put throws QuotaExceededError.
 * (Chromium 156 ignores DevTools' Storage.overrideQuotaForOrigin: its estimate and its writes are unchanged.)
 */
async function installFullDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let allowed = Number.POSITIVE_INFINITY;
    let only: string | undefined;
    (window as unknown as { refuseWritesAfter(n: number, store?: string): void }).refuseWritesAfter = (n, store) => {
      allowed = n;
      only = store;
    };
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (only === undefined || only === this.name) {
          if (allowed <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          allowed--;
        }
        return original.apply(this, args);
      };
    }
  });
}

const refuseWritesAfter = (page: Page, n: number, store?: string) =>
  page.evaluate(([count, name]) => (window as unknown as { refuseWritesAfter(n: number, store?: string): void }).refuseWritesAfter(count, name), [n, store] as const);

test('a tag refused by a full disk says so, and everything saved before is still there after a reload', async ({ page }) => {
  await installFullDisk(page);
  await librarySavedBefore(page);
  const countsBefore = await storeCounts(page);

  await refuseWritesAfter(page, 0);
  await selectInReader(page, 'Marrow Creek');
  await page.keyboard.press('c');
  const alert = page.getByRole('alert').filter({ hasText: 'The tag was not saved' });
  await expect(alert).toContainText('The tag was not saved: the disk, or the space the browser allows Crosscheck, is full. Nothing saved before was lost.');
  await expect(alert).toContainText('Free some disk space (or export a bundle of the library');
  await expect(annotationRows(page)).toHaveCount(2);

  await page.reload();
  await openDocument(page, RESCUE_TITLE);
  await expect(annotationRows(page)).toHaveCount(2);
  await expect(page.locator('.reader-content mark')).toContainText(['Tobias Wendtner', 'the ventilation shaft had been inspected in February and found sound']);
  expect(await storeCounts(page)).toEqual(countsBefore);
});

test('an import that fills the disk keeps the documents saved before it, and names the files it could not save', async ({ page }) => {
  await installFullDisk(page);
  await librarySavedBefore(page);
  const countsBefore = await storeCounts(page);

  // Room for two more documents, not four.
  await refuseWritesAfter(page, 2, 'documents');
  const files = ['north', 'south', 'east', 'west'].map((bank) => ({
    name: `${bank}-bank.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Flood wall on the ${bank} bank\n\nThe ${bank} bank flood wall of the Orrin was raised by 40 centimetres.`),
  }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);

  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 documents' })).toContainText('Imported 2 documents; 2 could not be imported.');
  const alert = page.getByRole('alert').filter({ hasText: 'were not imported' });
  await expect(alert).toContainText('2 files (“east-bank.txt”, “west-bank.txt”) were not imported: the disk, or the space the browser allows Crosscheck, is full. Nothing saved before was lost.');
  await expect(documentList(page).getByRole('listitem')).toHaveCount(7);

  await page.reload();
  await expect(documentList(page).getByRole('listitem')).toHaveCount(7);
  await expect(documentList(page)).toContainText('Flood wall on the north bank');
  await expect(documentList(page)).toContainText('Flood wall on the south bank');
  await expect(documentList(page)).not.toContainText('east bank');
  const countsAfter = await storeCounts(page);
  expect({ ...countsAfter, documents: countsAfter.documents! - 2 }).toEqual(countsBefore);
  await openDocument(page, RESCUE_TITLE);
  await expect(annotationRows(page)).toHaveCount(2);
  expectNoHalves(await storedRecords(page));
});
