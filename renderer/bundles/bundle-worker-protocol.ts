/**
 * Messages between the window and the bundle worker. Packing, unpacking and checking a bundle is seconds of
 * CPU for a large library, so it runs off the window's thread; the worker opens the same Dexie database.
 * Restoring a backup is the same work (check a bundle, then write every record), so it runs here too.
 */
import type { BundleErrorCode } from '../../shared/bundles/bundle-error';
import type { BundleManifest, BundleProgress } from '../../shared/bundles/bundle-format';
import type { BundleSelection } from '../../shared/bundles/bundle-selection';
import type { ExportContradiction } from '../../shared/exports/export-input';
import type { SaveFileRequest } from '../../shared/ipc/contract';
import type { RecordCounts, RestoreReport } from '../store/restore-commands';
import type { MergeDigest } from './merge-digest';

export const EXPORT_FORMATS = ['bundle', 'web-annotations', 'csv', 'claim-review', 'report-markdown', 'report-html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  selection: BundleSelection;
  /** The bundle manifest's author. */
  createdBy: string;
  appVersion: string;
  /** Names the file after what it holds: the library, chosen documents, or review evidence. */
  scope: 'library' | 'documents' | 'evidence';
  /** For the formats that show contradictions (report, W3C): the engine's, already cut to the selection. */
  contradictions: readonly ExportContradiction[];
  /** ClaimReview needs to know who publishes the fact checks, and where. */
  claimReview?: { publisherName: string; pageUrl: string };
  /** The local date for file names (YYYY-MM-DD): the worker's clock may not know the user's time zone. */
  localDate: string;
}

/** What to save: the Platform's request plus a sentence for the notice afterwards. */
export interface ExportResult {
  file: SaveFileRequest & { suggestedName: string };
  summary: string;
}

/** A read and checked bundle waiting for the user's go-ahead; `token` names it in the worker. */
export interface ImportPreview {
  token: number;
  preview: MergeDigest;
}

/** A failure as it crosses the worker boundary (an Error's class and fields do not survive cloning). */
export interface TransferFailure {
  message: string;
  code?: BundleErrorCode;
  /** The disk or the browser's storage for Crosscheck was full; nothing was written. */
  storageFull?: boolean;
}

/** A backup read and checked completely, waiting for the go-ahead to replace the library with it. */
export interface CheckedBackup {
  token: number;
  manifest: BundleManifest;
  /** What the library holds now, to show beside the backup's counts. */
  current: RecordCounts;
}

export type ToBundleWorker =
  | { type: 'export'; id: number; databaseName: string; request: ExportRequest }
  | { type: 'read'; id: number; databaseName: string; bytes: Uint8Array }
  | { type: 'import'; id: number; databaseName: string; token: number }
  | { type: 'check-backup'; id: number; databaseName: string; bytes: Uint8Array }
  | { type: 'restore'; id: number; databaseName: string; token: number }
  | { type: 'forget'; token: number };

export type FromBundleWorker =
  | { type: 'progress'; id: number; progress: BundleProgress }
  | { type: 'exported'; id: number; result: ExportResult }
  | { type: 'previewed'; id: number; result: ImportPreview }
  | { type: 'imported'; id: number; result: MergeDigest }
  | { type: 'backup-checked'; id: number; result: CheckedBackup }
  | { type: 'restored'; id: number; result: RestoreReport }
  | { type: 'failed'; id: number; failure: TransferFailure };
