/**
 * `npm run icons [-- --svg FILE] [--out DIR]`: draws the installer icons from resources/icon.svg into
 * build/icons (not committed; `npm run dist` runs this first). See icon-set.ts for what is written.
 * Exit codes: 0 written, 2 bad arguments or an SVG that cannot be read or drawn.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICON_OUT_DIR, ICON_SOURCE, IconSourceError, writeIconSet } from './icon-set';
import { runCommand } from './run-command';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_ICON_SVG = path.join(projectRoot, ICON_SOURCE);
const DEFAULT_ICON_OUT_DIR = path.join(projectRoot, ICON_OUT_DIR);

const USAGE = 'usage: icons [--svg FILE] [--out DIR]';

function parseArguments(args: readonly string[]): { svg: string; out: string } | undefined {
  let svg = DEFAULT_ICON_SVG;
  let out = DEFAULT_ICON_OUT_DIR;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') continue;
    const value = args[i + 1];
    if ((arg !== '--svg' && arg !== '--out') || value === undefined || value.startsWith('-')) return undefined;
    if (arg === '--svg') svg = path.resolve(value);
    else out = path.resolve(value);
    i++;
  }
  return { svg, out };
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (!parsed) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let svg: Uint8Array;
  try {
    svg = await readFile(parsed.svg);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    process.stderr.write(`icons: cannot read ${parsed.svg}: ${reason}\n`);
    return 2;
  }
  try {
    const written = await writeIconSet(svg, parsed.out);
    const shown = (file: string) => path.relative(process.cwd(), file) || '.';
    process.stdout.write(
      `icons: ${written.files.length} files from ${shown(parsed.svg)}: ` +
        `Linux ${shown(written.linuxDir)}/, macOS ${shown(written.macPng)}, Windows ${shown(written.windowsIco)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof IconSourceError) {
      process.stderr.write(`icons: ${parsed.svg}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

runCommand('icons', main, 2);
