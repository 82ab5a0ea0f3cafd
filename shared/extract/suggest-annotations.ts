/**
 * Suggested annotations: what extraction proposes for the user to accept or reject, as annotation drafts
 * with `origin: 'suggested'`. Ids are deterministic (document, kind, span), so suggesting twice gives the
 * same drafts and a rejected suggestion can be recognised when it comes back.
 */
import type { Annotation, EntityType } from '../model';
import { extractDocument, type DocumentExtraction, type ExtractableDocument, type ExtractOptions } from './extract-document';

/** An annotation proposed by extraction; it has no author or timestamps until the user accepts it. */
export interface SuggestedAnnotation extends Omit<Annotation, 'author' | 'createdAt' | 'updatedAt' | 'origin'> {
  origin: 'suggested';
  /** For kind `entity`: the entity the user would create or link on accepting. */
  entity?: { name: string; type: EntityType; roles: string[] };
  /** For kind `claim`: what the statement is about and whether it affirms or denies it. */
  claim?: { key: string; subject: string; predicate: string; polarity: 'affirmed' | 'denied' };
}

export interface SuggestOptions extends ExtractOptions {
  /** A previous extraction of this document, to avoid extracting again. */
  extraction?: DocumentExtraction;
  /** Also propose the document's statements as claims (off by default: most sentences are statements). */
  claims?: boolean;
}

const CONTEXT = 32;

/** The deterministic id of a suggestion. */
export function suggestionId(documentId: string, kind: Annotation['kind'], start: number, end: number): string {
  return `suggested:${documentId}:${kind}:${start}-${end}`;
}

function draft(document: ExtractableDocument, kind: Annotation['kind'], start: number, end: number): SuggestedAnnotation {
  return {
    id: suggestionId(document.id, kind, start, end),
    documentId: document.id,
    kind,
    start,
    end,
    quote: document.text.slice(start, end),
    prefix: document.text.slice(Math.max(0, start - CONTEXT), start),
    suffix: document.text.slice(end, end + CONTEXT),
    origin: 'suggested',
    status: 'unverified',
  };
}

/**
 * Annotation drafts for the people, organisations, places and counted quantities of a document (and its
 * statements, with `claims: true`), ordered by position.
 */
export function suggestAnnotations(document: ExtractableDocument, options: SuggestOptions = {}): SuggestedAnnotation[] {
  const extraction = options.extraction ?? extractDocument(document, options);
  const drafts: SuggestedAnnotation[] = [];
  for (const mention of extraction.entities) {
    drafts.push({
      ...draft(document, 'entity', mention.start, mention.end),
      entity: { name: mention.name, type: mention.type, roles: mention.roles.map((role) => role.phrase) },
    });
  }
  for (const quantity of extraction.quantities) {
    drafts.push({
      ...draft(document, 'quantity', quantity.start, quantity.end),
      quantity: {
        value: quantity.value,
        ...(quantity.upper !== undefined ? { upper: quantity.upper } : {}),
        approximation: quantity.approximation,
        ...(quantity.unit ? { unit: quantity.unit } : {}),
        key: quantity.key,
        ...(quantity.asOf ? { asOf: quantity.asOf } : {}),
      },
    });
  }
  if (options.claims) {
    for (const claim of extraction.claims) {
      drafts.push({
        ...draft(document, 'claim', claim.start, claim.end),
        claim: { key: claim.key, subject: claim.subject, predicate: claim.predicate, polarity: claim.polarity },
      });
    }
  }
  return drafts.sort((a, b) => a.start - b.start || a.end - b.end);
}
