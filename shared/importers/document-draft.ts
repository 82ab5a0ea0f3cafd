/**
 * What every importer produces and how a draft is completed: the sha-256 of its text, and the date and
 * language the text itself gives when the source's metadata did not.
 */
import { statedDocumentDate, openingMetadataSpans } from '../extract/dates';
import type { SourceDocument } from '../model';
import { paragraphRanges } from '../text/canonical-text';
import { detectLanguage } from '../text/language';
import { sha256Hex } from '../text/sha256';

/** A document before it has an id and an import time. */
export type DocumentDraft = Omit<SourceDocument, 'id' | 'importedAt'>;

/** A draft's fields as an importer finds them; language and date may still be unknown. */
export type DraftFields = Omit<DocumentDraft, 'sha256' | 'language'> & { language?: string };

export interface SourceFileInput {
  name: string;
  bytes: Uint8Array;
}

/** An import that cannot go ahead; the message says what is wrong and what to do. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

const TITLE_MAX = 120;

/** The first line of text, shortened at a word boundary to a readable title. */
export function titleFromText(text: string): string {
  const first = (text.split('\n', 1)[0] ?? '').trim();
  if (first.length <= TITLE_MAX) return first;
  const cut = first.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The headline of canonical text: its first paragraph that is not a date line, a "date …" header or an
 * outlet's name beside one (articles saved from feeds often open with those).
 */
export function headlineOf(text: string): string {
  const metadata = openingMetadataSpans(text);
  const headline = paragraphRanges(text).find((p) => !metadata.some(([from, to]) => from <= p.start && to >= p.end));
  return titleFromText(headline ? text.slice(headline.start) : text);
}

/**
 * A publication date from metadata, kept as the source gives it when it is an ISO date or date-time
 * ("2024-11-02", "2024-11-02T08:30:00+01:00"); a date-time in another shape keeps its day. Impossible
 * dates (2023-02-30) and other formats give undefined.
 */
export function publicationDate(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(trimmed);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return undefined;
  return match[4] && match[0] === trimmed ? trimmed : day;
}

/**
 * The date the opening lines state for the document, when they name its year: a "date 2024-03-28" header,
 * a "Thu 06 Mar 2025" line, a dateline "PORT AVEL, March 5, 2024 —". A dateline without a year is left
 * out: it would be read as this year, which is wrong for every older article.
 */
export function dateStatedInText(text: string): string | undefined {
  const stated = statedDocumentDate(text);
  if (!stated || stated.start === undefined || stated.end === undefined) return undefined;
  return /\b\d{4}\b/.test(text.slice(stated.start, stated.end)) ? stated.date : undefined;
}

/**
 * Completes a draft: refuses one without text, fills the date and language from the text when the source
 * did not give them, and adds the sha-256 that identifies the text.
 */
export async function completeDraft(fields: DraftFields, sourceName: string): Promise<DocumentDraft> {
  if (fields.text.length === 0) {
    throw new ImportError(`“${sourceName}” has no text to import. Check that it is the article you meant.`);
  }
  const publishedAt = fields.publishedAt ?? dateStatedInText(fields.text);
  const draft: DocumentDraft = {
    ...fields,
    title: fields.title.trim() || headlineOf(fields.text),
    language: fields.language ?? detectLanguage(fields.text),
    sha256: await sha256Hex(fields.text),
  };
  // Absent rather than undefined, so drafts compare and serialise alike whichever importer made them.
  if (publishedAt) draft.publishedAt = publishedAt;
  for (const key of ['outlet', 'author', 'url', 'publishedAt'] as const) {
    if (draft[key] === undefined || draft[key] === '') delete draft[key];
  }
  return draft;
}
