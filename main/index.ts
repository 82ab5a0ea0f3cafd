/**
 * Electron glue: wires the pure modules next to it to Electron's objects and events. Decisions live in those
 * modules (and their tests); this file only connects them, in the order Electron requires.
 */
import { readFile } from 'node:fs/promises';
import { app, BrowserWindow, ipcMain, Menu, nativeTheme, protocol, session, shell, type WebContents } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_DEFINITION, createAppProtocolHandler } from './app-protocol';
import { resolveBuildLayout } from './build-layout';
import { createElectronDesktopServices } from './desktop-services';
import { createIpcImplementations, registerIpcHandlers } from './ipc-handlers';
import { buildApplicationMenuTemplate, createMenuCommandSender } from './menu';
import {
  createNavigationGuard,
  createSubFrameNavigationGuard,
  createTrustedUrlTest,
  createWindowOpenHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  preventWebviewAttach,
} from './security';
import { buildMainWindowOptions } from './window-options';

const layout = resolveBuildLayout(__dirname);
// electron-vite dev serves the renderer over http; only unpackaged runs may use it (see createTrustedUrlTest).
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = createTrustedUrlTest({ isPackaged: app.isPackaged, devServerUrl });

// Lets end-to-end runs start from an empty library without touching the user's profile. Set before the
// single-instance lock, which is scoped to the profile folder.
const userDataOverride = process.env.CROSSCHECK_USER_DATA_DIR;
if (!app.isPackaged && userDataOverride) app.setPath('userData', userDataOverride);

// Both must happen before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openExternal(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.warn(`Could not open ${url}`, error));
}

function targetWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? mainWindow;
}

/** Applied to every webContents the app ever creates, not only the main window's. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', createNavigationGuard({ openExternal, isTrustedUrl }));
  // Redirects and sub-frame navigations are never a user following a link: deny without opening anything.
  contents.on('will-redirect', createNavigationGuard({ isTrustedUrl }));
  contents.on('will-frame-navigate', createSubFrameNavigationGuard(isTrustedUrl));
  contents.setWindowOpenHandler(createWindowOpenHandler(openExternal));
  contents.on('will-attach-webview', preventWebviewAttach);
}

function createMainWindow(): void {
  const window = new BrowserWindow(
    buildMainWindowOptions({ preloadPath: layout.preloadPath, prefersDarkColors: nativeTheme.shouldUseDarkColors }),
  );
  window.once('ready-to-show', () => window.show());
  // Without this a failed load would leave a running app with no visible window.
  window.webContents.once('did-fail-load', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function onReady(): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererRoot: layout.rendererRoot, readFile }));

  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  session.defaultSession.setDevicePermissionHandler(denyPermissionCheck);

  const sendCommand = createMenuCommandSender(targetWindow);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildApplicationMenuTemplate({ sendCommand, isPackaged: app.isPackaged, platform: process.platform })),
  );

  registerIpcHandlers(ipcMain, createIpcImplementations(createElectronDesktopServices(targetWindow)), {
    isTrustedUrl,
    log: (message, detail) => console.warn(message, detail ?? ''),
  });

  createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    // macOS apps stay running with no windows until the user quits.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.whenReady().then(onReady, (error: unknown) => {
    console.error('Crosscheck could not start', error);
    app.quit();
  });
}
