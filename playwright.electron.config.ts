// End-to-end tests of the packaged-shape Electron app (out/main/index.js). They need the Electron binary, which
// some machines cannot download; there the specs skip themselves and print why, and the run still passes.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './test/electron',
  testMatch: '**/*.electron.spec.ts',
  // One Electron app at a time: each launch is a full browser, and they would share the build in out/.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
