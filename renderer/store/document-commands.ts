/** Commands that add and remove documents. Each runs one transaction. */
import type { DocumentDraft } from '../../shared/importers/source-document';
import type { SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from './database';
import { explainingStorageFull } from './storage-errors';

/** Importing a text that is already in the library; names the document that has it. */
export class DuplicateDocumentError extends Error {
  constructor(readonly existing: SourceDocument) {
    super(`This text is already in the library as “${existing.title}”. Nothing was imported; open that document instead.`);
    this.name = 'DuplicateDocumentError';
  }
}

/** Adds a document unless one with the same text exists, in which case it throws DuplicateDocumentError. */
export async function importDocument(db: CrosscheckDatabase, draft: DocumentDraft, now = new Date()): Promise<SourceDocument> {
  return explainingStorageFull(`“${draft.title}” was not imported`, () =>
    db.transaction('rw', db.documents, async () => {
      const existing = await db.documents.where('sha256').equals(draft.sha256).first();
      if (existing) throw new DuplicateDocumentError(existing);
      const document: SourceDocument = { ...draft, id: crypto.randomUUID(), importedAt: now.toISOString() };
      await db.documents.add(document);
      return document;
    }),
  );
}

/** Adds every draft whose text is not in the library yet; returns the documents added, in order. */
export async function importDocuments(db: CrosscheckDatabase, drafts: readonly DocumentDraft[], now = new Date()): Promise<SourceDocument[]> {
  return explainingStorageFull(drafts.length === 1 ? `“${drafts[0]!.title}” was not imported` : `None of the ${drafts.length} documents was imported`, () =>
    db.transaction('rw', db.documents, async () => {
      const known = new Set((await db.documents.where('sha256').anyOf(drafts.map((d) => d.sha256)).toArray()).map((d) => d.sha256));
      const added: SourceDocument[] = [];
      for (const draft of drafts) {
        if (known.has(draft.sha256)) continue;
        known.add(draft.sha256);
        added.push({ ...draft, id: crypto.randomUUID(), importedAt: now.toISOString() });
      }
      await db.documents.bulkAdd(added);
      return added;
    }),
  );
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

/** What the user may correct about a document after import; its text never changes. */
export interface DocumentDetails {
  title: string;
  outlet: string;
  author: string;
  url: string;
  /** YYYY-MM-DD, or empty when unknown. */
  publishedAt: string;
  /** A BCP-47 tag such as en, ar or pt-BR; `und` when unknown. */
  language: string;
}

/** Checks details as typed; returns one readable problem per field that is wrong. */
export function checkDocumentDetails(details: DocumentDetails): string[] {
  const problems: string[] = [];
  if (!details.title.trim()) problems.push('A document needs a title.');
  if (details.url.trim()) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(details.url.trim()).protocol);
    } catch {
      ok = false;
    }
    if (!ok) problems.push('The address must be a full web address starting with http:// or https://.');
  }
  const date = details.publishedAt.trim();
  const day = new Date(`${date}T00:00:00Z`);
  // Invalid dates (month 13) fail the first test; rolled-over ones (30 February) the second.
  if (date && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date))) {
    problems.push('The date must be a real day written as YYYY-MM-DD, for example 2025-03-06.');
  }
  if (!/^(und|[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/.test(details.language.trim())) {
    problems.push('The language must be a language tag such as en, ar, he or pt-BR (und when unknown).');
  }
  return problems;
}

/**
 * Saves corrected details of a document. The publication date is also the default as-of date of its figures,
 * so the engine re-examines them.
 */
export async function updateDocumentDetails(db: CrosscheckDatabase, documentId: string, details: DocumentDetails): Promise<void> {
  const problems = checkDocumentDetails(details);
  if (problems.length > 0) throw new Error(problems.join(' '));
  await explainingStorageFull('The corrected details were not saved', () => saveDocumentDetails(db, documentId, details));
}

async function saveDocumentDetails(db: CrosscheckDatabase, documentId: string, details: DocumentDetails): Promise<void> {
  await db.transaction('rw', db.documents, async () => {
    const document = await db.documents.get(documentId);
    if (!document) throw new Error('That document is no longer in the library.');
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const next: SourceDocument = {
      ...document,
      title: details.title.trim(),
      outlet: optional(details.outlet),
      author: optional(details.author),
      url: optional(details.url),
      publishedAt: optional(details.publishedAt),
      language: details.language.trim(),
    };
    for (const key of ['outlet', 'author', 'url', 'publishedAt'] as const) if (next[key] === undefined) delete next[key];
    await db.documents.put(next);
  });
}
