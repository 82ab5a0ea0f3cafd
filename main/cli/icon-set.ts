/**
 * The app's icons, all drawn from one SVG (resources/icon.svg): a PNG per size for Linux, a 1024 px PNG that
 * electron-builder turns into the macOS .icns, and a Windows .ico holding every size Windows asks for.
 * Each size is rendered from the vector, not scaled down from a big bitmap, so small icons stay sharp.
 * `npm run icons` (make-icons.ts) writes them; electron-builder.yml points at the paths below.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

/** The one drawing every icon comes from, relative to the project root. */
export const ICON_SOURCE = 'resources/icon.svg';
/** Where `npm run icons` writes, relative to the project root; electron-builder.yml points inside it. */
export const ICON_OUT_DIR = 'build/icons';

/** Sizes of the Linux set; electron-builder installs each as hicolor/NxN/apps/crosscheck.png. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Sizes inside the .ico: the small ones for lists and title bars, 256 for large views and the installer. */
export const WINDOWS_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** electron-builder converts a PNG of at least 512 px into the .icns; 1024 covers the 512@2x slot. */
export const MAC_ICON_SIZE = 1024;

/** Where the icons go inside the output folder (build/icons for `npm run icons`). */
export const ICON_LAYOUT = {
  linuxDir: 'linux',
  macPng: path.join('mac', 'icon.png'),
  windowsIco: path.join('win', 'icon.ico'),
} as const;

/** The file name electron-builder expects for each PNG of a Linux icon folder. */
export function linuxIconName(size: number): string {
  return `${size}x${size}.png`;
}

/** A problem with the source SVG, worded for the person who drew it. */
export class IconSourceError extends Error {
  override name = 'IconSourceError';
}

/** Renders `svg` as a `size`×`size` PNG. Refuses an SVG that does not parse or is not square. */
export function renderIconPng(svg: string | Uint8Array, size: number): Uint8Array {
  let rendered;
  try {
    // No system fonts: the icon has no text, and loading them would make the output depend on the machine.
    rendered = new Resvg(Buffer.from(svg), { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IconSourceError(`The icon is not an SVG Crosscheck can draw (${reason}). Check that it is a complete <svg> document.`);
  }
  if (rendered.width !== rendered.height) {
    throw new IconSourceError(
      `The icon must be square, but at ${size} px wide it is ${rendered.height} px high. Give the <svg> a square viewBox.`,
    );
  }
  return new Uint8Array(rendered.asPng());
}

export interface WrittenIcons {
  /** Folder of NxN.png files (electron-builder `linux.icon`). */
  linuxDir: string;
  /** 1024 px PNG (electron-builder `mac.icon`). */
  macPng: string;
  /** Multi-size icon (electron-builder `win.icon`). */
  windowsIco: string;
  /** Every file written, absolute. */
  files: string[];
}

/** Renders the whole set from `svg` into `outDir`, creating folders as needed; existing files are replaced. */
export async function writeIconSet(svg: string | Uint8Array, outDir: string): Promise<WrittenIcons> {
  const sizes = [...new Set<number>([...LINUX_ICON_SIZES, ...WINDOWS_ICON_SIZES, MAC_ICON_SIZE])];
  const pngs = new Map(sizes.map((size) => [size, renderIconPng(svg, size)]));
  const png = (size: number) => Buffer.from(pngs.get(size)!);

  const linuxDir = path.join(outDir, ICON_LAYOUT.linuxDir);
  const macPng = path.join(outDir, ICON_LAYOUT.macPng);
  const windowsIco = path.join(outDir, ICON_LAYOUT.windowsIco);
  await Promise.all([linuxDir, path.dirname(macPng), path.dirname(windowsIco)].map((dir) => mkdir(dir, { recursive: true })));

  const files: string[] = [];
  for (const size of LINUX_ICON_SIZES) {
    const file = path.join(linuxDir, linuxIconName(size));
    await writeFile(file, png(size));
    files.push(file);
  }
  await writeFile(macPng, png(MAC_ICON_SIZE));
  files.push(macPng);
  await writeFile(windowsIco, await pngToIco(WINDOWS_ICON_SIZES.map(png)));
  files.push(windowsIco);
  return { linuxDir, macPng, windowsIco, files };
}
