/**
 * Names a person recognises, for import reports and bundle summaries: documents by title, entities by
 * name, annotations by their quote and document, links by their two quotes, decisions by contradiction,
 * verdict and reviewer.
 */
import type { Annotation, Decision, Entity, Link, SourceDocument } from '../model';

const QUOTE_LENGTH = 60;

/** A text in curly quotes, on one line and at most `max` characters. */
export function shortQuote(text: string, max = QUOTE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}”`;
}

export function documentName(document: Pick<SourceDocument, 'title' | 'id'>): string {
  return shortQuote(document.title.trim() === '' ? document.id : document.title, 80);
}

export function entityName(entity: Pick<Entity, 'name' | 'type'>): string {
  return `${entity.name} (${entity.type})`;
}

/** `“quote” in “Title”`; the title is left out when the document is unknown. */
export function annotationName(annotation: Pick<Annotation, 'quote' | 'kind'>, document?: Pick<SourceDocument, 'title' | 'id'>): string {
  return `${annotation.kind} ${shortQuote(annotation.quote)}${document ? ` in ${documentName(document)}` : ''}`;
}

export function linkName(link: Pick<Link, 'relation' | 'fromId' | 'toId'>, quoteOf: (annotationId: string) => string | undefined): string {
  const end = (id: string): string => {
    const quote = quoteOf(id);
    return quote === undefined ? `annotation ${id}` : shortQuote(quote, 40);
  };
  return `${end(link.fromId)} ${link.relation} ${end(link.toId)}`;
}

/** "confirmed by Ines on 2025-03-06" */
export function decisionVerdict(decision: Pick<Decision, 'status' | 'reviewer' | 'decidedAt'>): string {
  return `${decision.status} by ${decision.reviewer || 'someone'} on ${decision.decidedAt.slice(0, 10)}`;
}

export function decisionName(decision: Pick<Decision, 'contradictionId' | 'status' | 'reviewer' | 'decidedAt'>): string {
  return `${decision.contradictionId}: ${decisionVerdict(decision)}`;
}
