/**
 * `npm run icons`, run as users run it, into a temporary folder. The files are read back with small parsers
 * written here (PNG signature and IHDR, ICO directory, the BMP inside the ICO), not with the libraries that
 * wrote them, so a wrong size, a blank image or a broken directory fails the test.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINUX_ICON_SIZES, MAC_ICON_SIZE, WINDOWS_ICON_SIZES } from '../../../main/cli/icon-set';
import { runCli, type CliResult } from '../cli/run-cli';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  endsWithIend: boolean;
}

/** Reads a PNG's signature and IHDR chunk (always the first chunk), and checks the last chunk is IEND. */
function readPngHeader(bytes: Buffer): PngHeader {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.readUInt32BE(8)).toBe(13);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24]!,
    colourType: bytes[25]!,
    endsWithIend: bytes.toString('latin1', bytes.length - 8, bytes.length - 4) === 'IEND',
  };
}

interface IcoEntry {
  size: number;
  bitsPerPixel: number;
  bytes: Buffer;
}

/** Reads an ICO's header and directory (6 + 16 bytes per image) and slices out each image's data. */
function readIco(bytes: Buffer): IcoEntry[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let index = 0; index < count; index++) {
    const at = 6 + index * 16;
    const width = bytes[at]! || 256;
    const height = bytes[at + 1]! || 256;
    expect(height).toBe(width);
    const length = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    expect(offset + length).toBeLessThanOrEqual(bytes.length);
    entries.push({ size: width, bitsPerPixel: bytes.readUInt16LE(at + 6), bytes: bytes.subarray(offset, offset + length) });
  }
  return entries;
}

/** One pixel of a 32-bit BMP stored in an ICO (bottom-up rows, BGRA), as #rrggbb and alpha. */
function bmpPixel(entry: IcoEntry, x: number, y: number): { colour: string; alpha: number } {
  const headerSize = entry.bytes.readUInt32LE(0);
  const at = headerSize + ((entry.size - 1 - y) * entry.size + x) * 4;
  const [b, g, r, a] = [...entry.bytes.subarray(at, at + 4)];
  const hex = (value: number | undefined) => (value ?? 0).toString(16).padStart(2, '0');
  return { colour: `#${hex(r)}${hex(g)}${hex(b)}`, alpha: a ?? 0 };
}

let out: string;
let result: CliResult;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'crosscheck-icons-'));
  result = runCli('make-icons.ts', ['--out', path.join(out, 'icons')]);
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run icons', () => {
  it('reports the three platform sets and exits 0', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^icons: 10 files from resources\/icon\.svg: Linux .*linux\/, macOS .*mac\/icon\.png, Windows .*win\/icon\.ico$/m);
  });

  it('writes a Linux folder of NxN.png files, each a real RGBA PNG of that size', () => {
    const folder = path.join(out, 'icons', 'linux');
    expect(readdirSync(folder).sort()).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_ICON_SIZES) {
      const header = readPngHeader(readFileSync(path.join(folder, `${size}x${size}.png`)));
      expect(header, `${size}x${size}.png`).toEqual({ width: size, height: size, bitDepth: 8, colourType: 6, endsWithIend: true });
    }
  });

  it('writes a 1024 px PNG for macOS', () => {
    const header = readPngHeader(readFileSync(path.join(out, 'icons', 'mac', 'icon.png')));
    expect([header.width, header.height]).toEqual([MAC_ICON_SIZE, MAC_ICON_SIZE]);
  });

  it('writes a Windows .ico holding 16, 24, 32, 48, 64, 128 and 256 px images', () => {
    const entries = readIco(readFileSync(path.join(out, 'icons', 'win', 'icon.ico')));
    expect(entries.map((entry) => entry.size)).toEqual([...WINDOWS_ICON_SIZES]);
    for (const entry of entries) {
      expect(entry.bitsPerPixel).toBe(32);
      // Each image is a BMP (40-byte header, height doubled for the AND mask) or an embedded PNG.
      if (entry.bytes.readUInt32LE(0) === 40) {
        expect(entry.bytes.readInt32LE(4)).toBe(entry.size);
        expect(entry.bytes.readInt32LE(8)).toBe(entry.size * 2);
      } else {
        expect(readPngHeader(entry.bytes).width).toBe(entry.size);
      }
    }
  });

  it('draws the SVG: transparent rounded corners, the blue tile, a white line of text', () => {
    const large = readIco(readFileSync(path.join(out, 'icons', 'win', 'icon.ico'))).find((entry) => entry.size === 256)!;
    expect(large.bytes.readUInt32LE(0)).toBe(40);
    expect(bmpPixel(large, 0, 0).alpha).toBe(0);
    expect(bmpPixel(large, 255, 255).alpha).toBe(0);
    // resources/icon.svg at half scale: the tile is #1f5fae; the first white bar spans x 48–160 at y 60–80.
    expect(bmpPixel(large, 20, 128)).toEqual({ colour: '#1f5fae', alpha: 255 });
    expect(bmpPixel(large, 100, 70)).toEqual({ colour: '#ffffff', alpha: 255 });
  });
});

describe('npm run icons with a bad source', () => {
  it('refuses an SVG that is not square, saying so, and writes nothing', () => {
    const svg = path.join(out, 'wide.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10"/></svg>');
    const failed = runCli('make-icons.ts', ['--svg', svg, '--out', path.join(out, 'wide')]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('The icon must be square');
    expect(existsSync(path.join(out, 'wide'))).toBe(false);
  }, 60_000);

  it('names a missing SVG', () => {
    const failed = runCli('make-icons.ts', ['--svg', path.join(out, 'missing.svg'), '--out', path.join(out, 'missing')]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/cannot read .*missing\.svg: no such file/);
  }, 60_000);
});
