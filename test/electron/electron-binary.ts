/**
 * Finds the Electron binary the `electron` package points to. The package installs without its binary where
 * GitHub cannot be reached (ELECTRON_SKIP_BINARY_DOWNLOAD), and then `require('electron')` throws.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  let binary: unknown;
  try {
    binary = require('electron');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { found: false, reason: `the Electron binary is not installed (require('electron') failed: ${detail})` };
  }
  if (typeof binary !== 'string') return { found: false, reason: 'the electron package did not return a binary path' };
  if (!existsSync(binary)) return { found: false, reason: `the Electron binary is not installed (${binary} does not exist)` };
  return { found: true, path: binary };
}
