/** Accepting and rejecting what extraction suggests. Each runs one transaction. */
import type { SuggestedAnnotation } from '../../shared/extract/suggest-annotations';
import type { Annotation } from '../../shared/model';
import type { CrosscheckDatabase } from './database';
import { findOrCreateEntity } from './annotation-commands';

/**
 * Stores a suggestion as an annotation with origin `suggested`, under the suggestion's own deterministic id
 * (so two colleagues accepting the same suggestion end up with one annotation when their bundles meet).
 */
export async function acceptSuggestion(db: CrosscheckDatabase, suggestion: SuggestedAnnotation, author: string, now = new Date()): Promise<Annotation> {
  return db.transaction('rw', [db.documents, db.annotations, db.entities, db.rejectedSuggestions], async () => {
    const document = await db.documents.get(suggestion.documentId);
    if (!document) throw new Error('That document is no longer in the library.');
    if (document.text.slice(suggestion.start, suggestion.end) !== suggestion.quote) {
      throw new Error('The suggestion no longer matches the document text; run Suggest again.');
    }
    const at = now.toISOString();
    const annotation: Annotation = {
      id: suggestion.id,
      documentId: suggestion.documentId,
      kind: suggestion.kind,
      start: suggestion.start,
      end: suggestion.end,
      quote: suggestion.quote,
      prefix: suggestion.prefix,
      suffix: suggestion.suffix,
      origin: 'suggested',
      status: 'unverified',
      author,
      createdAt: at,
      updatedAt: at,
    };
    if (suggestion.entity) annotation.entityId = (await findOrCreateEntity(db, suggestion.entity.name, suggestion.entity.type)).id;
    if (suggestion.quantity) annotation.quantity = suggestion.quantity;
    await db.rejectedSuggestions.delete(suggestion.id);
    await db.annotations.put(annotation);
    return annotation;
  });
}

/** Records that the user rejected a suggestion: it is not offered again and raises no contradiction. */
export async function rejectSuggestion(db: CrosscheckDatabase, suggestion: SuggestedAnnotation, now = new Date()): Promise<void> {
  if (suggestion.kind !== 'entity' && suggestion.kind !== 'quantity' && suggestion.kind !== 'claim') return;
  await db.rejectedSuggestions.put({
    id: suggestion.id,
    documentId: suggestion.documentId,
    kind: suggestion.kind,
    start: suggestion.start,
    end: suggestion.end,
    quote: suggestion.quote,
    rejectedAt: now.toISOString(),
  });
}

/** Takes a rejection back (undo). */
export async function unrejectSuggestion(db: CrosscheckDatabase, suggestionId: string): Promise<void> {
  await db.rejectedSuggestions.delete(suggestionId);
}
