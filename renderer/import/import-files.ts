/**
 * Imports for the app: chosen or dropped files in a batch with progress, and pasted clipboard content.
 * Each file goes through the shared importers and `importDocument`; one failing never stops the others.
 */
import { failureReason, importSources, type ImportBatchSummary, type ImportProgress, type PendingSource } from '../../shared/importers/import-batch';
import { ImportError } from '../../shared/importers/document-draft';
import { draftFromClipboard, type ClipboardContent, type DocumentDraft, type SourceFileInput } from '../../shared/importers/source-document';
import type { SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import { DuplicateDocumentError, importDocument } from '../store/document-commands';
import { isStorageFull, storageFullMessage } from '../store/storage-errors';
import { browserImportEnvironment } from './browser-import-environment';

export type { ImportProgress } from '../../shared/importers/import-batch';

export interface ImportSummary extends ImportBatchSummary<SourceDocument> {
  /**
   * One readable line per source that was not imported (duplicates and failures), in order; the files
   * refused because storage is full share one line.
   */
  problems: string[];
}

/**
 * A File (from a file input or a drop) is read only after its size has been checked; bytes already read
 * (the Electron file dialog's) are used as they are.
 */
export function pendingSource(file: File | SourceFileInput): PendingSource {
  // Not `'bytes' in file`: a File has a bytes() method of its own.
  if (file instanceof Blob) return { name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) };
  return { name: file.name, size: file.bytes.byteLength, read: async () => file.bytes };
}

async function saveDraft(db: CrosscheckDatabase, draft: DocumentDraft): Promise<{ added: SourceDocument } | { duplicateOf: string }> {
  try {
    return { added: await importDocument(db, draft) };
  } catch (error) {
    if (error instanceof DuplicateDocumentError) return { duplicateOf: error.existing.title };
    throw error;
  }
}

/** A file not saved because storage filled up during the batch; the files after it are not even read. */
class StorageFullDuringBatch extends ImportError {
  constructor(fileName: string) {
    super(storageFullMessage(`“${fileName}” was not imported`));
    this.name = 'StorageFullDuringBatch';
  }
}

function withProblems(summary: ImportBatchSummary<SourceDocument>): ImportSummary {
  const problems = [
    ...summary.duplicates.map(({ name, existingTitle }) => `“${name}” is already in the library as “${existingTitle}”; it was not imported again.`),
    ...summary.failed.map(({ reason }) => reason),
  ];
  return { ...summary, problems };
}

/** The summary's problems with the files refused for lack of space in one line instead of one line each. */
function withStorageProblems(summary: ImportBatchSummary<SourceDocument>): ImportSummary {
  const refused = summary.failed.filter(({ name, reason }) => reason === new StorageFullDuringBatch(name).message).map(({ name }) => name);
  if (refused.length <= 1) return withProblems(summary);
  const others = withProblems({ ...summary, failed: summary.failed.filter(({ name, reason }) => reason !== new StorageFullDuringBatch(name).message) });
  const names = refused.length <= 3 ? refused.map((name) => `“${name}”`).join(', ') : `“${refused[0]!}” and ${refused.length - 1} more`;
  return { ...summary, problems: [...others.problems, storageFullMessage(`${refused.length} files (${names}) were not imported`)] };
}

/**
 * Imports files one after another: .txt .text .md .markdown .html .htm .docx .pdf, each up to 50 MB.
 * `onProgress(done, total, currentName)` is called before each file and once at the end.
 */
export async function importFiles(db: CrosscheckDatabase, files: ReadonlyArray<File | SourceFileInput>, onProgress?: ImportProgress): Promise<ImportSummary> {
  // Once storage is full every later file would fail the same way, so they are refused unread. The
  // documents saved before stay, each one whole (one transaction per document).
  let full = false;
  let current = '';
  const sources = files.map((file): PendingSource => {
    const source = pendingSource(file);
    return { ...source, read: () => (full ? Promise.reject(new StorageFullDuringBatch(source.name)) : source.read()) };
  });
  const summary = await importSources(sources, {
    environment: browserImportEnvironment(),
    save: async (draft) => {
      try {
        return await saveDraft(db, draft);
      } catch (error) {
        if (!isStorageFull(error)) throw error;
        full = true;
        throw new StorageFullDuringBatch(current);
      }
    },
    onProgress: (done, total, name) => {
      current = name;
      onProgress?.(done, total, name);
    },
  });
  return withStorageProblems(summary);
}

/**
 * Imports what a paste event carries: `{ html: clipboardData.getData('text/html'), text: clipboardData.getData('text/plain') }`.
 * HTML keeps the article's paragraphs and headings; plain text is the fallback. `title` is the user's, if any.
 */
export async function importClipboard(db: CrosscheckDatabase, content: ClipboardContent, title?: string): Promise<ImportSummary> {
  const name = title?.trim() || 'Pasted text';
  const summary: ImportBatchSummary<SourceDocument> = { imported: [], duplicates: [], failed: [] };
  try {
    const draft = await draftFromClipboard(content, browserImportEnvironment().html, title);
    const result = await saveDraft(db, draft);
    if ('added' in result) summary.imported.push(result.added);
    else summary.duplicates.push({ name, title: draft.title, existingTitle: result.duplicateOf });
  } catch (error) {
    summary.failed.push({ name, reason: isStorageFull(error) ? storageFullMessage(`“${name}” was not imported`) : failureReason(name, error) });
  }
  return withProblems(summary);
}

/** One line for a notice after a batch: "Imported 3 documents; 1 was already in the library; 2 failed." */
export function describeImportSummary(summary: ImportBatchSummary<SourceDocument>): string {
  const parts: string[] = [];
  const count = summary.imported.length;
  parts.push(count === 1 ? `Imported “${summary.imported[0]!.title}”` : `Imported ${count} documents`);
  if (summary.duplicates.length > 0) parts.push(`${summary.duplicates.length} ${summary.duplicates.length === 1 ? 'was' : 'were'} already in the library`);
  if (summary.failed.length > 0) parts.push(`${summary.failed.length} could not be imported`);
  return `${parts.join('; ')}.`;
}
