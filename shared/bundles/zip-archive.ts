/**
 * Reading a zip archive that may be hostile. The central directory is read and checked (entry count, names,
 * declared sizes) before a single byte is inflated; inflation then stops as soon as an entry produces more
 * than it declared. fflate does the inflating; the directory walk is ours because fflate's `unzip`
 * inflates into a buffer of the declared size and keeps decoding past its end (dropping the output, but
 * spending the CPU), and its asynchronous variant starts workers, which a bundle import in a worker
 * or under the renderer's policy should not depend on.
 */
import { Inflate } from 'fflate';
import { BundleError, NOTHING_IMPORTED } from './bundle-error';

export interface ZipLimits {
  /** Size of the archive file itself. */
  maxArchiveBytes: number;
  /** Number of entries in the central directory. */
  maxEntries: number;
  /** Sum of the unpacked sizes of all entries, as declared and as actually inflated. */
  maxUnpackedBytes: number;
}

export const MIB = 1024 * 1024;

/**
 * Generous for real libraries (a million annotations pack to a few hundred megabytes) and small enough that
 * opening a hostile file cannot exhaust a laptop's memory.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 500 * MIB,
  maxEntries: 64,
  maxUnpackedBytes: 1024 * MIB,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused while listing. */
  method: number;
  compressedSize: number;
  /** As the central directory declares it; inflation is held to it. */
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
// Inflating in small slices bounds how much one slice can expand (deflate tops out near 1:1032), so a
// bomb is caught within about 64 MiB of output rather than after the whole stream.
const INFLATE_SLICE = 64 * 1024;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** A size as people say it: "4 KB", "500 MB" (rounded up, so a file just over a limit never reads as equal). */
function sizeInWords(bytes: number): string {
  if (bytes < MIB) return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
  return `${Math.ceil(bytes / MIB).toLocaleString('en-US')} MB`;
}

function notAZip(detail: string): BundleError {
  return new BundleError(
    'not-a-zip',
    `This file is not a Crosscheck bundle: ${detail}. ${NOTHING_IMPORTED} Choose a .crosscheck file exported from Crosscheck; if it came by e-mail or chat, download it again.`,
  );
}

/** The error for an archive file over the size limit (callers may check the size before reading the file). */
export function archiveTooLarge(size: number, limits: ZipLimits = DEFAULT_ZIP_LIMITS): BundleError {
  return new BundleError(
    'too-large',
    `This bundle is ${sizeInWords(size)}; Crosscheck opens bundles up to ${sizeInWords(limits.maxArchiveBytes)}. ${NOTHING_IMPORTED} Ask the sender to export fewer documents per bundle.`,
  );
}

/** Why a name is unsafe to use as a path, or undefined when it is fine. */
export function unsafeEntryName(name: string): string | undefined {
  if (name.length === 0) return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'uses backslashes in its path';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').some((segment) => segment === '..')) return 'climbs out of the archive with “..”';
  return undefined;
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const last = bytes.length - END_RECORD_LENGTH;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let at = last; at >= first; at--) {
    if (u32(bytes, at) === END_OF_DIRECTORY && at + END_RECORD_LENGTH + u16(bytes, at + 20) === bytes.length) return at;
  }
  return -1;
}

/**
 * Lists the entries of a zip archive from its central directory, refusing archives that are too big,
 * have too many entries, declare too much unpacked data, or have unsafe or repeated names.
 */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (bytes.length > limits.maxArchiveBytes) throw archiveTooLarge(bytes.length, limits);
  if (bytes.length < END_RECORD_LENGTH) throw notAZip('it is too short to be a zip archive');
  const end = findEndOfDirectory(bytes);
  if (end === -1) throw notAZip('it is not a zip archive');

  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0 || u16(bytes, end + 8) !== count) {
    throw notAZip('it is one part of a split (multi-volume) archive');
  }
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new BundleError(
      'too-large',
      `This archive uses the ZIP64 extension for very large archives, which a Crosscheck bundle never needs. ${NOTHING_IMPORTED} Export the bundle again from Crosscheck.`,
    );
  }
  if (count > limits.maxEntries) {
    throw new BundleError(
      'too-large',
      `This archive has ${count.toLocaleString('en-US')} entries; a Crosscheck bundle has fewer than ${limits.maxEntries}. ${NOTHING_IMPORTED} It is not a bundle made by Crosscheck; do not open it.`,
    );
  }
  if (directoryOffset + directorySize > end) throw notAZip('its table of contents is damaged');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let at = directoryOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== DIRECTORY_ENTRY) throw notAZip('its table of contents is damaged');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localHeaderOffset = u32(bytes, at + 42);
    if (at + 46 + nameLength > end) throw notAZip('its table of contents is damaged');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    const unsafe = unsafeEntryName(name);
    if (unsafe) {
      throw new BundleError(
        'unsafe-entry',
        `This archive has an entry that ${unsafe} (“${name.replace(/\0/g, '\\0')}”). Crosscheck bundles never do; the file may have been made to harm your computer. ${NOTHING_IMPORTED} Delete it and ask the sender to export the bundle again.`,
      );
    }
    if (names.has(name)) {
      throw new BundleError(
        'unsafe-entry',
        `This archive has two entries named “${name}”, so it is unclear which one to read. ${NOTHING_IMPORTED} Ask the sender to export the bundle again from Crosscheck.`,
      );
    }
    names.add(name);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw new BundleError(
        'too-large',
        `The entry “${name}” uses the ZIP64 extension for very large files, which a Crosscheck bundle never needs. ${NOTHING_IMPORTED} Export the bundle again from Crosscheck.`,
      );
    }
    if (flags & 0x1) {
      throw new BundleError(
        'damaged',
        `The entry “${name}” is encrypted; Crosscheck bundles are not. ${NOTHING_IMPORTED} Export the bundle again without a password.`,
      );
    }
    if (method !== 0 && method !== 8) {
      throw new BundleError(
        'damaged',
        `The entry “${name}” is compressed with a method Crosscheck does not read (method ${method}). ${NOTHING_IMPORTED} Export the bundle again from Crosscheck instead of re-packing it with another program.`,
      );
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxUnpackedBytes) {
      throw new BundleError(
        'too-large',
        `This archive would unpack to more than ${sizeInWords(limits.maxUnpackedBytes)}, more than any Crosscheck library needs; it may be a “zip bomb”. ${NOTHING_IMPORTED} Do not open it; if you expected a bundle, ask the sender to export fewer documents.`,
      );
    }
    entries.push({ name, method, compressedSize, size, localHeaderOffset });
  }
  return entries;
}

/**
 * Inflates one entry, holding it to its declared size (which listZipEntries checked against the limits).
 * `onBytes` is told how many bytes of output exist so far.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, onBytes?: (done: number) => void): Uint8Array<ArrayBuffer> {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || u32(bytes, header) !== LOCAL_HEADER) {
    throw new BundleError('damaged', `The entry “${entry.name}” cannot be found where the archive says it is. ${NOTHING_IMPORTED} The file is damaged; ask the sender for it again.`);
  }
  const dataStart = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) {
    throw new BundleError('damaged', `The entry “${entry.name}” is cut short: the file ends before it does. ${NOTHING_IMPORTED} The download was probably incomplete; get the file again.`);
  }
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) {
      throw new BundleError('damaged', `The entry “${entry.name}” does not have the size the archive declares. ${NOTHING_IMPORTED} The file is damaged; ask the sender for it again.`);
    }
    onBytes?.(entry.size);
    return data.slice();
  }

  const output = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > output.length) {
      throw new BundleError(
        'too-large',
        `The entry “${entry.name}” unpacks to more than the ${entry.size.toLocaleString('en-US')} bytes it declares; the archive may be a “zip bomb”. ${NOTHING_IMPORTED} Do not open it; ask the sender to export the bundle again.`,
      );
    }
    output.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_SLICE) {
      const end = Math.min(data.length, at + INFLATE_SLICE);
      inflater.push(data.subarray(at, end), end === data.length);
      onBytes?.(written);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('damaged', `The entry “${entry.name}” cannot be unpacked: its compressed data is damaged. ${NOTHING_IMPORTED} Ask the sender for the file again.`);
  }
  if (written !== entry.size) {
    throw new BundleError('damaged', `The entry “${entry.name}” unpacks to fewer bytes than the archive declares. ${NOTHING_IMPORTED} The file is damaged; ask the sender for it again.`);
  }
  return output;
}
