/** Imports chosen, dropped or pasted sources one by one, collecting a message for each that failed. */
import { ImportError, draftFromFile, draftFromPlainText, type SourceFileInput } from '../../shared/importers/source-document';
import type { SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import { DuplicateDocumentError, importDocument } from '../store/document-commands';

export interface ImportOutcome {
  imported: SourceDocument[];
  /** One readable line per source that was not imported. */
  problems: string[];
}

function describeFailure(name: string, error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof DuplicateDocumentError) return `“${name}”: ${error.message}`;
  return `“${name}” could not be imported: ${error instanceof Error ? error.message : String(error)}`;
}

export async function importSourceFiles(db: CrosscheckDatabase, files: readonly SourceFileInput[]): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], problems: [] };
  for (const file of files) {
    try {
      outcome.imported.push(await importDocument(db, await draftFromFile(file)));
    } catch (error) {
      outcome.problems.push(describeFailure(file.name, error));
    }
  }
  return outcome;
}

export async function importPastedText(db: CrosscheckDatabase, text: string, title: string): Promise<ImportOutcome> {
  try {
    return { imported: [await importDocument(db, await draftFromPlainText(text, title || 'Pasted text', title))], problems: [] };
  } catch (error) {
    return { imported: [], problems: [describeFailure(title || 'Pasted text', error)] };
  }
}
