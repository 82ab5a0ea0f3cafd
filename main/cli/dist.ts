/**
 * `npm run dist [-- ELECTRON-BUILDER-ARGS]`: draws the icons (build/icons), builds the app (out/) and packs
 * the installers (dist/) with electron-builder.yml. Extra arguments go to electron-builder, e.g.
 * `npm run dist -- --linux AppImage`.
 *
 * electron-builder downloads Electron from GitHub. Where that is not possible, set ELECTRON_DIST to a local
 * Electron (an unpacked Electron folder, electron-vVERSION-PLATFORM-ARCH.zip, or a folder holding that zip):
 * `ELECTRON_DIST=~/Downloads/electron-v41.7.1-linux-x64.zip npm run dist -- --linux AppImage`.
 * Exit codes: 0 packed; 2 ELECTRON_DIST or the icon is wrong; otherwise the failing tool's own code.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseElectronDist, ELECTRON_DIST_VARIABLE, planDistCommands, type Command, type PathKind } from './dist-plan';
import { ICON_OUT_DIR, ICON_SOURCE, IconSourceError, writeIconSet } from './icon-set';
import { runCommand } from './run-command';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

async function kindOf(filePath: string): Promise<PathKind> {
  try {
    return (await stat(filePath)).isDirectory() ? 'directory' : 'file';
  } catch {
    return null;
  }
}

async function electronVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function run(command: Command): Promise<number> {
  process.stdout.write(`\ndist: ${command.label}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command.command, command.args, { cwd: projectRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const version = await electronVersion();
  const electronDist = await chooseElectronDist({
    value: process.env[ELECTRON_DIST_VARIABLE],
    // npm runs scripts from the project root; INIT_CWD is where the user typed the command.
    baseDir: process.env.INIT_CWD ?? process.cwd(),
    electronVersion: version,
    kindOf,
    list: (folder) => readdir(folder),
  });
  if (electronDist.kind === 'problem') {
    process.stderr.write(`dist: ${electronDist.message}\n`);
    return 2;
  }

  process.stdout.write(`dist: Drawing the icons from ${ICON_SOURCE} into ${ICON_OUT_DIR}/\n`);
  try {
    await writeIconSet(await readFile(path.join(projectRoot, ICON_SOURCE)), path.join(projectRoot, ICON_OUT_DIR));
  } catch (error) {
    if (!(error instanceof IconSourceError)) throw error;
    process.stderr.write(`dist: ${ICON_SOURCE}: ${error.message}\n`);
    return 2;
  }

  const [build, pack] = planDistCommands({ projectRoot, node: process.execPath, electronDist, builderArgs: process.argv.slice(2) });
  const built = await run(build!);
  if (built !== 0) return built;
  if (electronDist.kind === 'local') process.stdout.write(`dist: using the local Electron at ${electronDist.path}\n`);
  const packed = await run(pack!);
  if (packed !== 0 && electronDist.kind === 'download') {
    process.stderr.write(
      `\ndist: electron-builder failed (exit code ${packed}). If the log above shows that it could not download Electron ` +
        `(for example "getaddrinfo ENOTFOUND github.com"), get electron-v${version}-<platform>-<arch>.zip on a machine that can ` +
        `(https://github.com/electron/electron/releases/tag/v${version}) and run again with ${ELECTRON_DIST_VARIABLE}=/path/to/that.zip.\n`,
    );
  }
  return packed;
}

runCommand('dist', main);
