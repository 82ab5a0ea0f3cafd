/**
 * Electron glue: wires the pure modules next to it to Electron's objects and events. Decisions live in those
 * modules (and their tests); this file only connects them, in the order Electron requires.
 */
import { readFile } from 'node:fs/promises';
import { app, BrowserWindow, ipcMain, Menu, nativeTheme, protocol, session, shell, type WebContents } from 'electron';
import { BUNDLE_OPEN_REQUEST_CHANNEL, FINAL_BACKUP_REQUEST_CHANNEL } from '../shared/ipc/contract';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_DEFINITION, createAppProtocolHandler } from './app-protocol';
import { resolveBuildLayout } from './build-layout';
import { createElectronDesktopServices } from './desktop-services';
import { createIpcImplementations, registerIpcHandlers } from './ipc-handlers';
import { buildApplicationMenuTemplate, createMenuCommandSender } from './menu';
import { bundlePathsFromArgv, OpenedBundleQueue } from './open-file';
import { FinalBackupGate } from './quit-sequence';
import {
  createNavigationGuard,
  createSubFrameNavigationGuard,
  createTrustedUrlTest,
  createWindowOpenHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  openSafeExternalUrl,
  preventWebviewAttach,
} from './security';
import { constructMainWindow } from './window-options';

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
// Set once onReady has registered the protocol and handlers; windows are made only after that.
let started = false;

/** Sends a signal to the main window's renderer; false when there is no live renderer to receive it. */
function sendToMainWindow(channel: string): boolean {
  const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
  if (!contents || contents.isDestroyed() || contents.isCrashed()) return false;
  contents.send(channel);
  return true;
}

// Bundles opened with Crosscheck wait here until the renderer takes them (open-file.ts); closing and quitting
// wait for the renderer's last backup, ten seconds at most (quit-sequence.ts).
const openedBundles = new OpenedBundleQueue();
const finalBackup = new FinalBackupGate({
  requestBackup: () => sendToMainWindow(FINAL_BACKUP_REQUEST_CHANNEL),
  log: (message) => console.warn(message),
});

/**
 * Tells the renderer that bundles are waiting. A renderer still starting misses the signal but takes them
 * as soon as it is up; with no window at all (macOS), one is opened and does the same.
 */
function announceOpenedBundles(): void {
  if (sendToMainWindow(BUNDLE_OPEN_REQUEST_CHANNEL)) focusMainWindow();
  else if (started && !mainWindow) createMainWindow();
}

/** Links the user followed out of the app; openSafeExternalUrl opens only safe http(s) ones. */
function openInBrowser(url: string): void {
  openSafeExternalUrl(url, shell).catch((error: unknown) => console.warn(`Could not open ${url}`, error));
}

function targetWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? mainWindow;
}

/** Applied to every webContents the app ever creates, not only the main window's. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', createNavigationGuard({ openInBrowser, isTrustedUrl }));
  // Redirects and sub-frame navigations are never a user following a link: deny without opening anything.
  contents.on('will-redirect', createNavigationGuard({ isTrustedUrl }));
  contents.on('will-frame-navigate', createSubFrameNavigationGuard(isTrustedUrl));
  contents.setWindowOpenHandler(createWindowOpenHandler(openInBrowser));
  contents.on('will-attach-webview', preventWebviewAttach);
}

function createMainWindow(): void {
  const window = constructMainWindow(BrowserWindow, {
    preloadPath: layout.preloadPath,
    prefersDarkColors: nativeTheme.shouldUseDarkColors,
  });
  window.once('ready-to-show', () => window.show());
  // Without this a failed load would leave a running app with no visible window.
  window.webContents.once('did-fail-load', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.on('close', (event) => {
    const closeAgain = () => {
      if (!window.isDestroyed()) window.close();
    };
    if (finalBackup.hold(closeAgain)) event.preventDefault();
  });
  finalBackup.rearm();
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

  registerIpcHandlers(ipcMain, createIpcImplementations(createElectronDesktopServices(targetWindow, { openedBundles, finalBackup })), {
    isTrustedUrl,
    log: (message, detail) => console.warn(message, detail ?? ''),
  });

  started = true;
  createMainWindow();
}

function queueOpenedBundles(paths: readonly string[]): void {
  if (openedBundles.add(paths)) announceOpenedBundles();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS names the files to open in this event, possibly before `ready`, so it is listened to from the start.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    queueOpenedBundles([filePath]);
  });
  // Windows and Linux name them on the command line: of this launch, or of a second one.
  void bundlePathsFromArgv(process.argv, process.cwd()).then(queueOpenedBundles);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    void bundlePathsFromArgv(argv, workingDirectory).then(queueOpenedBundles);
  });
  app.on('before-quit', (event) => {
    if (finalBackup.hold(() => app.quit())) event.preventDefault();
  });
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
