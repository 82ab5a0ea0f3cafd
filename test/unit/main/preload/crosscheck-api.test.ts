import { describe, expect, it, vi } from 'vitest';
import { createCrosscheckApi, isMenuCommand, type BridgeIpc } from '../../../../main/preload/crosscheck-api';
import {
  BUNDLE_OPEN_REQUEST_CHANNEL,
  FINAL_BACKUP_REQUEST_CHANNEL,
  IPC_METHODS,
  MENU_COMMAND_CHANNEL,
  MENU_COMMANDS,
  type MenuCommand,
} from '../../../../shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn((channel: string, ...args: unknown[]) => answer(channel, args)),
    on: vi.fn((channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies BridgeIpc;
  const emit = (channel: string, event: unknown, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
  };
  return { ipc, emit, listeners };
}

describe('window.api', () => {
  it('has exactly one method per contract method plus the event subscriptions, and nothing of ipcRenderer', () => {
    const api = createCrosscheckApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(IPC_METHODS), 'onMenuCommand', 'onFinalBackupRequest', 'onBundleOpenRequest'].sort());
    for (const name of ['invoke', 'on', 'send', 'sendSync', 'removeListener', 'ipcRenderer']) {
      expect(api).not.toHaveProperty(name);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each method invokes its own channel with the given arguments and returns the result', async () => {
    const { ipc } = fakeIpc(async (channel) => ({ ok: true, value: channel }));
    const api = createCrosscheckApi(ipc);
    await expect(api.appInfo()).resolves.toEqual({ ok: true, value: 'app:info' });
    await api.chooseSourceFiles();
    await api.chooseBundleFiles();
    await api.saveFile({ suggestedName: 'report.md', data: '# x' });
    await api.openExternal('https://example.org');
    await api.writeBackup('manual', new Uint8Array([0x50, 0x4b]));
    await api.listBackups();
    await api.readBackup('crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck');
    await api.finalBackupDone();
    await api.takeOpenedBundles();
    expect(ipc.invoke.mock.calls).toEqual([
      ['app:info'],
      ['source:choose'],
      ['bundle:choose'],
      ['file:save', { suggestedName: 'report.md', data: '# x' }],
      ['shell:open-external', 'https://example.org'],
      ['backup:write', 'manual', new Uint8Array([0x50, 0x4b])],
      ['backup:list'],
      ['backup:read', 'crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck'],
      ['backup:final-done'],
      ['bundle:take-opened'],
    ]);
  });

  it('turns a rejected invoke into an error result', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error("No handler registered for 'app:info'");
    });
    await expect(createCrosscheckApi(ipc).appInfo()).resolves.toEqual({
      ok: false,
      error: "Crosscheck's main process did not answer app:info: No handler registered for 'app:info'",
    });
  });
});

describe('onMenuCommand', () => {
  it('passes only the command string to the listener, never the event', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn<(command: MenuCommand) => void>();
    createCrosscheckApi(ipc).onMenuCommand(listener);
    const event = { sender: { invoke: () => 'ipcRenderer itself' } };
    emit(MENU_COMMAND_CHANNEL, event, 'open-samples');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['open-samples']);
  });

  it('ignores anything that is not a known command', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    createCrosscheckApi(ipc).onMenuCommand(listener);
    emit(MENU_COMMAND_CHANNEL, {}, 'format-disk');
    emit(MENU_COMMAND_CHANNEL, {}, { command: 'import' });
    emit(MENU_COMMAND_CHANNEL, {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('returns an unsubscribe that stops delivery', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createCrosscheckApi(ipc).onMenuCommand(listener);
    unsubscribe();
    emit(MENU_COMMAND_CHANNEL, {}, 'import');
    expect(listener).not.toHaveBeenCalled();
    expect(listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
  });

  it('isMenuCommand knows every contract command', () => {
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
    expect(isMenuCommand('toString')).toBe(false);
  });
});

describe('onFinalBackupRequest and onBundleOpenRequest', () => {
  it.each([
    ['onFinalBackupRequest', FINAL_BACKUP_REQUEST_CHANNEL],
    ['onBundleOpenRequest', BUNDLE_OPEN_REQUEST_CHANNEL],
  ] as const)('%s calls the listener with nothing of the event, until unsubscribed', (method, channel) => {
    const { ipc, emit, listeners } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createCrosscheckApi(ipc)[method](listener);
    emit(channel, { sender: 'ipcRenderer itself' }, 'anything main might add');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([]);
    unsubscribe();
    emit(channel, {});
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listeners.get(channel)?.size).toBe(0);
  });
});
