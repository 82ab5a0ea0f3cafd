/**
 * Messages between the window and the restore worker. Checking a backup is the same work as reading a
 * bundle (seconds for a large library), and replacing the library writes every record: both run off the
 * window's thread. A checked backup stays in the worker, under a token, until the person confirms.
 */
import type { BundleErrorCode } from '../../shared/bundles/bundle-error';
import type { BundleManifest, BundleProgress } from '../../shared/bundles/bundle-format';
import type { RecordCounts, RestoreReport } from '../store/restore-commands';

/** A backup read and checked completely, waiting for the go-ahead. */
export interface CheckedBackup {
  token: number;
  manifest: BundleManifest;
  /** What the library holds now, to show beside the backup's counts. */
  current: RecordCounts;
}

export interface RestoreFailure {
  message: string;
  code?: BundleErrorCode;
}

export type ToRestoreWorker =
  | { type: 'check'; id: number; databaseName: string; bytes: Uint8Array }
  | { type: 'restore'; id: number; databaseName: string; token: number }
  | { type: 'forget'; token: number };

export type FromRestoreWorker =
  | { type: 'progress'; id: number; progress: BundleProgress }
  | { type: 'checked'; id: number; result: CheckedBackup }
  | { type: 'restored'; id: number; result: RestoreReport }
  | { type: 'failed'; id: number; failure: RestoreFailure };
