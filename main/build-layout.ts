/**
 * Where the build puts each part, relative to the bundled main script (out/main). electron.vite.config.ts
 * names its preload output from PRELOAD_BUNDLE_NAME, so main always loads the file the build wrote.
 */
import path from 'node:path';

/** CommonJS on purpose: a sandboxed preload cannot be an ES module. */
export const PRELOAD_BUNDLE_NAME = 'index.cjs';

export interface BuildLayout {
  preloadPath: string;
  rendererRoot: string;
}

/** `mainDir` is the folder of the running main bundle (electron-vite's `__dirname`). */
export function resolveBuildLayout(mainDir: string): BuildLayout {
  const outDir = path.resolve(mainDir, '..');
  return {
    preloadPath: path.join(outDir, 'preload', PRELOAD_BUNDLE_NAME),
    rendererRoot: path.join(outDir, 'renderer'),
  };
}
