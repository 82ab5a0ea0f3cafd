/** Export and import of bundles and open formats, with progress and the import report. */
import type { ReactNode } from 'react';
import type { SourceFileInput } from '../../shared/importers/source-document';
import type { Platform } from '../platform/platform';
import type { CrosscheckDatabase } from '../store/database';
import type { EvidenceSelection } from '../app/navigation';

export interface BundleTransfer {
  /** Opens the export choices (whole library, chosen documents, open formats). */
  openExport(): void;
  exportEvidence(selection: EvidenceSelection): void;
  /** Lets the user choose .crosscheck files and imports them. */
  chooseAndImport(): void;
  /** Imports bundle files that were dropped or opened. */
  importFiles(files: readonly SourceFileInput[]): void;
  /** Dialogs and progress to render at the top level. */
  element: ReactNode;
}

export function useBundleTransfer(_db: CrosscheckDatabase, _platform: Platform, _notify: (tone: 'error' | 'info', text: string) => void): BundleTransfer {
  return { openExport: () => undefined, exportEvidence: () => undefined, chooseAndImport: () => undefined, importFiles: () => undefined, element: null };
}
