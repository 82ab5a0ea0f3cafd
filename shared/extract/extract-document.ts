/**
 * Everything extraction finds in one document, from one tagging pass: the document's own date, named
 * entities with their roles, counted quantities, dates, dated events and claims with their polarity.
 */
import { extractClaims, type ClaimMention } from './claims';
import { findDates, findDocumentDate, openingMetadataSpans, type DateMention, type DocumentDate } from './dates';
import { extractEntities, type EntityMention } from './entities';
import { extractEvents, type EventMention } from './events';
import { extractQuantities, type QuantityMention } from './quantities';
import { tagText } from './tagged-text';

export interface ExtractableDocument {
  id: string;
  text: string;
  /** ISO date from the importer's metadata, when it had one. */
  publishedAt?: string;
}

export interface DocumentExtraction {
  documentId: string;
  /** The document's own date: metadata, a date header line or a dateline. */
  documentDate?: DocumentDate;
  entities: EntityMention[];
  quantities: QuantityMention[];
  /** Day-precise dates in the text, without the document's own date line. */
  dates: DateMention[];
  events: EventMention[];
  claims: ClaimMention[];
}

export interface ExtractOptions {
  /** Resolves a dateline without a year; defaults to today. Tests pass a fixed date. */
  now?: Date;
}

/** Extracts entities, quantities, dates, events and claims from a document's canonical text. */
export function extractDocument(document: ExtractableDocument, options: ExtractOptions = {}): DocumentExtraction {
  const { text } = document;
  const documentDate = findDocumentDate(document, options.now);
  // The date lines, dateline and outlet line describe the document: they are not part of its story.
  const ownDate: Array<readonly [number, number]> = openingMetadataSpans(text, options.now);
  if (documentDate?.start !== undefined && documentDate.end !== undefined) ownDate.push([documentDate.start, documentDate.end]);
  const dates = findDates(text, documentDate?.date, options.now).filter(
    (date) => !ownDate.some(([from, to]) => date.start >= from && date.start < to),
  );
  const tagged = tagText(text);
  return {
    documentId: document.id,
    ...(documentDate ? { documentDate } : {}),
    entities: extractEntities(tagged, ownDate),
    quantities: extractQuantities(tagged, { documentDate: documentDate?.date, dates, skipSpans: ownDate }),
    dates,
    events: extractEvents(tagged, dates),
    claims: extractClaims(tagged),
  };
}
