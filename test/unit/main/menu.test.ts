import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildApplicationMenuTemplate, createMenuCommandSender } from '../../../main/menu';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../../shared/ipc/contract';

type Item = MenuItemConstructorOptions;

function submenuOf(template: Item[], label: string): Item[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function allItems(template: Item[]): Item[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function click(item: Item | undefined): void {
  if (!item?.click) throw new Error(`item ${item?.label ?? '?'} has no click`);
  // Electron passes (menuItem, window, event); the template's handlers use none of them.
  (item.click as () => void)();
}

function build(overrides: Partial<Parameters<typeof buildApplicationMenuTemplate>[0]> = {}) {
  const sendCommand = vi.fn<(command: MenuCommand) => void>();
  const template = buildApplicationMenuTemplate({ sendCommand, isPackaged: true, platform: 'linux', ...overrides });
  return { template, sendCommand };
}

describe('application menu on Windows and Linux', () => {
  it('has File, Edit, View and Help in that order', () => {
    const { template } = build();
    expect(template.map((item) => item.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('File holds Import, samples, paste, bundle import and export, backups, and Quit', () => {
    const { template } = build();
    const file = submenuOf(template, 'File');
    expect(file.filter((item) => item.label).map((item) => item.label)).toEqual([
      'Import…',
      'Open sample corpus',
      'New document from clipboard…',
      'Import bundle…',
      'Export…',
      'Back up now',
      'Restore from backup…',
      'Quit',
    ]);
    expect(file.find((item) => item.label === 'Import…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(file.find((item) => item.label === 'Export…')?.enabled).not.toBe(false);
    expect(file.find((item) => item.label === 'Import bundle…')?.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(file.some((item) => item.type === 'separator')).toBe(true);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('sends each renderer command when its item is clicked', () => {
    const { template, sendCommand } = build();
    const byLabel = (label: string) => allItems(template).find((item) => item.label === label);
    click(byLabel('Import…'));
    click(byLabel('Open sample corpus'));
    click(byLabel('New document from clipboard…'));
    click(byLabel('Back up now'));
    click(byLabel('Restore from backup…'));
    click(byLabel('Toggle dark mode'));
    click(byLabel('About Crosscheck'));
    expect(sendCommand.mock.calls.map(([command]) => command)).toEqual([
      'import',
      'open-samples',
      'paste-document',
      'back-up-now',
      'restore-backup',
      'toggle-dark-mode',
      'about',
    ]);
  });

  it('Edit uses the standard editing roles', () => {
    const { template } = build();
    const roles = submenuOf(template, 'Edit').map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('View zooms, and offers reload and developer tools only when not packaged', () => {
    const packagedRoles = submenuOf(build({ isPackaged: true }).template, 'View').map((item) => item.role);
    expect(packagedRoles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    expect(packagedRoles).not.toContain('reload');
    expect(packagedRoles).not.toContain('toggleDevTools');

    const devRoles = submenuOf(build({ isPackaged: false }).template, 'View').map((item) => item.role);
    expect(devRoles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Help holds About Crosscheck', () => {
    const { template } = build();
    expect(submenuOf(template, 'Help').map((item) => item.label)).toEqual(['About Crosscheck']);
  });
});

describe('application menu on macOS', () => {
  it('starts with the app menu holding About and Quit, and closes windows from File', () => {
    const { template, sendCommand } = build({ platform: 'darwin' });
    expect(template.map((item) => item.label?.replace('&', ''))).toEqual(['Crosscheck', 'File', 'Edit', 'View']);
    const appMenu = submenuOf(template, 'Crosscheck');
    expect(appMenu.map((item) => item.role).filter(Boolean)).toContain('quit');
    click(appMenu.find((item) => item.label === 'About Crosscheck'));
    expect(sendCommand).toHaveBeenCalledWith('about');
    expect(submenuOf(template, 'File').at(-1)?.role).toBe('close');
  });
});

describe('createMenuCommandSender', () => {
  function fakeWindow(destroyed = false) {
    return { isDestroyed: () => destroyed, webContents: { send: vi.fn(), isDestroyed: () => destroyed } };
  }

  it('sends the command on the menu channel to the target window', () => {
    const window = fakeWindow();
    createMenuCommandSender(() => window)('open-samples');
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'open-samples');
  });

  it('drops the command when there is no live window', () => {
    const gone = fakeWindow(true);
    expect(() => createMenuCommandSender(() => null)('import')).not.toThrow();
    createMenuCommandSender(() => gone)('import');
    expect(gone.webContents.send).not.toHaveBeenCalled();
  });
});
