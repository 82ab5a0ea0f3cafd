/**
 * Word documents (.docx) to drafts with mammoth: paragraphs, headings and list items become paragraphs,
 * footnotes and endnotes follow the text as "[1] …", numbered as their references in the text are.
 */
import { BundleError } from '../bundles/bundle-error';
import { DEFAULT_ZIP_LIMITS, listZipEntries, MIB, readZipEntry } from '../bundles/zip-archive';
import { joinParagraphs } from '../text/canonical-text';
import { completeDraft, ImportError, type DocumentDraft } from './document-draft';
import { htmlParagraphs, IMPORT_SANITIZE_OPTIONS } from './html-paragraphs';
import type { HtmlDom, HtmlElementLike } from './import-environment';

// The zip signature every .docx opens with; an old binary .doc does not.
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
// mammoth's zip reader inflates whatever an archive holds: a 260 KB file can unpack to 256 MB, and a 50 MB
// one to tens of gigabytes. A long book is a few megabytes of XML; its pictures are stored as they are.
const DOCX_MAX_UNPACKED_BYTES = 256 * MIB;

function notWordDocument(name: string): ImportError {
  return new ImportError(
    `“${name}” is not a Word document Crosscheck can read. If it is an older .doc file, open it in Word and save it as .docx, then import it again.`,
  );
}

/**
 * Unpacks every entry with the bundle reader's bounded inflater (each held to the size it declares, all of
 * them to DOCX_MAX_UNPACKED_BYTES) before mammoth reads the file, so that mammoth never meets a zip bomb.
 */
function checkUnpackedSize(bytes: Uint8Array, name: string, maxUnpackedBytes: number): void {
  try {
    for (const entry of listZipEntries(bytes, { ...DEFAULT_ZIP_LIMITS, maxEntries: 10_000, maxUnpackedBytes })) readZipEntry(bytes, entry);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    if (error.code !== 'too-large') throw notWordDocument(name);
    throw new ImportError(
      `“${name}” unpacks to more than ${Math.round(maxUnpackedBytes / MIB)} MB, far more than any Word document; it may be a “zip bomb” made to exhaust your computer's memory. It was not imported; ask the sender for the document again.`,
    );
  }
}

async function convertToHtml(bytes: Uint8Array, name: string): Promise<string> {
  // Loaded on first use: most imports are not Word documents, and the app's first screen need not wait.
  const { default: mammoth } = await import('mammoth');
  // mammoth's Node entry reads `buffer`, its browser entry (picked by the bundler) `arrayBuffer`: giving
  // both lets one call serve the app and the command line.
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const result = await mammoth.convertToHtml(input, {
      // Images are not text: an empty element, without decoding the picture into a data URL.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      externalFileAccess: false,
    });
    return result.value;
  } catch {
    throw notWordDocument(name);
  }
}

/** Builds a draft from the bytes of a .docx file; `maxUnpackedBytes` is for tests. */
export async function draftFromDocx(bytes: Uint8Array, sourceName: string, dom: HtmlDom, maxUnpackedBytes = DOCX_MAX_UNPACKED_BYTES): Promise<DocumentDraft> {
  if (!ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw notWordDocument(sourceName);
  checkUnpackedSize(bytes, sourceName, maxUnpackedBytes);
  const html = await convertToHtml(bytes, sourceName);
  const document = dom.parseHtml(dom.sanitizeHtml(html, IMPORT_SANITIZE_OPTIONS));
  // mammoth marks each reference `<a id="footnote-ref-7">[2]</a>` and each note `<li id="footnote-7">`: the
  // id is Word's, the label the reader saw in the text.
  const labels = new Map<string, string>();
  for (const reference of Array.from(document.querySelectorAll('[id^="footnote-ref-"], [id^="endnote-ref-"]'))) {
    const label = reference.textContent?.trim();
    if (label) labels.set(reference.getAttribute('id')!.replace('-ref-', '-'), label);
  }
  const noteLabel = (item: HtmlElementLike): string | undefined => {
    const id = item.getAttribute('id');
    return id ? labels.get(id) : undefined;
  };
  const paragraphs = document.body ? htmlParagraphs(document.body, { noteLabel }) : [];
  return completeDraft({ title: '', text: joinParagraphs(paragraphs), format: 'docx' }, sourceName);
}
