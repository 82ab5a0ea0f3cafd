import { describe, expect, it, vi } from 'vitest';
import type { CrosscheckApi, OpenedBundles } from '../../../../shared/ipc/contract';
import { createElectronPlatform } from '../../../../renderer/platform/electron-platform';

/** window.api as the preload gives it, over a main that holds `waiting` bundles and can send its signals. */
function fakeApi() {
  const waiting: OpenedBundles[] = [];
  const signals = { final: new Set<() => void>(), open: new Set<() => void>() };
  const subscribe = (set: Set<() => void>) => (listener: () => void) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  let takeResult: () => Promise<{ ok: true; value: OpenedBundles } | { ok: false; error: string }> = async () => ({
    ok: true,
    value: waiting.shift() ?? { files: [], problems: [] },
  });
  const api = {
    takeOpenedBundles: vi.fn(() => takeResult()),
    finalBackupDone: vi.fn(async () => ({ ok: true as const, value: null })),
    onFinalBackupRequest: subscribe(signals.final),
    onBundleOpenRequest: subscribe(signals.open),
    writeBackup: vi.fn(async (reason: string, bytes: Uint8Array) => ({
      ok: true as const,
      value: { name: `crosscheck-backup-2025-03-07T12-30-05-123Z-${reason}.crosscheck`, createdAt: '2025-03-07T12:30:05.123Z', reason, bytes: bytes.byteLength },
    })),
    readBackup: vi.fn(async (name: string) => ({ ok: false as const, error: `The backup “${name}” is no longer in the backups folder. Choose another backup.` })),
  };
  return {
    api: api as unknown as CrosscheckApi,
    calls: api,
    waiting,
    fail: (error: string) => (takeResult = async () => ({ ok: false, error })),
    emit: (kind: 'final' | 'open') => signals[kind].forEach((listener) => listener()),
    listening: (kind: 'final' | 'open') => signals[kind].size,
  };
}

const bundle = (name: string): OpenedBundles => ({ files: [{ name, bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }], problems: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Electron platform: bundles opened with Crosscheck', () => {
  it('delivers a bundle that was opened before anyone listened (a double-click that started the app)', async () => {
    const main = fakeApi();
    main.waiting.push(bundle('ferry-strike.crosscheck'));
    const platform = createElectronPlatform(main.api);
    const listener = vi.fn();
    platform.onBundlesOpened(listener);
    await settle();
    expect(listener).toHaveBeenCalledWith(bundle('ferry-strike.crosscheck'));
  });

  it('takes more bundles each time main signals, and stops listening when unsubscribed', async () => {
    const main = fakeApi();
    const platform = createElectronPlatform(main.api);
    const listener = vi.fn();
    const unsubscribe = platform.onBundlesOpened(listener);
    await settle();
    expect(listener).not.toHaveBeenCalled();
    main.waiting.push(bundle('second.crosscheck'));
    main.emit('open');
    await settle();
    expect(listener).toHaveBeenCalledWith(bundle('second.crosscheck'));
    unsubscribe();
    expect(main.listening('open')).toBe(0);
  });

  it('keeps bundles taken while nobody listens for the next listener (React mounting twice)', async () => {
    const main = fakeApi();
    main.waiting.push(bundle('ferry-strike.crosscheck'));
    const platform = createElectronPlatform(main.api);
    const first = vi.fn();
    platform.onBundlesOpened(first)();
    await settle();
    expect(first).not.toHaveBeenCalled();
    const second = vi.fn();
    platform.onBundlesOpened(second);
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith(bundle('ferry-strike.crosscheck'));
  });

  it('passes main’s refusal on as a problem to show', async () => {
    const main = fakeApi();
    main.fail('Could not open "locked.crosscheck": EACCES: permission denied');
    const listener = vi.fn();
    createElectronPlatform(main.api).onBundlesOpened(listener);
    await settle();
    expect(listener).toHaveBeenCalledWith({ files: [], problems: ['Could not open "locked.crosscheck": EACCES: permission denied'] });
  });
});

describe('Electron platform: the last backup before closing', () => {
  it('runs the registered work, then tells main it may close', async () => {
    const main = fakeApi();
    const platform = createElectronPlatform(main.api);
    const order: string[] = [];
    platform.beforeClosing(async () => {
      await settle();
      order.push('backed up');
    });
    main.calls.finalBackupDone.mockImplementation(async () => {
      order.push('done');
      return { ok: true, value: null };
    });
    main.emit('final');
    await vi.waitFor(() => expect(order).toEqual(['backed up', 'done']));
  });

  it('answers at once when nothing is registered yet (the window is still starting), and after a failure', async () => {
    const main = fakeApi();
    const platform = createElectronPlatform(main.api);
    main.emit('final');
    await vi.waitFor(() => expect(main.calls.finalBackupDone).toHaveBeenCalledTimes(1));
    const stop = platform.beforeClosing(() => Promise.reject(new Error('disk full')));
    main.emit('final');
    await vi.waitFor(() => expect(main.calls.finalBackupDone).toHaveBeenCalledTimes(2));
    stop();
  });
});

describe('Electron platform: backups', () => {
  it('has a backups folder, writes into it, and turns main’s refusal into an error with its message', async () => {
    const main = fakeApi();
    const platform = createElectronPlatform(main.api);
    expect(platform.capabilities.backupFolder).toBe(true);
    await expect(platform.writeBackup('manual', new Uint8Array([0x50, 0x4b, 3, 4]))).resolves.toMatchObject({ place: 'backup-folder', entry: { reason: 'manual', bytes: 4 } });
    await expect(platform.readBackup('crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck')).rejects.toThrow('is no longer in the backups folder');
  });
});
