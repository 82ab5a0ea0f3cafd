/**
 * Reads article files for the command line: bytes from disk, then the same importers the app uses.
 * A file that cannot be read or imported stops the run with a message naming it.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { draftFromFile, ImportError, type DocumentDraft } from '../../shared/importers/source-document';

export interface SourceFile {
  /** Stable within a run and across runs: derived from the text's sha-256. */
  id: string;
  path: string;
  draft: DocumentDraft;
}

/** A problem with one input file, with a one-line message for stderr. */
export class SourceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceFileError';
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Reads and imports every file, in order. Throws SourceFileError for the first that fails. */
export async function readSourceFiles(paths: readonly string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const seen = new Map<string, number>();
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new SourceFileError(`cannot read ${path}: ${reason(error)}`);
    }
    let draft: DocumentDraft;
    try {
      draft = await draftFromFile({ name: basename(path), bytes });
    } catch (error) {
      if (error instanceof ImportError) throw new SourceFileError(`cannot import ${path}: ${error.message}`);
      throw error;
    }
    const base = `doc-${draft.sha256.slice(0, 12)}`;
    // The same text given twice is one document for the engine, but each path is listed.
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    files.push({ id: count === 0 ? base : `${base}-${count + 1}`, path, draft });
  }
  return files;
}
