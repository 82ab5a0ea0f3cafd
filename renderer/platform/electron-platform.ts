/** The Platform inside Electron: every call goes through the preload's narrow window.api. */
import type { CrosscheckApi, IpcResult, OpenedBundles } from '../../shared/ipc/contract';
import type { Platform } from './platform';

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/**
 * Bundles opened with Crosscheck: main keeps them until they are taken, and signals when more arrive. They
 * are taken when a listener subscribes (a file double-clicked to start the app arrives before any) and on
 * each signal. Taken bundles that find no listener (React mounts, unmounts and mounts again in development)
 * wait here for the next one, so none is lost.
 */
function createOpenedBundleFeed(api: CrosscheckApi): Platform['onBundlesOpened'] {
  const listeners = new Set<(opened: OpenedBundles) => void>();
  let undelivered: OpenedBundles[] = [];
  let stopSignals: (() => void) | null = null;

  const deliver = (opened: OpenedBundles) => {
    if (opened.files.length === 0 && opened.problems.length === 0) return;
    if (listeners.size === 0) undelivered.push(opened);
    else for (const listener of listeners) listener(opened);
  };
  const take = () => {
    void api.takeOpenedBundles().then((result) => deliver(result.ok ? result.value : { files: [], problems: [result.error] }));
  };

  return (listener) => {
    listeners.add(listener);
    const waiting = undelivered;
    undelivered = [];
    for (const opened of waiting) listener(opened);
    stopSignals ??= api.onBundleOpenRequest(take);
    take();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        stopSignals?.();
        stopSignals = null;
      }
    };
  };
}

export function createElectronPlatform(api: CrosscheckApi): Platform {
  const closingTasks = new Set<() => Promise<void>>();
  // Listened to from the start, not from when the app registers its backup: a request that comes while the
  // window is still starting is answered at once (nothing has changed yet) instead of after main's time limit.
  api.onFinalBackupRequest(() => {
    void Promise.allSettled([...closingTasks].map((task) => task())).then(() => api.finalBackupDone());
  });

  return {
    capabilities: { backupFolder: true },
    chooseSourceFiles: async () => unwrap(await api.chooseSourceFiles()),
    chooseBundleFiles: async () => unwrap(await api.chooseBundleFiles()),
    saveFile: async (request) => unwrap(await api.saveFile(request)).saved,
    appInfo: async () => unwrap(await api.appInfo()),
    openExternal: async (url) => {
      // Not Electron's shell.openExternal: this asks main, which opens only safe http(s) links (toSafeExternalUrl
      // in main/ipc-handlers.ts, and again in openSafeExternalUrl next to the one shell.openExternal call).
      const opened = unwrap(await api.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK
      if (!opened) throw new Error(`Crosscheck opens only web links; “${url}” was not opened.`);
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    writeBackup: async (reason, bytes) => ({ place: 'backup-folder', entry: unwrap(await api.writeBackup(reason, bytes)) }),
    listBackups: async () => unwrap(await api.listBackups()),
    readBackup: async (name) => unwrap(await api.readBackup(name)).bytes,
    beforeClosing: (task) => {
      closingTasks.add(task);
      return () => {
        closingTasks.delete(task);
      };
    },
    onBundlesOpened: createOpenedBundleFeed(api),
  };
}
