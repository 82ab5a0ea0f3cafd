/**
 * The application menu as data. Items the renderer must act on (import, samples, bundles, backups, dark mode,
 * about) send a MenuCommand through an injected function; everything else uses Electron's built-in roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipc/contract';

export interface ApplicationMenuOptions {
  /** Delivers a command to the renderer of the focused window. */
  sendCommand(command: MenuCommand): void;
  /** Packaged builds hide reload and developer tools. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export function buildApplicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const { sendCommand, isPackaged, platform } = options;
  const isMac = platform === 'darwin';
  const command = (name: MenuCommand) => () => sendCommand(name);
  const about: MenuItemConstructorOptions = { id: 'about', label: 'About Crosscheck', click: command('about') };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Crosscheck',
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O', click: command('import') },
      { id: 'open-samples', label: 'Open sample corpus', click: command('open-samples') },
      { id: 'paste-document', label: 'New document from clipboard…', accelerator: 'CmdOrCtrl+Shift+V', click: command('paste-document') },
      { type: 'separator' },
      { id: 'import-bundle', label: 'Import bundle…', accelerator: 'CmdOrCtrl+Shift+O', click: command('import-bundle') },
      { id: 'export-bundle', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: command('export-bundle') },
      { type: 'separator' },
      { id: 'back-up-now', label: 'Back up now', click: command('back-up-now') },
      { id: 'restore-backup', label: 'Restore from backup…', click: command('restore-backup') },
      { type: 'separator' },
      // macOS quits from the app menu; its File menu closes the window instead.
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      { id: 'toggle-dark-mode', label: 'Toggle dark mode', accelerator: 'CmdOrCtrl+Shift+D', click: command('toggle-dark-mode') },
      { role: 'togglefullscreen' },
      ...developerItems,
    ],
  };

  // On macOS "About" lives in the app menu, which leaves Help empty, so it is left out there.
  const help: MenuItemConstructorOptions[] = isMac ? [] : [{ role: 'help', label: '&Help', submenu: [about] }];

  return [...appMenu, file, edit, view, ...help];
}

/** The part of a BrowserWindow that receives menu commands. */
export interface MenuCommandTarget {
  isDestroyed(): boolean;
  webContents: { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
}

/**
 * Sends commands on MENU_COMMAND_CHANNEL to whichever window `getTarget` names (the focused one), dropping
 * them when there is none rather than guessing.
 */
export function createMenuCommandSender(getTarget: () => MenuCommandTarget | null | undefined): (command: MenuCommand) => void {
  return (command) => {
    const target = getTarget();
    if (!target || target.isDestroyed() || target.webContents.isDestroyed()) return;
    target.webContents.send(MENU_COMMAND_CHANNEL, command);
  };
}
