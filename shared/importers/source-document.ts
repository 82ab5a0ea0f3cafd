/**
 * Turns bytes or pasted text into a document draft: canonical text, title, format and metadata.
 * Pure: the app (Electron and web) and the command line share it, each passing the environment
 * (HTML parser, DOMPurify, pdf.js) that HTML, Word and PDF files need.
 */
import type { SourceFormat } from '../model';
import { canonicalizePlainText, joinParagraphs } from '../text/canonical-text';
import { normalizeLanguageTag } from '../text/language';
import { completeDraft, ImportError, publicationDate, type DocumentDraft, type SourceFileInput } from './document-draft';
import type { HtmlDom, ImportEnvironment } from './import-environment';
import { parseMarkdown } from './markdown';
import { decodeHtmlFile, decodeTextFile } from './text-encoding';

export { ImportError, titleFromText, type DocumentDraft, type SourceFileInput } from './document-draft';

export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

/** Extensions Crosscheck imports, without the dot: for file pickers' filters. */
export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format a file name says, or undefined when Crosscheck does not read it. */
export function formatOfFile(name: string): SourceFormat | undefined {
  return FORMAT_BY_EXTENSION[extensionOf(name)];
}

/** Refuses a source that is not worth reading: too large, or in a format Crosscheck does not read. */
export function checkSource(name: string, byteLength: number): SourceFormat {
  if (byteLength > MAX_SOURCE_BYTES) {
    const megabytes = (byteLength / 1024 / 1024).toFixed(0);
    throw new ImportError(`“${name}” is ${megabytes} MB; Crosscheck imports files up to 50 MB. Split it or import the article alone.`);
  }
  const format = formatOfFile(name);
  if (!format) {
    throw new ImportError(
      `“${name}” is not a format Crosscheck reads. Import web pages (.html), Word (.docx), PDF, Markdown (.md) or plain text (.txt), or paste the article as a new document.`,
    );
  }
  return format;
}

/** Builds a draft from Markdown source. */
export async function draftFromMarkdown(source: string, sourceName: string): Promise<DocumentDraft> {
  const { paragraphs, heading, frontMatter: meta } = parseMarkdown(source);
  const text = joinParagraphs(paragraphs);
  const language = normalizeLanguageTag(meta.language ?? meta.lang);
  return completeDraft(
    {
      title: meta.title ?? heading ?? '',
      text,
      format: 'markdown',
      outlet: meta.outlet ?? meta.source ?? meta.publisher ?? meta.site,
      author: meta.author ?? meta.byline,
      url: meta.url ?? meta.link,
      publishedAt: publicationDate(meta.date ?? meta.published ?? meta.publishedat),
      ...(language ? { language } : {}),
    },
    sourceName,
  );
}

/**
 * Builds a draft from plain text, such as a pasted article. A date line that names its year in the opening
 * lines ("date 2025-03-06", "Thu 06 Mar 2025", "PORT AVEL, March 5, 2024 —") becomes the publication date.
 */
export async function draftFromPlainText(source: string, sourceName: string, title?: string): Promise<DocumentDraft> {
  return completeDraft({ title: title?.trim() ?? '', text: canonicalizePlainText(source), format: 'text' }, sourceName);
}

function needsEnvironment(name: string): ImportError {
  return new ImportError(`“${name}” cannot be read here: this part of Crosscheck imports only plain text and Markdown.`);
}

/**
 * Reads a chosen or dropped file into a draft, choosing the importer by the file's extension. HTML, Word
 * and PDF files need `environment`; text and Markdown do not.
 */
export async function draftFromFile(file: SourceFileInput, environment?: ImportEnvironment): Promise<DocumentDraft> {
  const format = checkSource(file.name, file.bytes.byteLength);
  switch (format) {
    case 'text':
      return draftFromPlainText(decodeTextFile(file.bytes, file.name), file.name);
    case 'markdown':
      return draftFromMarkdown(decodeTextFile(file.bytes, file.name), file.name);
  }
  if (!environment) throw needsEnvironment(file.name);
  // The HTML, Word and PDF importers (and Readability, mammoth) load on first use: a library of text files
  // and a command-line run on Markdown never pay for them.
  switch (format) {
    case 'html':
      return (await import('./html')).draftFromHtml(decodeHtmlFile(file.bytes, file.name), file.name, environment.html);
    case 'docx':
      return (await import('./docx')).draftFromDocx(file.bytes, file.name, environment.html);
    case 'pdf':
      return (await import('./pdf')).draftFromPdf(file.bytes, file.name, environment.loadPdf);
  }
}

/** What a paste event offers: `clipboardData.getData('text/html')` and `getData('text/plain')`. */
export interface ClipboardContent {
  html?: string;
  text?: string;
}

/**
 * Builds a draft from pasted content: through the HTML path when the clipboard has HTML with text in it
 * (structure survives: paragraphs, headings, list items), else from the plain text. `title` is the user's.
 */
export async function draftFromClipboard(content: ClipboardContent, dom: HtmlDom, title?: string): Promise<DocumentDraft> {
  if (content.html?.trim()) {
    const draft = await (await import('./html')).draftFromPastedHtml(content.html, dom, title);
    if (draft) return draft;
  }
  return draftFromPlainText(content.text ?? '', title?.trim() || 'Pasted text', title);
}
