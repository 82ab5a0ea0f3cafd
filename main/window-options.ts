/**
 * Options for the main window. The renderer shows untrusted article text, so it runs as a sandboxed web page
 * with no Node: isolated preload world, no node integration anywhere, web security on, no <webview>.
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

export function buildMainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Crosscheck',
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: input.prefersDarkColors ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    webPreferences: {
      preload: input.preloadPath,
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
  };
}
