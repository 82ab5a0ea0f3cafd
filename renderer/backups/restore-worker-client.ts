/** The window's side of the restore worker: one promise per request, progress through a callback. */
import { BundleError } from '../../shared/bundles/bundle-error';
import type { BundleProgress } from '../../shared/bundles/bundle-format';
import type { RestoreReport } from '../store/restore-commands';
import type { CheckedBackup, FromRestoreWorker, ToRestoreWorker } from './restore-worker-protocol';

type ProgressListener = (progress: BundleProgress) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress: ProgressListener;
}

/** Started on first use: most sessions never restore anything. */
export class RestoreWorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly databaseName: string) {}

  /** Reads and checks a backup (its bytes move to the worker); nothing is written. */
  check(bytes: Uint8Array, onProgress: ProgressListener): Promise<CheckedBackup> {
    return this.request((id) => ({ type: 'check', id, databaseName: this.databaseName, bytes }), onProgress, [bytes.buffer]);
  }

  /** Replaces the library with a backup checked earlier, in one transaction. */
  restore(token: number, onProgress: ProgressListener): Promise<RestoreReport> {
    return this.request((id) => ({ type: 'restore', id, databaseName: this.databaseName, token }), onProgress);
  }

  forget(token: number): void {
    this.worker?.postMessage({ type: 'forget', token } satisfies ToRestoreWorker);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('The window was closed before the restore was finished. Nothing was changed in the library.');
  }

  private request<T>(message: (id: number) => ToRestoreWorker, onProgress: ProgressListener, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.start().postMessage(message(id), transfer);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'crosscheck-restore' });
    worker.onmessage = (event: MessageEvent<FromRestoreWorker>) => {
      const message = event.data;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.type === 'progress') {
        pending.onProgress(message.progress);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'failed') pending.reject(message.failure.code ? new BundleError(message.failure.code, message.failure.message) : new Error(message.failure.message));
      else pending.resolve(message.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      this.worker = null;
      this.failAll(`The restore worker stopped (${event.message || 'it could not start'}). Nothing was changed in the library.`);
    };
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(message));
    this.pending.clear();
  }
}
