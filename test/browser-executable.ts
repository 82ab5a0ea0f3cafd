/**
 * Which Chromium the tests drive: $CROSSCHECK_CHROMIUM if set, else a system Chromium when one is installed
 * (Debian's /usr/bin/chromium on CI), else undefined so that Playwright uses its own download.
 */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string | undefined {
  const named = process.env.CROSSCHECK_CHROMIUM;
  if (named) {
    if (!existsSync(named)) throw new Error(`CROSSCHECK_CHROMIUM points to ${named}, which does not exist.`);
    return named;
  }
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path));
}

/** Flags for running as root in a container, with no traffic to Google's services. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
