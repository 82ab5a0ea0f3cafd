/**
 * Importing many files at once: one after another, with progress, each file's failure kept to itself.
 * Where the drafts go is the caller's: the app saves them to its store, a test to a list.
 */
import { ImportError, type DocumentDraft } from './document-draft';
import type { ImportEnvironment } from './import-environment';
import { checkSource, draftFromFile } from './source-document';

/** A file not read yet: its size is checked before its bytes are loaded. */
export interface PendingSource {
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
}

/** What saving a draft did: added it, or found the same text already there under another title. */
export type SaveResult<T> = { added: T } | { duplicateOf: string };

export interface ImportBatchSummary<T> {
  /** What was added, in the order the files came. */
  imported: T[];
  /** Files whose text is already in the library: the file, its title, and the title it is there under. */
  duplicates: Array<{ name: string; title: string; existingTitle: string }>;
  /** Files that could not be imported, with a message that names the file and says what to do. */
  failed: Array<{ name: string; reason: string }>;
}

/** Called before each file and once at the end (`done === total`, `currentName` empty). */
export type ImportProgress = (done: number, total: number, currentName: string) => void;

export interface ImportBatchOptions<T> {
  environment: ImportEnvironment;
  save(draft: DocumentDraft): Promise<SaveResult<T>>;
  onProgress?: ImportProgress;
}

/** A sentence for the user that names the file, as ImportError messages do. */
export function failureReason(name: string, error: unknown): string {
  if (error instanceof ImportError) return error.message;
  // An unexpected failure (a library bug, a file a parser chokes on) still says what went wrong.
  return `“${name}” could not be imported: ${error instanceof Error ? error.message : String(error)}`;
}

/** Imports every source in turn; returns what was imported, skipped as a duplicate, or failed, and why. */
export async function importSources<T>(sources: readonly PendingSource[], options: ImportBatchOptions<T>): Promise<ImportBatchSummary<T>> {
  const summary: ImportBatchSummary<T> = { imported: [], duplicates: [], failed: [] };
  for (const [index, source] of sources.entries()) {
    options.onProgress?.(index, sources.length, source.name);
    try {
      // Size and format first: a 2 GB video dropped by mistake is refused without being read.
      checkSource(source.name, source.size);
      const draft = await draftFromFile({ name: source.name, bytes: await source.read() }, options.environment);
      const result = await options.save(draft);
      if ('added' in result) summary.imported.push(result.added);
      else summary.duplicates.push({ name: source.name, title: draft.title, existingTitle: result.duplicateOf });
    } catch (error) {
      summary.failed.push({ name: source.name, reason: failureReason(source.name, error) });
    }
  }
  options.onProgress?.(sources.length, sources.length, '');
  return summary;
}
