/**
 * Builds `window.api` from the IPC contract: one method per IPC_METHODS entry plus the subscriptions to main's
 * events (menu commands, final-backup requests, opened bundles). Kept apart from the contextBridge call so
 * tests can check its shape without Electron.
 */
import {
  BUNDLE_OPEN_REQUEST_CHANNEL,
  FINAL_BACKUP_REQUEST_CHANNEL,
  IPC_METHODS,
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  type CrosscheckApi,
  type IpcResult,
  type MenuCommand,
} from '../../shared/ipc/contract';

/** The part of ipcRenderer the bridge uses; never handed to the page itself. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * Main answers every call with an IpcResult; a rejected invoke (no handler, main busy shutting down) is turned
 * into one too, so the renderer has a single way to handle failure.
 */
function invokeChannel(ipc: BridgeIpc, channel: string, args: unknown[]): Promise<IpcResult<unknown>> {
  return ipc.invoke(channel, ...args).then(
    (result) => result as IpcResult<unknown>,
    (error: unknown) => ({
      ok: false as const,
      error: `Crosscheck's main process did not answer ${channel}: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
}

export function createCrosscheckApi(ipc: BridgeIpc): CrosscheckApi {
  const methods = Object.fromEntries(
    Object.entries(IPC_METHODS).map(([method, channel]) => [method, (...args: unknown[]) => invokeChannel(ipc, channel, args)]),
  );
  /** A subscription to an event main sends without arguments; the page never sees the event object. */
  const signal = (channel: string) => (listener: () => void) => {
    const forward = () => listener();
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  const api = {
    ...methods,
    onFinalBackupRequest: signal(FINAL_BACKUP_REQUEST_CHANNEL),
    onBundleOpenRequest: signal(BUNDLE_OPEN_REQUEST_CHANNEL),
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      // The page gets the command string only: the IpcRendererEvent carries `sender`, i.e. ipcRenderer itself.
      const forward = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_COMMAND_CHANNEL, forward);
      return () => {
        ipc.removeListener(MENU_COMMAND_CHANNEL, forward);
      };
    },
  };
  // The mapped entries are typed per method by CrosscheckApi; Object.fromEntries cannot carry that through.
  return Object.freeze(api) as unknown as CrosscheckApi;
}
