/** PDF files to drafts: the text layer read with pdf.js (which the caller supplies), rebuilt into paragraphs. */
import { joinParagraphs } from '../text/canonical-text';
import { normalizeLanguageTag } from '../text/language';
import { completeDraft, ImportError, type DocumentDraft, type DraftFields } from './document-draft';
import type { PdfDocumentLike, PdfLoader, PdfTextItem } from './import-environment';
import { pdfParagraphs, type PdfPageText } from './pdf-layout';

const PDF_SIGNATURE = '%PDF-';
// Where a PDF may put its signature: some tools write a few bytes of junk before it, and readers accept that.
const SIGNATURE_WINDOW = 1024;

interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
  Language?: unknown;
}

// pdf.js's names for a file it cannot parse; any other error is a fault to report as it is.
const UNREADABLE = new Set(['InvalidPDFException', 'MissingPDFException', 'FormatError', 'UnknownErrorException']);

function notReadable(name: string): ImportError {
  return new ImportError(`“${name}” is not a PDF Crosscheck can read: the file is damaged or not a PDF. Check that it opens in a PDF reader.`);
}

/** pdf.js's errors about the file, as messages; other errors unchanged. */
function loadFailure(error: unknown, name: string): unknown {
  const kind = (error as { name?: string } | undefined)?.name;
  if (kind === 'PasswordException') {
    return new ImportError(`“${name}” is protected by a password. Open it, save a copy without the password, and import that.`);
  }
  return kind && UNREADABLE.has(kind) ? notReadable(name) : error;
}

/**
 * A title from the file's properties, when it is one: tools fill it with the source file's name
 * ("Microsoft Word - draft3.docx") or "Untitled", which are not titles.
 */
function propertiesTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  if (title.length < 4 || /^(?:untitled|document\d*|microsoft word\b)/i.test(title) || /\.\w{2,4}$/.test(title)) return undefined;
  return title;
}

function propertiesAuthor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const author = value.replace(/\s+/g, ' ').trim();
  return author.length >= 3 && author.length <= 100 ? author : undefined;
}

function isTextItem(item: PdfTextItem | { type: string }): item is PdfTextItem {
  return typeof (item as PdfTextItem).str === 'string';
}

async function readPages(pdf: PdfDocumentLike): Promise<PdfPageText[]> {
  const pages: PdfPageText[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push({ items: content.items.filter(isTextItem) });
    // Each page's parsed fonts and operators are freed as soon as its text is out: long reports stay small.
    page.cleanup?.();
  }
  return pages;
}

/** Builds a draft from the bytes of a PDF file, with `loadPdf` opening it (pdf.js, for where this runs). */
export async function draftFromPdf(bytes: Uint8Array, sourceName: string, loadPdf: PdfLoader): Promise<DocumentDraft> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SIGNATURE_WINDOW));
  if (!head.includes(PDF_SIGNATURE)) throw notReadable(sourceName);
  let pdf: PdfDocumentLike;
  try {
    pdf = await loadPdf(bytes);
  } catch (error) {
    throw loadFailure(error, sourceName);
  }
  let fields: DraftFields;
  try {
    const pages = await readPages(pdf);
    const info = ((await pdf.getMetadata().catch(() => ({ info: undefined }))).info ?? {}) as PdfInfo;
    fields = {
      title: propertiesTitle(info.Title) ?? '',
      text: joinParagraphs(pdfParagraphs(pages)),
      format: 'pdf',
      author: propertiesAuthor(info.Author),
    };
    const language = normalizeLanguageTag(typeof info.Language === 'string' ? info.Language : undefined);
    if (language) fields.language = language;
  } catch (error) {
    throw loadFailure(error, sourceName);
  } finally {
    await pdf.destroy();
  }
  if (fields.text.length === 0) {
    throw new ImportError(`“${sourceName}” has no text layer: it is probably a scan. Run text recognition (OCR) on it first, then import the result.`);
  }
  return completeDraft(fields, sourceName);
}
