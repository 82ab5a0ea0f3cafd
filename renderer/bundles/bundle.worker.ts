/**
 * The bundle worker: exports, reads and imports bundles on the same Dexie database as the window, so that
 * inflating, hashing and checking a large bundle never freezes the window. A read bundle stays here, under
 * a token, until the user confirms or cancels the import (or the restore of a backup, which replaces the
 * library with it); it never crosses back to the window whole.
 */
import { isStorageFull, storageFullMessage } from '../store/storage-errors';
import { BundleError } from '../../shared/bundles/bundle-error';
import type { BundleProgress, ParsedBundle } from '../../shared/bundles/bundle-format';
import { readBundle } from '../../shared/bundles/read-bundle';
import { importParsedBundle, previewBundleImport } from '../store/bundle-commands';
import { CrosscheckDatabase } from '../store/database';
import { countLibrary, replaceLibrary } from '../store/restore-commands';
import type { FromBundleWorker, ToBundleWorker, TransferFailure } from './bundle-worker-protocol';
import { ExportRefused, exportSelection } from './export-selection';
import { digestMergeReport } from './merge-digest';

const post = (message: FromBundleWorker, transfer: Transferable[] = []): void => self.postMessage(message, { transfer });

let db: CrosscheckDatabase | null = null;
const waiting = new Map<number, ParsedBundle>();
let nextToken = 1;

function database(name: string): CrosscheckDatabase {
  if (!db || db.name !== name) {
    db?.close();
    db = new CrosscheckDatabase(name);
  }
  return db;
}

// The readers report every slice; the window needs a few updates a second, not thousands of messages.
const PROGRESS_INTERVAL_MS = 80;

function progressFor(id: number): (progress: BundleProgress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (progress.done < progress.total && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    post({ type: 'progress', id, progress });
  };
}

function failure(error: unknown): TransferFailure {
  if (error instanceof BundleError) return { message: error.message, code: error.code };
  if (error instanceof ExportRefused) return { message: error.message };
  if (isStorageFull(error)) return { message: storageFullMessage('The bundle was not imported'), storageFull: true };
  // Anything else is unexpected (a storage error, a bug). The import transaction was rolled back, so say that.
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `Crosscheck could not finish: ${detail}. Nothing was changed in the library.` };
}

async function handle(message: Exclude<ToBundleWorker, { type: 'forget' }>): Promise<void> {
  const onProgress = progressFor(message.id);
  if (message.type === 'export') {
    const result = await exportSelection(database(message.databaseName), message.request, onProgress);
    const data = result.file.data;
    post({ type: 'exported', id: message.id, result }, typeof data === 'string' ? [] : [data.buffer]);
  } else if (message.type === 'read') {
    const bundle = await readBundle(message.bytes, { onProgress });
    const preview = await previewBundleImport(database(message.databaseName), bundle);
    const token = nextToken++;
    waiting.set(token, bundle);
    post({ type: 'previewed', id: message.id, result: { token, preview: digestMergeReport(preview) } });
  } else if (message.type === 'check-backup') {
    const bundle = await readBundle(message.bytes, { onProgress });
    const current = await countLibrary(database(message.databaseName));
    const token = nextToken++;
    waiting.set(token, bundle);
    post({ type: 'backup-checked', id: message.id, result: { token, manifest: bundle.manifest, current } });
  } else {
    const bundle = waiting.get(message.token);
    if (!bundle) throw new Error(`the ${message.type === 'restore' ? 'backup to restore' : 'bundle to import'} is no longer open; choose it again`);
    waiting.delete(message.token);
    if (message.type === 'restore') {
      post({ type: 'restored', id: message.id, result: await replaceLibrary(database(message.databaseName), bundle, onProgress) });
      return;
    }
    const report = await importParsedBundle(database(message.databaseName), bundle, onProgress);
    post({ type: 'imported', id: message.id, result: digestMergeReport(report) });
  }
}

self.onmessage = (event: MessageEvent<ToBundleWorker>) => {
  const message = event.data;
  if (message.type === 'forget') {
    waiting.delete(message.token);
    return;
  }
  handle(message).catch((error: unknown) => post({ type: 'failed', id: message.id, failure: failure(error) }));
};
