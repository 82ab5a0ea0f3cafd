/**
 * Bundles the operating system asks Crosscheck to open: from the command line at first launch and from a
 * second launch (Windows and Linux put the file in argv), and from macOS's 'open-file' event, which can come
 * before the window exists. Paths wait in a queue until the renderer takes them.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLE_EXTENSION = '.crosscheck';

export function isBundlePath(filePath: string): boolean {
  return filePath.toLowerCase().endsWith(BUNDLE_EXTENSION);
}

/**
 * The argument as a path, or undefined when it is not one. Linux desktop entries written by
 * electron-builder pass files as `%U`, which file managers fill with file:// URLs.
 */
function argumentAsPath(argument: string, cwd: string): string | undefined {
  if (argument.startsWith('file://')) {
    try {
      return fileURLToPath(argument);
    } catch {
      return undefined;
    }
  }
  // Any other URL scheme (http:, or a Windows drive letter is one letter, so c:\ stays a path).
  if (/^[a-z][a-z0-9+.-]+:/i.test(argument)) return undefined;
  return path.resolve(cwd, argument);
}

/**
 * The `.crosscheck` files named on a command line. `argv` is process.argv at launch or the argv of the
 * 'second-instance' event. The first entry (the executable) is skipped, and so is every switch: Chromium
 * adds its own (`--original-process-start-time=…`, `--allow-file-access-from-files`) and may reorder them.
 * An unpackaged run's app path (`.` in `electron .`) is not a bundle name, so it falls out with the rest.
 * Relative names are resolved against `cwd` (the second instance's working folder for 'second-instance');
 * only files that exist are returned, each once.
 */
export async function bundlePathsFromArgv(argv: readonly string[], cwd: string): Promise<string[]> {
  const candidates = argv
    .slice(1)
    .filter((argument) => argument !== '' && !argument.startsWith('-'))
    .map((argument) => argumentAsPath(argument, cwd))
    .filter((candidate): candidate is string => candidate !== undefined && isBundlePath(candidate));
  const found: string[] = [];
  for (const candidate of new Set(candidates)) {
    try {
      if ((await stat(candidate)).isFile()) found.push(candidate);
    } catch {
      // A name that is not a file (a typo, a file deleted since) is not something to open.
    }
  }
  return found;
}

/**
 * Paths waiting for the renderer. A path asked for twice before it is taken is opened once; a path asked for
 * again after it was taken is queued again (the person opened the file again).
 */
export class OpenedBundleQueue {
  private readonly waiting: string[] = [];

  /** Queues the bundle paths among `paths`; returns whether anything new is waiting. */
  add(paths: Iterable<string>): boolean {
    let added = false;
    for (const filePath of paths) {
      if (!isBundlePath(filePath) || this.waiting.includes(filePath)) continue;
      this.waiting.push(filePath);
      added = true;
    }
    return added;
  }

  /** Everything waiting, in the order it arrived; the queue is empty afterwards. */
  take(): string[] {
    return this.waiting.splice(0);
  }

  get size(): number {
    return this.waiting.length;
  }
}
