/**
 * DesktopServices backed by Electron and the file system: the thin, untested-here edge of the IPC handlers.
 * Decisions (what to accept, size limits, URL checks) stay in ipc-handlers.ts; links reach the system browser
 * only through security.ts's openSafeExternalUrl, which checks the URL again next to shell.openExternal.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, shell, type BaseWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { backupFolderIn } from './backups';
import type { DesktopServices } from './ipc-handlers';
import type { OpenedBundleQueue } from './open-file';
import type { FinalBackupGate } from './quit-sequence';
import { openSafeExternalUrl } from './security';

/** What main's glue keeps for the life of the app and the handlers reach: see open-file.ts and quit-sequence.ts. */
export interface AppSessionState {
  openedBundles: OpenedBundleQueue;
  finalBackup: FinalBackupGate;
}

/** `getParentWindow` gives the window dialogs attach to, so they are modal to it rather than free-floating. */
export function createElectronDesktopServices(getParentWindow: () => BaseWindow | null, session: AppSessionState): DesktopServices {
  return {
    async chooseFiles(filters, title = 'Import sources') {
      const options: OpenDialogOptions = { title, properties: ['openFile', 'multiSelections'], filters };
      const parent = getParentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSaveLocation(suggestedName, filters) {
      const options: SaveDialogOptions = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters };
      const parent = getParentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async fileSize(filePath) {
      return (await stat(filePath)).size;
    },
    readFile: (filePath) => readFile(filePath),
    writeFile: (filePath, data) => writeFile(filePath, data),
    openInBrowser: (url) => openSafeExternalUrl(url, shell),
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
    // userData is per user and per app, and survives updates; CROSSCHECK_USER_DATA_DIR moves it for test runs.
    backupFolder: () => backupFolderIn(app.getPath('userData')),
    finalBackupFinished: () => session.finalBackup.backupFinished(),
    takeOpenedBundlePaths: () => session.openedBundles.take(),
  };
}
