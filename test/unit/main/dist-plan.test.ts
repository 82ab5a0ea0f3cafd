/**
 * `npm run dist`: which local Electron ELECTRON_DIST may name, what the user is told when it names something
 * else, and the commands run (electron-vite, then electron-builder with the config and -c.electronDist).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseElectronDist, planDistCommands, type ElectronDistEnvironment, type PathKind } from '../../../main/cli/dist-plan';
import { ROOT } from '../cli/run-cli';

/** A small file system in memory: folder paths map to their entries, file paths to 'file'. */
function environment(value: string | undefined, tree: Record<string, string[] | 'file'>): ElectronDistEnvironment {
  return {
    value,
    baseDir: '/home/ines/crosscheck',
    electronVersion: '41.7.1',
    kindOf: async (filePath): Promise<PathKind> => {
      const entry = tree[filePath];
      return entry === undefined ? null : entry === 'file' ? 'file' : 'directory';
    },
    list: async (folder) => {
      const entry = tree[folder];
      return Array.isArray(entry) ? entry : [];
    },
  };
}

describe('chooseElectronDist', () => {
  it.each([undefined, '', '   '])('leaves the download to electron-builder when ELECTRON_DIST is %j', async (value) => {
    await expect(chooseElectronDist(environment(value, {}))).resolves.toEqual({ kind: 'download' });
  });

  it('accepts a release zip, resolving a relative path from where npm was run', async () => {
    const zip = '/home/ines/Downloads/electron-v41.7.1-linux-x64.zip';
    await expect(chooseElectronDist(environment('../Downloads/electron-v41.7.1-linux-x64.zip', { [zip]: 'file' }))).resolves.toEqual({
      kind: 'local',
      path: zip,
    });
  });

  it.each([
    ['a folder holding the release zip', ['electron-v41.7.1-linux-x64.zip']],
    ['an unpacked Electron for Linux', ['electron', 'resources', 'LICENSE']],
    ['an unpacked Electron for Windows', ['electron.exe', 'resources']],
    ['an unpacked Electron for macOS', ['Electron.app']],
  ])('accepts %s', async (_label, entries) => {
    await expect(chooseElectronDist(environment('/opt/electron', { '/opt/electron': entries }))).resolves.toEqual({
      kind: 'local',
      path: '/opt/electron',
    });
  });

  it('says a missing path does not exist, and what to set instead', async () => {
    const choice = await chooseElectronDist(environment('/opt/no-such-electron', {}));
    expect(choice.kind).toBe('problem');
    const message = choice.kind === 'problem' ? choice.message : '';
    expect(message).toContain('ELECTRON_DIST points to /opt/no-such-electron, which does not exist.');
    expect(message).toContain('electron-v41.7.1-<platform>-<arch>.zip');
    expect(message).toContain('or unset it to let electron-builder download Electron');
  });

  it('refuses a file that is not a zip', async () => {
    const choice = await chooseElectronDist(environment('/opt/electron.tar.gz', { '/opt/electron.tar.gz': 'file' }));
    expect(choice).toMatchObject({ kind: 'problem', message: expect.stringContaining('a file that is not a .zip') });
  });

  it.each([
    ['an empty folder', []],
    ['a zip of another Electron version', ['electron-v40.0.0-linux-x64.zip']],
  ])('refuses %s', async (_label, entries) => {
    const choice = await chooseElectronDist(environment('/opt/electron', { '/opt/electron': entries }));
    expect(choice).toMatchObject({
      kind: 'problem',
      message: expect.stringContaining('holds neither an Electron executable nor electron-v41.7.1-*.zip'),
    });
  });
});

describe('planDistCommands', () => {
  const base = { projectRoot: '/src/crosscheck', node: '/usr/bin/node' };

  it('builds with electron-vite, then packs with electron-builder and the project config', () => {
    const [build, pack] = planDistCommands({ ...base, electronDist: { kind: 'download' }, builderArgs: [] });
    expect(build?.args).toEqual(['/src/crosscheck/node_modules/electron-vite/bin/electron-vite.js', 'build']);
    expect(pack?.command).toBe('/usr/bin/node');
    expect(pack?.args).toEqual(['/src/crosscheck/node_modules/electron-builder/cli.js', '--config', '/src/crosscheck/electron-builder.yml']);
  });

  it('passes a local Electron as -c.electronDist, then the arguments given after --', () => {
    const [, pack] = planDistCommands({
      ...base,
      electronDist: { kind: 'local', path: '/opt/electron-v41.7.1-linux-x64.zip' },
      builderArgs: ['--', '--linux', 'AppImage'],
    });
    expect(pack?.args.slice(1)).toEqual([
      '--config',
      '/src/crosscheck/electron-builder.yml',
      '-c.electronDist=/opt/electron-v41.7.1-linux-x64.zip',
      '--linux',
      'AppImage',
    ]);
  });
});

describe('npm run dist with a wrong ELECTRON_DIST', () => {
  it('stops before building anything, with exit code 2 and the reason', () => {
    const missing = path.join(ROOT, 'no-such-electron-folder');
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'main/cli/dist.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_DIST: missing, INIT_CWD: ROOT },
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`dist: ELECTRON_DIST points to ${missing}, which does not exist.`);
  }, 60_000);
});
