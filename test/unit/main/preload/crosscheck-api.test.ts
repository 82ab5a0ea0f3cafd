import { describe, expect, it, vi } from 'vitest';
import { createCrosscheckApi, isMenuCommand, type BridgeIpc } from '../../../../main/preload/crosscheck-api';
import { IPC_METHODS, MENU_COMMAND_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../../../../shared/ipc/contract';

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
  it('has exactly one method per contract method plus onMenuCommand, and nothing of ipcRenderer', () => {
    const api = createCrosscheckApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(IPC_METHODS), 'onMenuCommand'].sort());
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
    expect(ipc.invoke.mock.calls).toEqual([
      ['app:info'],
      ['source:choose'],
      ['bundle:choose'],
      ['file:save', { suggestedName: 'report.md', data: '# x' }],
      ['shell:open-external', 'https://example.org'],
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
