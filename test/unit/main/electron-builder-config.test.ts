/**
 * electron-builder.yml, loaded and validated by electron-builder's own code (app-builder-lib: the YAML loader
 * and the JSON-schema check `electron-builder` runs before packing), plus what users get from it: the app's
 * name and id, installers per platform, the .crosscheck file association and the icons `npm run icons` draws.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_LAYOUT, ICON_OUT_DIR, ICON_SOURCE, LINUX_ICON_SIZES, writeIconSet } from '../../../main/cli/icon-set';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const configFile = path.join(projectRoot, 'electron-builder.yml');

/** validateConfiguration records schema errors for --debug runs; nothing to record here. */
const quietDebugLogger = { isEnabled: false, data: new Map<string, unknown>(), add: () => undefined, save: async () => undefined };

function targetsOf(platform: Configuration['linux'] | Configuration['mac'] | Configuration['win']): string[] {
  const target = platform?.target;
  const list = Array.isArray(target) ? target : target === undefined || target === null ? [] : [target];
  return list.map((item) => (typeof item === 'string' ? item : item.target));
}

/** Loads a config the way `electron-builder --config FILE` does, from a project folder. */
function loadConfig(projectDir: string, file: string): Promise<Configuration> {
  return getConfig(projectDir, file, null);
}

let config: Configuration;
let scratch: string;

beforeAll(async () => {
  config = await loadConfig(projectRoot, configFile);
  scratch = await mkdtemp(path.join(tmpdir(), 'crosscheck-builder-config-'));
}, 30_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('electron-builder.yml', () => {
  // The first validation compiles electron-builder's whole JSON schema: seconds on a busy machine.
  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(config, quietDebugLogger)).resolves.toBeUndefined();
  }, 30_000);

  it('names the app Crosscheck with a reverse-domain id', () => {
    expect(config.appId).toBe('org.crosscheck.app');
    expect(config.productName).toBe('Crosscheck');
  });

  it('builds AppImage and deb on Linux, dmg on macOS, an NSIS installer on Windows', () => {
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
  });

  it('registers .crosscheck bundles with the app', () => {
    const associations = Array.isArray(config.fileAssociations) ? config.fileAssociations : [config.fileAssociations];
    const bundle = associations.find((association) => association?.ext === 'crosscheck');
    expect(bundle).toMatchObject({ name: 'Crosscheck bundle', role: 'Editor', mimeType: 'application/x-crosscheck-bundle' });
  });

  it('packs the built app and package.json, without test builds or source maps', async () => {
    // The loader wraps the list into one file set; what matters is its patterns.
    const sets = Array.isArray(config.files) ? config.files : config.files ? [config.files] : [];
    const patterns = sets.flatMap((set) => (typeof set === 'string' ? [set] : [set.filter ?? []].flat()));
    expect(patterns).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', '!out/**/*.map', 'package.json']);
    const manifest = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { main: string };
    expect(manifest.main).toMatch(/^out\/main\//);
  });

  it('points each platform at an icon the generator writes, in a form electron-builder takes', async () => {
    // The generator writes into a scratch project laid out like this one (build/icons under its root).
    const project = path.join(scratch, 'project');
    const written = await writeIconSet(await readFile(path.join(projectRoot, ICON_SOURCE)), path.join(project, ICON_OUT_DIR));
    const asConfigured = (file: string) => path.relative(project, file).split(path.sep).join('/');
    expect(config.linux?.icon).toBe(asConfigured(written.linuxDir));
    expect(config.mac?.icon).toBe(asConfigured(written.macPng));
    expect(config.win?.icon).toBe(asConfigured(written.windowsIco));
    expect(config.win?.icon).toBe(path.posix.join(ICON_OUT_DIR, ICON_LAYOUT.windowsIco.split(path.sep).join('/')));

    // electron-builder's own resolver, as it runs for Linux and Windows targets (macOS needs a tool it downloads).
    const resolve = (source: string, format: 'set' | 'ico') =>
      convertIcon({ sources: [source], fallbackSources: [], roots: [path.join(project, 'resources'), project], format, outDir: path.join(scratch, format) });
    const linux = await resolve(config.linux?.icon ?? '', 'set');
    expect(linux.isFallback).toBe(false);
    expect(linux.icons.map((icon) => icon.size)).toEqual([...LINUX_ICON_SIZES]);
    const windows = await resolve(config.win?.icon ?? '', 'ico');
    expect(windows).toEqual({ icons: [{ file: written.windowsIco, size: 256 }], isFallback: false });
  }, 30_000);
});

describe('a broken electron-builder.yml', () => {
  async function brokenConfig(name: string, edit: (yaml: string) => string): Promise<Configuration> {
    const file = path.join(scratch, name);
    await writeFile(file, edit(await readFile(configFile, 'utf8')));
    return loadConfig(scratch, file);
  }

  it('is rejected for an unknown option, naming it', async () => {
    const broken = await brokenConfig('unknown-key.yml', (yaml) => `${yaml}\nicnos: build/icons\n`);
    await expect(validateConfiguration(broken, quietDebugLogger)).rejects.toThrow(/icnos/);
  });

  it('is rejected for an option of the wrong type', async () => {
    const broken = await brokenConfig('wrong-type.yml', (yaml) => yaml.replace('asar: true', 'asar: 42'));
    expect(broken.asar).toBe(42);
    await expect(validateConfiguration(broken, quietDebugLogger)).rejects.toThrow(/asar/);
  });
});
