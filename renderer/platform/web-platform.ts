/**
 * The Platform in a plain browser: a file input to choose files, a download to save them. A browser gives the
 * app no folder of its own, so there are no automatic backups and no restore list: a backup is a download.
 */
import { BUNDLE_EXTENSION } from '../../shared/bundles/bundle-format';
import { DEFAULT_ZIP_LIMITS, archiveTooLarge } from '../../shared/bundles/zip-archive';
import { SUPPORTED_EXTENSIONS } from '../../shared/importers/source-document';
import type { Platform } from './platform';

async function pickFiles(accept: string): Promise<File[]> {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = accept;
  input.hidden = true;
  document.body.append(input);
  try {
    return await new Promise<File[]>((resolve) => {
      input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
      input.addEventListener('cancel', () => resolve([]), { once: true });
      input.click();
    });
  } finally {
    input.remove();
  }
}

function download(name: string, data: string | Uint8Array): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `crosscheck-backup-2025-03-07-1430.crosscheck`, in the user's local time (it is their file). */
function backupDownloadName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `crosscheck-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${BUNDLE_EXTENSION}`;
}

const NO_BACKUP_FOLDER = 'The browser version of Crosscheck has no backups folder: use Back up now to save a backup, and Import bundle… to read one back.';

export function createWebPlatform(version: string): Platform {
  return {
    capabilities: { backupFolder: false },
    chooseSourceFiles: async () => {
      const files = await pickFiles(SUPPORTED_EXTENSIONS.map((ext) => `.${ext}`).join(','));
      return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    },
    chooseBundleFiles: async () => {
      const files = await pickFiles(BUNDLE_EXTENSION);
      // Sizes first: a file too large to open is refused before any file is read into memory.
      const tooLarge = files.find((file) => file.size > DEFAULT_ZIP_LIMITS.maxArchiveBytes);
      if (tooLarge) throw new Error(`“${tooLarge.name}”: ${archiveTooLarge(tooLarge.size).message}`);
      return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    },
    saveFile: async ({ suggestedName, data }) => {
      download(suggestedName, data);
      return true;
    },
    appInfo: async () => ({ name: 'Crosscheck', version, platform: 'web' }),
    openExternal: async (url) => {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('Only web links can be opened.');
      window.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    onMenuCommand: () => () => undefined,
    writeBackup: async (reason, bytes) => {
      if (reason !== 'manual') throw new Error(NO_BACKUP_FOLDER);
      const name = backupDownloadName();
      download(name, bytes);
      return { place: 'saved-file', name };
    },
    listBackups: () => Promise.reject(new Error(NO_BACKUP_FOLDER)),
    readBackup: () => Promise.reject(new Error(NO_BACKUP_FOLDER)),
    // A page cannot hold its tab open for asynchronous work; the library is in IndexedDB either way.
    beforeClosing: () => () => undefined,
    // Nothing opens files with a web page.
    onBundlesOpened: () => () => undefined,
  };
}
