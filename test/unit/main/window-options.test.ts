import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { constructMainWindow, DARK_BACKGROUND, LIGHT_BACKGROUND } from '../../../main/window-options';

/** Stands in for Electron's BrowserWindow: keeps the options the window was constructed with. */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

const window = constructMainWindow(RecordingWindow, { preloadPath: '/app/out/preload/index.cjs', prefersDarkColors: false });
const options = window.options;
const web = options.webPreferences ?? {};

describe('main window webPreferences', () => {
  it('constructs the window with the given class, once', () => {
    expect(window).toBeInstanceOf(RecordingWindow);
  });

  it('isolates the page from the preload and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
  });

  it('gives the page no Node, in the window, its workers or its frames', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content and <webview>', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
  });

  it('does not let a dropped file replace the app', () => {
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload and does not spellcheck', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(web.spellcheck).toBe(false);
  });
});

describe('main window appearance', () => {
  it('is titled Crosscheck and stays hidden until ready-to-show', () => {
    expect(options.title).toBe('Crosscheck');
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
  });

  it('paints the background of the current theme', () => {
    expect(options.backgroundColor).toBe(LIGHT_BACKGROUND);
    expect(constructMainWindow(RecordingWindow, { preloadPath: 'p', prefersDarkColors: true }).options.backgroundColor).toBe(
      DARK_BACKGROUND,
    );
  });
});
