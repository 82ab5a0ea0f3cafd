/**
 * Bytes of a text file to a string. Articles arrive as UTF-8 (with or without a byte-order mark), as UTF-16
 * from Windows tools, or as Windows-1252 from older ones; only binary data is refused.
 */
import { ImportError } from './document-draft';

// How much of a file the binary check reads: enough to see a format's header and some of its body.
const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-16 without a byte-order mark shows as a zero byte beside nearly every ASCII character, on the same
 * side (odd offsets for little-endian). Binary data has zeros too, but scattered.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** C0 controls that no text file holds: all but tab, line feed, vertical tab, form feed, carriage return and escape. */
function isStrayControl(code: number): boolean {
  return (code < 0x20 && !(code >= 0x09 && code <= 0x0d) && code !== 0x1b) || code === 0x7f;
}

/** A NUL, or more than a few stray control characters: binary data, not text in some other encoding. */
function isBinaryJunk(text: string): boolean {
  const length = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if (isStrayControl(code)) controls++;
  }
  return controls > Math.max(2, length * 0.01);
}

function notText(name: string): ImportError {
  return new ImportError(`“${name}” is not UTF-8 text. Save it with UTF-8 encoding (Save As… → Encoding: UTF-8) and import it again.`);
}

/** The encoding a byte-order mark names, if the bytes open with one. */
function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

// Windows-1252's characters for bytes 0x80–0x9F, where it differs from Latin-1 (the five bytes it leaves
// undefined keep their C1 code points, as the Encoding Standard says).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// The labels the Encoding Standard maps to windows-1252 (Latin-1 and ASCII among them, as browsers read them).
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

/**
 * Windows-1252 text with its 0x80–0x9F range right: Node 20's TextDecoder takes the label but decodes
 * Latin-1, turning the quotes and dashes of every Word-era file into invisible control characters.
 * Browsers decode them correctly already, and the mapping leaves their output as it is.
 */
function fixWindows1252(decoded: string): string {
  return decoded.replace(/[\u0080-\u009f]/g, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80]!);
}

function decodeAs(bytes: Uint8Array, encoding: string, name: string): string {
  // The decoders drop a leading byte-order mark, so files with and without one read alike.
  const decoded = new TextDecoder(encoding).decode(bytes);
  const text = WINDOWS_1252_LABELS.has(encoding.trim().toLowerCase()) ? fixWindows1252(decoded) : decoded;
  if (isBinaryJunk(text)) throw notText(name);
  return text;
}

/**
 * Whether bytes that are not valid UTF-8 are still mostly UTF-8: more well-formed multi-byte sequences
 * than broken ones (a file stitched together from two sources). Windows-1252 text has almost no
 * well-formed sequences: "Ã©" in it is rare, where UTF-8's "é" is every accented letter.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let broken = 0;
  for (let index = 0; index < bytes.length; index++) {
    const lead = bytes[index]!;
    if (lead < 0x80) continue;
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let continuation = length > 0;
    for (let offset = 1; continuation && offset < length; offset++) continuation = ((bytes[index + offset] ?? 0) & 0xc0) === 0x80;
    if (continuation) {
      valid++;
      index += length - 1;
    } else {
      broken++;
    }
  }
  return valid > broken;
}

/**
 * Decodes a text file: a byte-order mark decides; else UTF-16 when its zero bytes show it; else UTF-8 when
 * the bytes are (mostly) valid UTF-8, the odd broken byte becoming U+FFFD; else Windows-1252 (which every
 * byte decodes in), unless the result is full of control characters, which means it is not text at all.
 */
export function decodeTextFile(bytes: Uint8Array, name: string, declared?: string): string {
  const encoding = byteOrderMark(bytes) ?? bomlessUtf16(bytes) ?? declared;
  if (encoding) return decodeAs(bytes, encoding, name);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (isBinaryJunk(text)) throw notText(name);
    return text;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    return decodeAs(bytes, mostlyUtf8(bytes) ? 'utf-8' : 'windows-1252', name);
  }
}

/** The label normalised when TextDecoder knows it; a page may declare anything. */
function knownEncoding(label: string): string | undefined {
  const normalized = label.trim().toLowerCase();
  try {
    new TextDecoder(normalized);
    return normalized;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a saved web page: its byte-order mark, else the charset its first kilobytes declare
 * (`<meta charset>` or the http-equiv Content-Type), else as any text file.
 */
export function decodeHtmlFile(bytes: Uint8Array, name: string): string {
  if (byteOrderMark(bytes) || bomlessUtf16(bytes)) return decodeTextFile(bytes, name);
  // Browsers look for the declaration in the first 1024 bytes; saved pages sometimes push it further.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  // A page that says UTF-16 but has no UTF-16 bytes was re-saved; the declaration is stale.
  const encoding = declared && !/^utf-?16/i.test(declared) ? knownEncoding(declared) : undefined;
  return decodeTextFile(bytes, name, encoding === 'utf-8' || encoding === 'utf8' ? undefined : encoding);
}
