/** Commands that add and remove documents. Each runs one transaction. */
import type { DocumentDraft } from '../../shared/importers/source-document';
import type { SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from './database';

/** Importing a text that is already in the library; names the document that has it. */
export class DuplicateDocumentError extends Error {
  constructor(readonly existing: SourceDocument) {
    super(`This text is already in the library as “${existing.title}”. Nothing was imported; open that document instead.`);
    this.name = 'DuplicateDocumentError';
  }
}

/** Adds a document unless one with the same text exists, in which case it throws DuplicateDocumentError. */
export async function importDocument(db: CrosscheckDatabase, draft: DocumentDraft, now = new Date()): Promise<SourceDocument> {
  return db.transaction('rw', db.documents, async () => {
    const existing = await db.documents.where('sha256').equals(draft.sha256).first();
    if (existing) throw new DuplicateDocumentError(existing);
    const document: SourceDocument = { ...draft, id: crypto.randomUUID(), importedAt: now.toISOString() };
    await db.documents.add(document);
    return document;
  });
}

/** Adds every draft whose text is not in the library yet; returns the documents added, in order. */
export async function importDocuments(db: CrosscheckDatabase, drafts: readonly DocumentDraft[], now = new Date()): Promise<SourceDocument[]> {
  return db.transaction('rw', db.documents, async () => {
    const known = new Set((await db.documents.where('sha256').anyOf(drafts.map((d) => d.sha256)).toArray()).map((d) => d.sha256));
    const added: SourceDocument[] = [];
    for (const draft of drafts) {
      if (known.has(draft.sha256)) continue;
      known.add(draft.sha256);
      added.push({ ...draft, id: crypto.randomUUID(), importedAt: now.toISOString() });
    }
    await db.documents.bulkAdd(added);
    return added;
  });
}

/** Deletes a document with its annotations, every link that touches them, and its rejected suggestions. */
export async function deleteDocument(db: CrosscheckDatabase, documentId: string): Promise<void> {
  await db.transaction('rw', [db.documents, db.annotations, db.links, db.rejectedSuggestions], async () => {
    await db.rejectedSuggestions.where('documentId').equals(documentId).delete();
    const annotationIds = await db.annotations.where('documentId').equals(documentId).primaryKeys();
    const linkIds = new Set([
      ...(await db.links.where('fromId').anyOf(annotationIds).primaryKeys()),
      ...(await db.links.where('toId').anyOf(annotationIds).primaryKeys()),
    ]);
    await db.links.bulkDelete([...linkIds]);
    await db.annotations.bulkDelete(annotationIds);
    await db.documents.delete(documentId);
  });
}
