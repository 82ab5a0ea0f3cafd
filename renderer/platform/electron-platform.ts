/** The Platform inside Electron: every call goes through the preload's narrow window.api. */
import type { CrosscheckApi, IpcResult } from '../../shared/ipc/contract';
import type { Platform } from './platform';

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function createElectronPlatform(api: CrosscheckApi): Platform {
  return {
    chooseSourceFiles: async () => unwrap(await api.chooseSourceFiles()),
    chooseBundleFiles: async () => unwrap(await api.chooseBundleFiles()),
    saveFile: async (request) => unwrap(await api.saveFile(request)).saved,
    appInfo: async () => unwrap(await api.appInfo()),
    openExternal: async (url) => {
      if (!unwrap(await api.openExternal(url))) throw new Error(`Crosscheck opens only web links; “${url}” was not opened.`);
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
