/**
 * DesktopServices backed by Electron and the file system: the thin, untested-here edge of the IPC handlers.
 * Decisions (what to accept, size limits, URL checks) stay in ipc-handlers.ts.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, shell, type BaseWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DesktopServices } from './ipc-handlers';

/** `getParentWindow` gives the window dialogs attach to, so they are modal to it rather than free-floating. */
export function createElectronDesktopServices(getParentWindow: () => BaseWindow | null): DesktopServices {
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
    openExternal: (url) => shell.openExternal(url),
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
  };
}
