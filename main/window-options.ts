/**
 * The main window. The renderer shows untrusted article text, so it runs as a sandboxed web page with no
 * Node: isolated preload world, no node integration anywhere, web security on, no <webview>.
 * The options are written out at the `new BrowserWindow(...)` itself, so that a reader, and Electronegativity
 * (`npm run test:security`), can verify them where the window is made; the constructor is passed in, so the
 * unit tests check the very options a window is given without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  /** Absolute path of the built preload script (out/preload/index.cjs). */
  preloadPath: string;
  /** Matches the first paint to the theme so the window does not flash white in dark mode. */
  prefersDarkColors: boolean;
}

export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#1b1d21';

/** Electron's BrowserWindow, or a stand-in with the same constructor in tests. */
export type BrowserWindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Makes the main window with `BrowserWindow` (Electron's class in the app).
 *
 * Middle-click: Electronegativity's AUXCLICK_JS_CHECK asks for `disableBlinkFeatures: 'Auxclick'`, from the
 * days when a middle-click opened a link in a new Electron window. Chromium has since dropped that runtime
 * feature name (electron/electron#10315), so the option would do nothing. What stops it here: every request
 * for a new window (middle-click, shift-click, target=_blank, window.open) reaches the window-open handler,
 * which denies them all (createWindowOpenHandler in security.ts, wired to every webContents in index.ts,
 * tested in test/unit/main/security.test.ts). Hence the suppression on the constructor line.
 */
export function constructMainWindow<W>(BrowserWindow: BrowserWindowConstructor<W>, input: MainWindowOptionsInput): W {
  return new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    title: 'Crosscheck',
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: input.prefersDarkColors ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    webPreferences: {
      // PRELOAD_JS_CHECK asks for every preload to be reviewed. This one (main/preload) runs sandboxed and
      // exposes one object through contextBridge: a method per IPC contract channel and listeners that pass
      // only validated values, never ipcRenderer or an event (test/unit/main/preload/crosscheck-api.test.ts).
      preload: input.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      // Fact-checkers read quotations verbatim; red squiggles under names would only distract.
      spellcheck: false,
      // A file dropped outside the drop zone must not replace the app with a file:// page.
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
}
