import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftFromPlainText } from '../../../../shared/importers/source-document';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { discardDatabase, openFreshDatabase } from './fresh-database';
import { DuplicateDocumentError, deleteDocument, importDocument, importDocuments, updateDocumentDetails } from '../../../../renderer/store/document-commands';
import { deleteAnnotation, restoreAnnotation, tagSpan, updateAnnotation } from '../../../../renderer/store/annotation-commands';

const article = 'Harbour pilots strike\n\nPilot spokesman Ivo Marek said 40 ships are waiting outside the port.';
let db: CrosscheckDatabase;

beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(async () => {
  await discardDatabase(db);
});

async function importArticle(text = article) {
  return importDocument(db, await draftFromPlainText(text, 'pilots.txt'));
}

describe('importDocument', () => {
  it('stores the document with an id, an import time and its hash', async () => {
    const doc = await importArticle();
    const stored = await db.documents.get(doc.id);
    expect(stored?.title).toBe('Harbour pilots strike');
    expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a text that is already in the library, naming the document, and adds nothing', async () => {
    await importArticle();
    const again = await draftFromPlainText(article, 'copy.txt');
    const error = await importDocument(db, again).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateDocumentError);
    expect((error as Error).message).toContain('“Harbour pilots strike”');
    expect(await db.documents.count()).toBe(1);
  });

  it('importDocuments skips texts already present and adds the rest', async () => {
    await importArticle();
    const added = await importDocuments(db, [
      await draftFromPlainText(article, 'a.txt'),
      await draftFromPlainText('Second story\n\nBody.', 'b.txt'),
    ]);
    expect(added.map((d) => d.title)).toEqual(['Second story']);
    expect(await db.documents.count()).toBe(2);
  });
});

describe('tagSpan', () => {
  it('stores both selectors: position and quote with context', async () => {
    const doc = await importArticle();
    const start = doc.text.indexOf('40 ships');
    const annotation = await tagSpan(db, { documentId: doc.id, kind: 'quantity', start, end: start + 8, author: 'tester' });
    const stored = await db.annotations.get(annotation.id);
    expect(stored).toMatchObject({ quote: '40 ships', kind: 'quantity', origin: 'user', status: 'unverified' });
    expect(stored?.prefix.endsWith('said ')).toBe(true);
    expect(stored?.suffix.startsWith(' are waiting')).toBe(true);
  });

  it('links an entity annotation to one entity per name, reused across tags', async () => {
    const doc = await importArticle();
    const start = doc.text.indexOf('Ivo Marek');
    const first = await tagSpan(db, { documentId: doc.id, kind: 'entity', start, end: start + 9, author: 't' });
    const second = await tagSpan(db, { documentId: doc.id, kind: 'entity', start, end: start + 9, author: 't' });
    expect(first.entityId).toBeDefined();
    expect(second.entityId).toBe(first.entityId);
    expect((await db.entities.get(first.entityId!))?.name).toBe('Ivo Marek');
  });

  it('refuses a range outside the text', async () => {
    const doc = await importArticle();
    await expect(tagSpan(db, { documentId: doc.id, kind: 'claim', start: 5, end: 5000, author: 't' })).rejects.toThrow(/outside/);
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('updateAnnotation', () => {
  it('sets status, note and speaker (as a person entity), and clears them again', async () => {
    const doc = await importArticle();
    const claim = await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 23, end: doc.text.length, author: 't' });
    await updateAnnotation(db, claim.id, { status: 'disputed', note: 'Port authority says 25.', speakerName: 'Ivo Marek' });
    let stored = await db.annotations.get(claim.id);
    expect(stored).toMatchObject({ status: 'disputed', note: 'Port authority says 25.' });
    expect((await db.entities.get(stored!.speaker!))?.name).toBe('Ivo Marek');
    await updateAnnotation(db, claim.id, { note: '', speakerName: '' });
    stored = await db.annotations.get(claim.id);
    expect(stored?.note).toBeUndefined();
    expect(stored?.speaker).toBeUndefined();
  });
});

describe('deleteAnnotation and restoreAnnotation', () => {
  it('removes the annotation with its links, and undo restores both', async () => {
    const doc = await importArticle();
    const a = await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 7, author: 't' });
    const b = await tagSpan(db, { documentId: doc.id, kind: 'fact', start: 8, end: 14, author: 't' });
    await db.links.add({ id: 'l1', fromId: a.id, toId: b.id, relation: 'supports', author: 't', createdAt: new Date().toISOString() });
    const deleted = await deleteAnnotation(db, a.id);
    expect(await db.annotations.count()).toBe(1);
    expect(await db.links.count()).toBe(0);
    await restoreAnnotation(db, deleted!);
    expect(await db.annotations.get(a.id)).toEqual(a);
    expect(await db.links.get('l1')).toMatchObject({ fromId: a.id, toId: b.id });
  });
});

describe('deleteDocument', () => {
  it('removes the document, its annotations and their links, and leaves other documents alone', async () => {
    const doc = await importArticle();
    const other = await importArticle('Another story\n\nText.');
    const a = await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 7, author: 't' });
    const b = await tagSpan(db, { documentId: other.id, kind: 'claim', start: 0, end: 7, author: 't' });
    await db.links.add({ id: 'l', fromId: b.id, toId: a.id, relation: 'contradicts', author: 't', createdAt: '' });
    await deleteDocument(db, doc.id);
    expect(await db.documents.toArray()).toHaveLength(1);
    expect(await db.annotations.toArray()).toEqual([b]);
    expect(await db.links.count()).toBe(0);
  });
});

describe('updateDocumentDetails', () => {
  const details = { title: 'Harbour pilots strike', outlet: 'Quay Gazette', author: 'N. Orla', url: 'https://quay.example/pilots', publishedAt: '2024-09-02', language: 'en' };

  it('saves corrected details and keeps the text untouched', async () => {
    const doc = await importArticle();
    await updateDocumentDetails(db, doc.id, details);
    const stored = await db.documents.get(doc.id);
    expect(stored).toMatchObject(details);
    expect(stored?.text).toBe(doc.text);
    expect(stored?.sha256).toBe(doc.sha256);
  });

  it('clears a detail left empty', async () => {
    const doc = await importArticle();
    await updateDocumentDetails(db, doc.id, details);
    await updateDocumentDetails(db, doc.id, { ...details, outlet: ' ', publishedAt: '' });
    const stored = await db.documents.get(doc.id);
    expect(stored?.outlet).toBeUndefined();
    expect(stored?.publishedAt).toBeUndefined();
  });

  it('refuses an impossible date, a non-web address and an empty title, and writes nothing', async () => {
    const doc = await importArticle();
    await expect(updateDocumentDetails(db, doc.id, { ...details, publishedAt: '2024-02-30' })).rejects.toThrow(/real day written as YYYY-MM-DD/);
    await expect(updateDocumentDetails(db, doc.id, { ...details, publishedAt: '2024-13-01' })).rejects.toThrow(/real day written as YYYY-MM-DD/);
    await expect(updateDocumentDetails(db, doc.id, { ...details, url: 'javascript:alert(1)' })).rejects.toThrow(/full web address/);
    await expect(updateDocumentDetails(db, doc.id, { ...details, title: '  ' })).rejects.toThrow(/needs a title/);
    expect(await db.documents.get(doc.id)).toEqual(doc);
  });
});
