import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePathsFromArgv, isBundlePath, OpenedBundleQueue } from '../../../main/open-file';

let home: string;
let ferryStrike: string;
let mineCollapse: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'crosscheck-open-'));
  await mkdir(path.join(home, 'exchange folder'));
  ferryStrike = path.join(home, 'exchange folder', 'ferry strike.crosscheck');
  mineCollapse = path.join(home, 'mine-collapse.CROSSCHECK');
  await writeFile(ferryStrike, 'PK');
  await writeFile(mineCollapse, 'PK');
  await writeFile(path.join(home, 'notes.md'), '# notes');
  await mkdir(path.join(home, 'folder.crosscheck'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

const packagedExe = '/opt/Crosscheck/crosscheck';

describe('bundlePathsFromArgv', () => {
  it('finds the bundle a double-click passes to the packaged app (Windows, Linux)', async () => {
    await expect(bundlePathsFromArgv([packagedExe, ferryStrike], '/')).resolves.toEqual([ferryStrike]);
  });

  it('skips the executable, Chromium’s switches and the app path of an unpackaged run', async () => {
    const argv = [
      '/work/node_modules/electron/dist/electron',
      '--allow-file-access-from-files',
      '--original-process-start-time=13375420000000000',
      '.',
      ferryStrike,
    ];
    await expect(bundlePathsFromArgv(argv, home)).resolves.toEqual([ferryStrike]);
  });

  it('resolves a relative name against the working folder it was typed in (second-instance)', async () => {
    await expect(bundlePathsFromArgv([packagedExe, 'mine-collapse.CROSSCHECK'], home)).resolves.toEqual([mineCollapse]);
    await expect(bundlePathsFromArgv([packagedExe, path.join('exchange folder', 'ferry strike.crosscheck')], home)).resolves.toEqual([ferryStrike]);
  });

  it('reads the file:// URLs a Linux file manager passes for %U', async () => {
    await expect(bundlePathsFromArgv([packagedExe, pathToFileURL(ferryStrike).href], '/')).resolves.toEqual([ferryStrike]);
  });

  it('ignores other files, missing files, folders, web addresses and switches that look like bundles', async () => {
    const argv = [
      packagedExe,
      path.join(home, 'notes.md'),
      path.join(home, 'gone.crosscheck'),
      path.join(home, 'folder.crosscheck'),
      'https://example.org/library.crosscheck',
      `--open=${ferryStrike}`,
      '',
    ];
    await expect(bundlePathsFromArgv(argv, home)).resolves.toEqual([]);
  });

  it('never takes the executable itself, and gives each bundle once', async () => {
    await expect(bundlePathsFromArgv([ferryStrike, mineCollapse, mineCollapse, 'mine-collapse.CROSSCHECK'], home)).resolves.toEqual([mineCollapse]);
  });
});

describe('OpenedBundleQueue', () => {
  it('keeps macOS open-file paths that arrive before the window, in order, until they are taken', () => {
    const queue = new OpenedBundleQueue();
    expect(queue.add(['/Users/ana/b.crosscheck'])).toBe(true);
    expect(queue.add(['/Users/ana/a.crosscheck'])).toBe(true);
    expect(queue.size).toBe(2);
    expect(queue.take()).toEqual(['/Users/ana/b.crosscheck', '/Users/ana/a.crosscheck']);
    expect(queue.take()).toEqual([]);
  });

  it('opens a file asked for twice before it is taken once, and again when asked after', () => {
    const queue = new OpenedBundleQueue();
    queue.add(['/Users/ana/a.crosscheck']);
    expect(queue.add(['/Users/ana/a.crosscheck'])).toBe(false);
    expect(queue.take()).toEqual(['/Users/ana/a.crosscheck']);
    expect(queue.add(['/Users/ana/a.crosscheck'])).toBe(true);
    expect(queue.take()).toEqual(['/Users/ana/a.crosscheck']);
  });

  it('does not queue files that are not bundles', () => {
    const queue = new OpenedBundleQueue();
    expect(queue.add(['/Users/ana/article.pdf'])).toBe(false);
    expect(queue.take()).toEqual([]);
    expect(isBundlePath('/x/Library.Crosscheck')).toBe(true);
  });
});
