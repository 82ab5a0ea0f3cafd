/** The Platform in a plain browser: a file input to choose files, a download to save them. */
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

export function createWebPlatform(version: string): Platform {
  return {
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
      const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)]);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
    appInfo: async () => ({ name: 'Crosscheck', version, platform: 'web' }),
    openExternal: async (url) => {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('Only web links can be opened.');
      window.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    onMenuCommand: () => () => undefined,
  };
}
