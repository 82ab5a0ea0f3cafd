import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupScheduler, BURST_MS, CHANGES_PER_BACKUP, touchesLibrary, type ScheduledReason } from '../../../../renderer/backups/backup-scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A scheduler whose backups are recorded; each one resolves or fails as `outcome` says at the time. */
function scheduler(outcome: () => 'ok' | 'fail' = () => 'ok') {
  const made: ScheduledReason[] = [];
  const failures: unknown[] = [];
  const instance = new BackupScheduler({
    backUp: async (reason) => {
      if (outcome() === 'fail') throw new Error('disk full');
      made.push(reason);
    },
    onFailure: (error) => failures.push(error),
  });
  return { instance, made, failures };
}

/** `count` separate edits, each after the previous burst has ended. */
async function separateEdits(instance: BackupScheduler, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    instance.noteChange();
    await vi.advanceTimersByTimeAsync(BURST_MS + 1);
  }
}

describe('BackupScheduler', () => {
  it('makes an automatic backup after 50 separate changes, not before', async () => {
    const { instance, made } = scheduler();
    await separateEdits(instance, CHANGES_PER_BACKUP - 1);
    expect(made).toEqual([]);
    await separateEdits(instance, 1);
    expect(made).toEqual(['auto']);
    expect(instance.pendingChanges).toBe(0);
    expect(CHANGES_PER_BACKUP).toBe(50);
  });

  it('counts a burst of writes (a large import) as one change', async () => {
    const { instance, made } = scheduler();
    for (let i = 0; i < 500; i++) {
      instance.noteChange();
      await vi.advanceTimersByTimeAsync(BURST_MS / 4);
    }
    await vi.advanceTimersByTimeAsync(BURST_MS + 1);
    expect(instance.pendingChanges).toBe(1);
    expect(made).toEqual([]);
  });

  it('waits for the end of a burst before backing up, so a backup never races an import', async () => {
    const { instance, made } = scheduler();
    await separateEdits(instance, CHANGES_PER_BACKUP - 1);
    instance.noteChange();
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(BURST_MS - 100);
      instance.noteChange();
    }
    expect(made).toEqual([]);
    await vi.advanceTimersByTimeAsync(BURST_MS + 1);
    expect(made).toEqual(['auto']);
  });

  it('starts counting again after a backup by hand or a restore', async () => {
    const { instance, made } = scheduler();
    await separateEdits(instance, 40);
    instance.reset();
    await separateEdits(instance, 40);
    expect(made).toEqual([]);
    await separateEdits(instance, 10);
    expect(made).toEqual(['auto']);
  });

  it('on closing, writes a last backup only when something changed since the last one', async () => {
    const { instance, made } = scheduler();
    await instance.finish();
    expect(made).toEqual([]);
    instance.noteChange();
    await instance.finish();
    expect(made).toEqual(['quit']);
    await instance.finish();
    expect(made).toEqual(['quit']);
  });

  it('reports a failed backup once, keeps the changes for the last backup, and retries after as many again', async () => {
    let fail = true;
    const { instance, made, failures } = scheduler(() => (fail ? 'fail' : 'ok'));
    await separateEdits(instance, CHANGES_PER_BACKUP);
    expect(failures).toHaveLength(1);
    await separateEdits(instance, CHANGES_PER_BACKUP - 1);
    expect(failures).toHaveLength(1);
    fail = false;
    await separateEdits(instance, 1);
    expect(made).toEqual(['auto']);
    expect(instance.pendingChanges).toBe(0);
  });

  it('a failed last backup is reported and does not stop the closing', async () => {
    const { instance, failures } = scheduler(() => 'fail');
    instance.noteChange();
    await expect(instance.finish()).resolves.toBeUndefined();
    expect(failures).toHaveLength(1);
  });

  it('changes made while a backup is written count towards the next one', async () => {
    let release: () => void = () => undefined;
    const made: ScheduledReason[] = [];
    const instance = new BackupScheduler({
      backUp: (reason) =>
        new Promise<void>((resolve) => {
          release = () => {
            made.push(reason);
            resolve();
          };
        }),
      onFailure: () => undefined,
    });
    await separateEdits(instance, CHANGES_PER_BACKUP);
    await separateEdits(instance, 3);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(made).toEqual(['auto']);
    expect(instance.pendingChanges).toBe(3);
    // Closing waits for nothing more and backs up those three.
    const closing = instance.finish();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await closing;
    expect(made).toEqual(['auto', 'quit']);
  });
});

describe('touchesLibrary', () => {
  it('counts writes to the tables a backup holds, in this database only', () => {
    expect(touchesLibrary({ 'idb://crosscheck/annotations/': {}, 'idb://crosscheck/annotations/documentId': {} }, 'crosscheck')).toBe(true);
    expect(touchesLibrary({ 'idb://crosscheck/decisionHistory/:dels': {} }, 'crosscheck')).toBe(true);
    expect(touchesLibrary({ 'idb://crosscheck/settings/': {} }, 'crosscheck')).toBe(false);
    expect(touchesLibrary({ 'idb://crosscheck/rejectedSuggestions/': {} }, 'crosscheck')).toBe(false);
    expect(touchesLibrary({ 'idb://crosscheck-bench/documents/': {} }, 'crosscheck')).toBe(false);
    // Dexie's "a page came back from the back/forward cache" signal is not a change.
    expect(touchesLibrary({ all: {} }, 'crosscheck')).toBe(false);
  });
});
