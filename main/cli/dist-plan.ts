/**
 * What `npm run dist` runs, decided without running anything: the electron-vite build, then electron-builder
 * with the project's config, an optional local Electron (ELECTRON_DIST) and any arguments the user added.
 * dist.ts carries the plan out; the tests check it here.
 */
import path from 'node:path';

/**
 * The environment variable naming a local Electron for machines that cannot download it. electron-builder,
 * electron, @electron/get and electron-vite read no variable of that name (they use ELECTRON_BUILDER_*,
 * ELECTRON_MIRROR, ELECTRON_OVERRIDE_DIST_PATH, ELECTRON_RENDERER_URL and others).
 */
export const ELECTRON_DIST_VARIABLE = 'ELECTRON_DIST';

export interface Command {
  /** Shown before the command runs. */
  label: string;
  /** Executable (Node itself: both tools are run through their JavaScript entry points). */
  command: string;
  args: string[];
}

/** What stat() says about a path, reduced to what the check needs; null when it does not exist. */
export type PathKind = 'file' | 'directory' | null;

export interface ElectronDistEnvironment {
  /** The variable's value as set, if at all. */
  value: string | undefined;
  /** Where relative values are taken from: the folder `npm run` was typed in (INIT_CWD), else the cwd. */
  baseDir: string;
  /** Electron version the app is built with, for the zip name in messages (41.7.1). */
  electronVersion: string;
  kindOf(filePath: string): Promise<PathKind>;
  /** Entries of a folder (names only). */
  list(folder: string): Promise<string[]>;
}

export type ElectronDistChoice =
  | { kind: 'download' }
  | { kind: 'local'; path: string }
  | { kind: 'problem'; message: string };

/** Names electron-builder recognises in an electronDist folder: the release zip, or an unpacked Electron. */
function looksLikeElectronFolder(entries: readonly string[], electronVersion: string): boolean {
  const zipPrefix = `electron-v${electronVersion}-`;
  return entries.some(
    (entry) =>
      (entry.startsWith(zipPrefix) && entry.endsWith('.zip')) || entry === 'electron' || entry === 'electron.exe' || entry === 'Electron.app',
  );
}

/**
 * Reads ELECTRON_DIST: unset or empty means electron-builder downloads Electron as usual; otherwise it must
 * name an Electron release zip, a folder holding one (electron-vVERSION-PLATFORM-ARCH.zip) or an unpacked
 * Electron. Anything else is a problem worded for the person who set it.
 */
export async function chooseElectronDist(env: ElectronDistEnvironment): Promise<ElectronDistChoice> {
  const value = env.value?.trim();
  if (!value) return { kind: 'download' };
  const resolved = path.resolve(env.baseDir, value);
  const expected =
    `Set it to a folder holding an unpacked Electron ${env.electronVersion} or electron-v${env.electronVersion}-<platform>-<arch>.zip ` +
    `(from https://github.com/electron/electron/releases/tag/v${env.electronVersion}), to such a zip file, ` +
    `or unset it to let electron-builder download Electron.`;
  const kind = await env.kindOf(resolved);
  if (kind === null) return { kind: 'problem', message: `${ELECTRON_DIST_VARIABLE} points to ${resolved}, which does not exist. ${expected}` };
  if (kind === 'file') {
    return resolved.toLowerCase().endsWith('.zip')
      ? { kind: 'local', path: resolved }
      : { kind: 'problem', message: `${ELECTRON_DIST_VARIABLE} points to ${resolved}, a file that is not a .zip. ${expected}` };
  }
  if (!looksLikeElectronFolder(await env.list(resolved), env.electronVersion)) {
    return {
      kind: 'problem',
      message: `${ELECTRON_DIST_VARIABLE} points to ${resolved}, which holds neither an Electron executable nor electron-v${env.electronVersion}-*.zip. ${expected}`,
    };
  }
  return { kind: 'local', path: resolved };
}

export interface DistPlanInput {
  projectRoot: string;
  /** Node's executable (process.execPath). */
  node: string;
  electronDist: ElectronDistChoice & { kind: 'download' | 'local' };
  /** Arguments after `npm run dist --`, passed to electron-builder (e.g. `--linux AppImage`). */
  builderArgs: readonly string[];
}

/** The commands after the icons are drawn: build the app into out/, then pack it into installers in dist/. */
export function planDistCommands(input: DistPlanInput): Command[] {
  const fromRoot = (...parts: string[]) => path.join(input.projectRoot, ...parts);
  const builderArgs = ['--config', fromRoot('electron-builder.yml')];
  // `-c.<option>=<value>` overrides one option of the config file (electron-builder's CLI syntax).
  if (input.electronDist.kind === 'local') builderArgs.push(`-c.electronDist=${input.electronDist.path}`);
  builderArgs.push(...input.builderArgs.filter((arg) => arg !== '--'));
  return [
    { label: 'Building main, preload and renderer into out/ (electron-vite)', command: input.node, args: [fromRoot('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'] },
    { label: 'Packing installers into dist/ (electron-builder)', command: input.node, args: [fromRoot('node_modules', 'electron-builder', 'cli.js'), ...builderArgs] },
  ];
}
