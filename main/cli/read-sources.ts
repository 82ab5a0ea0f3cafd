/**
 * Reads article files for the command line: bytes from disk, then the same importers the app uses, with
 * Node's HTML parser and pdf.js. A file that cannot be read or imported stops the run with a message naming it.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportEnvironment } from '../../shared/importers/import-environment';
import { checkSource, draftFromFile, formatOfFile, ImportError, type DocumentDraft } from '../../shared/importers/source-document';

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

let environment: ImportEnvironment | undefined;

/** Built on first need: runs on text and Markdown alone never load linkedom, DOMPurify or pdf.js. */
async function importEnvironment(): Promise<ImportEnvironment> {
  if (!environment) {
    const [{ createNodeHtmlDom }, { loadPdfInNode }] = await Promise.all([import('./html-dom'), import('./pdf-loader')]);
    environment = { html: createNodeHtmlDom(), loadPdf: loadPdfInNode };
  }
  return environment;
}

/** Reads and imports every file, in order. Throws SourceFileError for the first that fails. */
export async function readSourceFiles(paths: readonly string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const seen = new Map<string, number>();
  for (const path of paths) {
    const name = basename(path);
    let bytes: Uint8Array;
    try {
      const { size } = await stat(path);
      // Format and size before reading: a wrong or huge file is refused without loading it.
      checkSource(name, size);
      bytes = await readFile(path);
    } catch (error) {
      if (error instanceof ImportError) throw new SourceFileError(`cannot import ${path}: ${error.message}`);
      throw new SourceFileError(`cannot read ${path}: ${reason(error)}`);
    }
    let draft: DocumentDraft;
    try {
      const format = formatOfFile(name);
      draft = await draftFromFile({ name, bytes }, format === 'text' || format === 'markdown' ? undefined : await importEnvironment());
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
