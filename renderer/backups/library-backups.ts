/**
 * Making a backup of the whole library, and the order of a restore. The bundle itself comes from the bundle
 * worker (the same writer as Export…); the Platform keeps it (the backups folder, or a download).
 */
import type { BackupReason } from '../../shared/ipc/contract';
import { RECORD_TYPES, RECORD_WORDS } from '../../shared/bundles/bundle-format';
import type { KeptBackup, Platform } from '../platform/platform';
import type { RecordCounts } from '../store/restore-commands';

export interface MadeBackup {
  kept: KeptBackup;
  /** What the library held when it was backed up. */
  counts: RecordCounts;
}

export interface LibraryBackupsDeps {
  /** The library as bundle bytes, and its counts. */
  exportLibrary(): Promise<{ bytes: Uint8Array; counts: RecordCounts }>;
  platform: Pick<Platform, 'writeBackup'>;
}

/** "3 documents, 8 annotations and 1 decision"; "no records" for an empty library. */
export function describeCounts(counts: RecordCounts): string {
  const order = ['documents', 'annotations', ...RECORD_TYPES.filter((type) => type !== 'documents' && type !== 'annotations')] as const;
  const parts = order.filter((type) => counts[type] > 0).map((type) => `${counts[type].toLocaleString('en-US')} ${counts[type] === 1 ? RECORD_WORDS[type].one : RECORD_WORDS[type].many}`);
  if (parts.length === 0) return 'no records';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/** Backups one at a time: an automatic one never runs beside one made by hand or before a restore. */
export class LibraryBackups {
  private previous: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: LibraryBackupsDeps) {}

  backUp(reason: BackupReason): Promise<MadeBackup> {
    const run = this.previous.then(async () => {
      const { bytes, counts } = await this.deps.exportLibrary();
      return { kept: await this.deps.platform.writeBackup(reason, bytes), counts };
    });
    this.previous = run.catch(() => undefined);
    return run;
  }
}

/**
 * A restore: first a backup of the library as it is now, then the replacement. When that first backup
 * fails, nothing is replaced: a restore must never lose the only copy of the newer work.
 */
export async function restoreAfterSafetyBackup<T>(steps: { backUpCurrent(): Promise<MadeBackup>; replace(): Promise<T> }): Promise<{ safety: MadeBackup; report: T }> {
  let safety: MadeBackup;
  try {
    safety = await steps.backUpCurrent();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The library as it is now could not be backed up first, so nothing was restored. ${reason}`);
  }
  return { safety, report: await steps.replace() };
}
