/** The window's side of the bundle worker: one promise per request, progress through a callback. */
import { StorageFullError } from '../store/storage-errors';
import { BundleError } from '../../shared/bundles/bundle-error';
import type { BundleProgress } from '../../shared/bundles/bundle-format';
import type { RestoreReport } from '../store/restore-commands';
import type { CheckedBackup, ExportRequest, ExportResult, FromBundleWorker, ImportPreview, ToBundleWorker, TransferFailure } from './bundle-worker-protocol';
import type { MergeDigest } from './merge-digest';

type ProgressListener = (progress: BundleProgress) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress: ProgressListener;
}

function asError(failure: TransferFailure): Error {
  if (failure.storageFull) return new StorageFullError('The bundle was not imported');
  return failure.code ? new BundleError(failure.code, failure.message) : new Error(failure.message);
}

/** The worker starts on first use, so a session that never exchanges bundles never loads the code. */
export class BundleWorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly databaseName: string) {}

  exportFile(request: ExportRequest, onProgress: ProgressListener): Promise<ExportResult> {
    return this.request((id) => ({ type: 'export', id, databaseName: this.databaseName, request }), onProgress);
  }

  /**
   * Reads and checks a bundle and previews its merge. The bytes move to the worker (the caller's copy is
   * emptied), which matters for a bundle of hundreds of megabytes.
   */
  read(bytes: Uint8Array, onProgress: ProgressListener): Promise<ImportPreview> {
    return this.request((id) => ({ type: 'read', id, databaseName: this.databaseName, bytes }), onProgress, [bytes.buffer]);
  }

  /** Imports a bundle read earlier, in one transaction. */
  importRead(token: number, onProgress: ProgressListener): Promise<MergeDigest> {
    return this.request((id) => ({ type: 'import', id, databaseName: this.databaseName, token }), onProgress);
  }

  /** Drops a read bundle the user decided not to import. */
  /** Reads and checks a backup (its bytes move to the worker); nothing is written. */
  checkBackup(bytes: Uint8Array, onProgress: ProgressListener): Promise<CheckedBackup> {
    return this.request((id) => ({ type: 'check-backup', id, databaseName: this.databaseName, bytes }), onProgress, [bytes.buffer]);
  }

  /** Replaces the library with a backup checked earlier, in one transaction. */
  restore(token: number, onProgress: ProgressListener): Promise<RestoreReport> {
    return this.request((id) => ({ type: 'restore', id, databaseName: this.databaseName, token }), onProgress);
  }

  forget(token: number): void {
    this.worker?.postMessage({ type: 'forget', token } satisfies ToBundleWorker);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('The window was closed before the bundle was finished. Nothing was changed in the library.');
  }

  private request<T>(message: (id: number) => ToBundleWorker, onProgress: ProgressListener, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.start().postMessage(message(id), transfer);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'crosscheck-bundles' });
    worker.onmessage = (event: MessageEvent<FromBundleWorker>) => {
      const message = event.data;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.type === 'progress') {
        pending.onProgress(message.progress);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'failed') pending.reject(asError(message.failure));
      else pending.resolve(message.result);
    };
    worker.onerror = (event) => {
      // A worker that failed to load or crashed answers nothing more; start a fresh one next time.
      event.preventDefault();
      worker.terminate();
      this.worker = null;
      this.failAll(`The bundle worker stopped (${event.message || 'it could not start'}). Nothing was changed in the library.`);
    };
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(message));
    this.pending.clear();
  }
}
