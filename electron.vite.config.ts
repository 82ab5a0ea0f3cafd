// electron-vite builds three bundles: main (ESM, out/main/index.js), the sandboxed preload (one self-contained
// CommonJS file, out/preload/index.cjs) and the renderer (the same settings as the web build, out/renderer).
// Every npm package is a devDependency and nothing from node_modules ships, so main and preload bundle their
// dependencies; only electron and Node's built-ins stay external (electron-vite's defaults).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'electron-vite';
import { PRELOAD_BUNDLE_NAME } from './main/build-layout';
import { rendererConfig } from './vite.web.config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (...parts: string[]) => resolve(projectRoot, ...parts);

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      externalizeDeps: false,
      sourcemap: true,
      rolldownOptions: {
        input: { index: fromRoot('main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      // A sandboxed preload is loaded as one classic script: no ES modules, no shared chunks.
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: fromRoot('main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: PRELOAD_BUNDLE_NAME, codeSplitting: false },
        // The preload needs only the contract's names, not its zod schemas (main validates). Declaring zod's
        // builders pure lets the schemas, and zod with them, drop out of the preload.
        treeshake: { manualPureFunctions: ['z'] },
      },
    },
  },
  // Merged rather than spread so whatever the web build adds later (aliases, rolldown options) carries over.
  renderer: mergeConfig(rendererConfig, {
    build: { outDir: fromRoot('out/renderer'), rolldownOptions: { input: fromRoot('renderer/index.html') } },
  }),
});
