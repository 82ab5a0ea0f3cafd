/**
 * The restore worker: checks a backup completely, then, once the person confirms, replaces the library with
 * it in one transaction (renderer/store/restore-commands.ts), on the same database as the window.
 */
import { BundleError } from '../../shared/bundles/bundle-error';
import type { BundleProgress, ParsedBundle } from '../../shared/bundles/bundle-format';
import { readBundle } from '../../shared/bundles/read-bundle';
import { CrosscheckDatabase } from '../store/database';
import { countLibrary, replaceLibrary } from '../store/restore-commands';
import type { FromRestoreWorker, RestoreFailure, ToRestoreWorker } from './restore-worker-protocol';

const post = (message: FromRestoreWorker): void => self.postMessage(message);

let db: CrosscheckDatabase | null = null;
const checked = new Map<number, ParsedBundle>();
let nextToken = 1;

function database(name: string): CrosscheckDatabase {
  if (!db || db.name !== name) {
    db?.close();
    db = new CrosscheckDatabase(name);
  }
  return db;
}

// A few updates a second are enough for a progress bar.
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

function failure(error: unknown): RestoreFailure {
  if (error instanceof BundleError) return { message: error.message, code: error.code };
  // A storage error or a bug: the replacement is one transaction and was rolled back.
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `Crosscheck could not restore the backup: ${detail}. Nothing was changed in the library.` };
}

async function handle(message: Exclude<ToRestoreWorker, { type: 'forget' }>): Promise<void> {
  const onProgress = progressFor(message.id);
  if (message.type === 'check') {
    const bundle = await readBundle(message.bytes, { onProgress });
    const current = await countLibrary(database(message.databaseName));
    const token = nextToken++;
    checked.set(token, bundle);
    post({ type: 'checked', id: message.id, result: { token, manifest: bundle.manifest, current } });
    return;
  }
  const bundle = checked.get(message.token);
  if (!bundle) throw new Error('the backup to restore is no longer open; choose it again');
  checked.delete(message.token);
  const report = await replaceLibrary(database(message.databaseName), bundle, onProgress);
  post({ type: 'restored', id: message.id, result: report });
}

self.onmessage = (event: MessageEvent<ToRestoreWorker>) => {
  const message = event.data;
  if (message.type === 'forget') {
    checked.delete(message.token);
    return;
  }
  handle(message).catch((error: unknown) => post({ type: 'failed', id: message.id, failure: failure(error) }));
};
