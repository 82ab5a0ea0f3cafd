import { describe, expect, it, vi } from 'vitest';
import type { BackupReason } from '../../../../shared/ipc/contract';
import { describeCounts, LibraryBackups, restoreAfterSafetyBackup, type MadeBackup } from '../../../../renderer/backups/library-backups';
import type { KeptBackup } from '../../../../renderer/platform/platform';
import type { RecordCounts } from '../../../../renderer/store/restore-commands';

const NONE: RecordCounts = { documents: 0, entities: 0, annotations: 0, links: 0, decisions: 0, decisionHistory: 0 };
const kept = (name: string): KeptBackup => ({ place: 'saved-file', name });

describe('describeCounts', () => {
  it('names documents and annotations first, then the rest, leaving out what is not there', () => {
    expect(describeCounts({ ...NONE, documents: 3, annotations: 8, entities: 2, decisions: 1 })).toBe('3 documents, 8 annotations, 2 entities and 1 decision');
    expect(describeCounts({ ...NONE, documents: 1 })).toBe('1 document');
    expect(describeCounts({ ...NONE, annotations: 12_000, documents: 2 })).toBe('2 documents and 12,000 annotations');
    expect(describeCounts(NONE)).toBe('no records');
  });
});

describe('LibraryBackups', () => {
  it('makes one backup at a time, in the order asked', async () => {
    const events: string[] = [];
    let exports = 0;
    const backups = new LibraryBackups({
      exportLibrary: async () => {
        const n = ++exports;
        events.push(`export ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { bytes: new Uint8Array([n]), counts: { ...NONE, documents: n } };
      },
      platform: {
        writeBackup: async (reason: BackupReason, bytes: Uint8Array) => {
          events.push(`write ${reason} ${bytes[0]}`);
          return kept(reason);
        },
      },
    });
    const [auto, manual] = await Promise.all([backups.backUp('auto'), backups.backUp('manual')]);
    expect(events).toEqual(['export 1', 'write auto 1', 'export 2', 'write manual 2']);
    expect(auto.kept).toEqual(kept('auto'));
    expect(manual.counts.documents).toBe(2);
  });

  it('a failed backup does not block the next one', async () => {
    let fail = true;
    const backups = new LibraryBackups({
      exportLibrary: async () => ({ bytes: new Uint8Array([1]), counts: NONE }),
      platform: {
        writeBackup: async () => {
          if (fail) throw new Error('disk full');
          return kept('ok');
        },
      },
    });
    await expect(backups.backUp('auto')).rejects.toThrow('disk full');
    fail = false;
    await expect(backups.backUp('manual')).resolves.toMatchObject({ kept: kept('ok') });
  });
});

describe('restoreAfterSafetyBackup', () => {
  const safety: MadeBackup = { kept: kept('before'), counts: { ...NONE, documents: 4 } };

  it('backs up the library as it is, then replaces it', async () => {
    const order: string[] = [];
    const result = await restoreAfterSafetyBackup({
      backUpCurrent: async () => (order.push('back up'), safety),
      replace: async () => (order.push('replace'), 'report'),
    });
    expect(order).toEqual(['back up', 'replace']);
    expect(result).toEqual({ safety, report: 'report' });
  });

  it('replaces nothing when that backup fails, and says so', async () => {
    const replace = vi.fn(async () => 'report');
    await expect(
      restoreAfterSafetyBackup({
        backUpCurrent: () => Promise.reject(new Error('The backup could not be written: disk full.')),
        replace,
      }),
    ).rejects.toThrow('The library as it is now could not be backed up first, so nothing was restored. The backup could not be written: disk full.');
    expect(replace).not.toHaveBeenCalled();
  });
});
