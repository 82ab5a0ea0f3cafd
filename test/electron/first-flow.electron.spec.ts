/**
 * The first thing a new user does, in the real Electron app: an empty library offers the sample corpus, and
 * opening it lists documents. Needs the Electron binary; where it is missing the spec skips and says why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainEntry = path.join(projectRoot, 'out', 'main', 'index.js');
const electronBinary = findElectronBinary();
const skipReason = electronBinary.found
  ? undefined
  : `Skipping the Electron end-to-end spec: ${electronBinary.reason}. Install Electron with its binary to run it.`;

if (skipReason) console.log(skipReason);

test.describe('first flow in the Electron app', () => {
  test.skip(!electronBinary.found, skipReason);

  let app: ElectronApplication;
  let userDataDir: string;

  test.beforeAll(() => {
    // Always test what the sources build today, not a stale out/ folder.
    execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
  });

  test.beforeEach(async () => {
    if (!electronBinary.found) return;
    // A fresh profile, so the library starts empty and the user's real data is never touched.
    userDataDir = await mkdtemp(path.join(tmpdir(), 'crosscheck-e2e-'));
    const runningAsRoot = process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: electronBinary.path,
      args: [...(runningAsRoot ? ['--no-sandbox'] : []), mainEntry],
      env: { ...process.env, CROSSCHECK_USER_DATA_DIR: userDataDir },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  test('opens the sample corpus from the empty library', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://crosscheck/index.html');

    const openSamples = page.getByRole('button', { name: 'Open sample corpus' });
    await expect(openSamples).toBeVisible();
    await openSamples.click();

    const documents = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(documents.first()).toBeVisible();
    expect(await documents.count()).toBeGreaterThan(0);
  });

  test('gives the page window.api and nothing of Node or ipcRenderer', async () => {
    const page = await app.firstWindow();
    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return {
        api: Object.keys((scope.api as object | undefined) ?? {}).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: typeof scope.ipcRenderer,
      };
    });
    expect(exposed).toEqual({
      api: [
        'appInfo',
        'chooseBundleFiles',
        'chooseSourceFiles',
        'finalBackupDone',
        'listBackups',
        'onBundleOpenRequest',
        'onFinalBackupRequest',
        'onMenuCommand',
        'openExternal',
        'readBackup',
        'saveFile',
        'takeOpenedBundles',
        'writeBackup',
      ],
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });
  });
});
