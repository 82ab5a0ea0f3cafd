// The renderer build. `npm run web` builds it on its own (out/web) and serves it on localhost: the same app
// as Electron's, with the web Platform. electron-vite reuses `rendererConfig` for the Electron build.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/content-security-policy';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes the shared CSP into index.html at build time (the dev server needs inline scripts, so not there).
 * `npm run test:security` scans the page built here. Its one LOW finding stays: csp-evaluator warns that
 * script-src 'self' "can be problematic if you host JSONP, Angular or user uploaded files". The app's origin
 * (app://crosscheck) serves only the files the build wrote into out/renderer (resolveAppPath in
 * main/app-protocol.ts); imported articles live in IndexedDB and are never served as files; there is no JSONP.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'crosscheck-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ],
  };
}

export const rendererConfig = {
  root: `${projectRoot}renderer`,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: true },
} satisfies UserConfig;

export default defineConfig({
  ...rendererConfig,
  // WEB_OUT_DIR lets parallel test runs keep separate builds (default out/web).
  build: { ...rendererConfig.build, outDir: `${projectRoot}${process.env.WEB_OUT_DIR ?? 'out/web'}` },
  preview: { port: Number(process.env.PORT ?? 4173), host: '127.0.0.1' },
});
