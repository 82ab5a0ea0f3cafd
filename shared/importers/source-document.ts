/**
 * Turns bytes or pasted text into a document draft: canonical text, title, format and metadata.
 * Pure: the app (Electron and web) and the command line share it.
 */
import type { SourceDocument, SourceFormat } from '../model';
import { canonicalizePlainText, joinParagraphs } from '../text/canonical-text';
import { sha256Hex } from '../text/sha256';
import { openingMetadataSpans, statedDocumentDate } from '../extract/dates';
import { paragraphRanges } from '../text/canonical-text';
import { parseMarkdown } from './markdown';

/** A document before it has an id and an import time. */
export type DocumentDraft = Omit<SourceDocument, 'id' | 'importedAt'>;

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

export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const TITLE_MAX = 120;

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The first line of text, shortened at a word boundary to a readable title. */
export function titleFromText(text: string): string {
  const first = (text.split('\n', 1)[0] ?? '').trim();
  if (first.length <= TITLE_MAX) return first;
  const cut = first.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${match[1]}-${match[2]}-${match[3]}`) return undefined;
  return match[4] ? value.trim() : `${match[1]}-${match[2]}-${match[3]}`;
}

function decodeUtf8(file: SourceFileInput): string {
  try {
    // The decoder drops a leading byte-order mark, so files with and without one read alike.
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw new ImportError(
      `“${file.name}” is not UTF-8 text. Save it with UTF-8 encoding (Save As… → Encoding: UTF-8) and import it again.`,
    );
  }
}

async function finish(draft: Omit<DocumentDraft, 'sha256'>, sourceName: string): Promise<DocumentDraft> {
  if (draft.text.length === 0) {
    throw new ImportError(`“${sourceName}” has no text to import. Check that it is the article you meant.`);
  }
  return { ...draft, sha256: await sha256Hex(draft.text) };
}

/** Builds a draft from Markdown source. */
export async function draftFromMarkdown(source: string, sourceName: string): Promise<DocumentDraft> {
  const { paragraphs, heading, frontMatter: meta } = parseMarkdown(source);
  const text = joinParagraphs(paragraphs);
  return finish(
    {
      title: meta.title ?? heading ?? titleFromText(text),
      text,
      format: 'markdown',
      outlet: meta.outlet ?? meta.source ?? meta.publisher ?? meta.site,
      author: meta.author ?? meta.byline,
      url: meta.url ?? meta.link,
      publishedAt: isoDate(meta.date ?? meta.published ?? meta.publishedat),
      language: meta.language ?? meta.lang ?? 'und',
    },
    sourceName,
  );
}

/**
 * The headline of a plain text: its first paragraph that is not a date line, a "date …" header or an
 * outlet's name beside one (articles saved from feeds often open with those).
 */
function plainTextTitle(text: string): string {
  const metadata = openingMetadataSpans(text);
  const headline = paragraphRanges(text).find((p) => !metadata.some(([from, to]) => from <= p.start && to >= p.end));
  return titleFromText(headline ? text.slice(headline.start) : text);
}

/**
 * Builds a draft from plain text, such as a pasted article. A date header line with a year ("date
 * 2025-03-06", "Thu 06 Mar 2025") becomes the publication date; a dateline without a year does not.
 */
export async function draftFromPlainText(source: string, sourceName: string, title?: string): Promise<DocumentDraft> {
  const text = canonicalizePlainText(source);
  const stated = statedDocumentDate(text);
  return finish(
    {
      title: title?.trim() || plainTextTitle(text),
      text,
      format: 'text',
      language: 'und',
      ...(stated?.source === 'header' ? { publishedAt: stated.date } : {}),
    },
    sourceName,
  );
}

/** Reads a chosen or dropped file into a draft, choosing the importer by the file's extension. */
export async function draftFromFile(file: SourceFileInput): Promise<DocumentDraft> {
  if (file.bytes.byteLength > MAX_SOURCE_BYTES) {
    const megabytes = (file.bytes.byteLength / 1024 / 1024).toFixed(0);
    throw new ImportError(`“${file.name}” is ${megabytes} MB; Crosscheck imports files up to 50 MB. Split it or import the article alone.`);
  }
  const format = FORMAT_BY_EXTENSION[extensionOf(file.name)];
  if (!format) {
    throw new ImportError(
      `“${file.name}” is not a format Crosscheck reads yet. Import plain text (.txt) or Markdown (.md), or paste the article as a new document.`,
    );
  }
  const source = decodeUtf8(file);
  return format === 'markdown' ? draftFromMarkdown(source, file.name) : draftFromPlainText(source, file.name);
}
