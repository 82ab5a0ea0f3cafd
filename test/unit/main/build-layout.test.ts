import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRELOAD_BUNDLE_NAME, resolveBuildLayout } from '../../../main/build-layout';
import electronViteConfig from '../../../electron.vite.config';

describe('resolveBuildLayout', () => {
  it('finds the preload and renderer next to the main bundle', () => {
    const layout = resolveBuildLayout(path.resolve('/opt/Crosscheck/resources/app.asar/out/main'));
    expect(layout.preloadPath).toBe(path.resolve('/opt/Crosscheck/resources/app.asar/out/preload/index.cjs'));
    expect(layout.rendererRoot).toBe(path.resolve('/opt/Crosscheck/resources/app.asar/out/renderer'));
  });
});

describe('electron.vite.config.ts', () => {
  // Read as plain data: the config is an object, not a function of the command.
  const config = electronViteConfig as {
    main?: { build?: { externalizeDeps?: unknown; rolldownOptions?: { input?: unknown; output?: { format?: string } } } };
    preload?: { build?: { externalizeDeps?: unknown; rolldownOptions?: { output?: { format?: string; entryFileNames?: string } } } };
    renderer?: { root?: string; build?: { outDir?: string } };
  };

  it('builds the preload as the one CommonJS file main loads', () => {
    const output = config.preload?.build?.rolldownOptions?.output;
    expect(output?.format).toBe('cjs');
    expect(output?.entryFileNames).toBe(PRELOAD_BUNDLE_NAME);
  });

  it('bundles dependencies into main and preload, since node_modules is not shipped', () => {
    expect(config.main?.build?.externalizeDeps).toBe(false);
    expect(config.preload?.build?.externalizeDeps).toBe(false);
  });

  it('builds the renderer from renderer/ into out/renderer', () => {
    expect(path.basename(config.renderer?.root ?? '')).toBe('renderer');
    expect(config.renderer?.build?.outDir).toBe(path.resolve('out/renderer'));
  });
});
