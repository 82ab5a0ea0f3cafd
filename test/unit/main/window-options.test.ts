import { describe, expect, it } from 'vitest';
import { buildMainWindowOptions, DARK_BACKGROUND, LIGHT_BACKGROUND } from '../../../main/window-options';

const options = buildMainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', prefersDarkColors: false });
const web = options.webPreferences ?? {};

describe('main window webPreferences', () => {
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
    expect(buildMainWindowOptions({ preloadPath: 'p', prefersDarkColors: true }).backgroundColor).toBe(DARK_BACKGROUND);
  });
});
