/**
 * `npm run import-check -- BUNDLE`: checks a .crosscheck bundle exactly as the app does before importing
 * it, and prints what it holds (who made it, counts, names) or what is wrong with it.
 * Exit codes: 0 the bundle can be imported, 2 it cannot (or bad arguments / unreadable file).
 */
import { readFile, stat } from 'node:fs/promises';
import { BundleError } from '../../shared/bundles/bundle-error';
import { describeBundle } from '../../shared/bundles/bundle-report';
import { readBundle } from '../../shared/bundles/read-bundle';
import { archiveTooLarge, DEFAULT_ZIP_LIMITS } from '../../shared/bundles/zip-archive';
import { runCommand } from './run-command';

const USAGE = 'usage: import-check BUNDLE';

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const path = args[0]!;
  let bytes: Uint8Array;
  try {
    // An oversized file is refused before it is read into memory.
    const size = (await stat(path)).size;
    if (size > DEFAULT_ZIP_LIMITS.maxArchiveBytes) {
      process.stderr.write(`import-check: ${path} cannot be imported.\n${archiveTooLarge(size).message}\n`);
      return 2;
    }
    bytes = await readFile(path);
  } catch (error) {
    process.stderr.write(`import-check: cannot read ${path}: ${reason(error)}\n`);
    return 2;
  }
  try {
    const bundle = await readBundle(bytes);
    process.stdout.write(`${path}: can be imported.\n${describeBundle(bundle)}`);
    return 0;
  } catch (error) {
    if (error instanceof BundleError) {
      process.stderr.write(`import-check: ${path} cannot be imported.\n${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

runCommand('import-check', main);
