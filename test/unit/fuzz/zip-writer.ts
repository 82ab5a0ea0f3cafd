/**
 * A zip writer that does what it is told, for building hostile archives: any entry name (empty, `../x`,
 * repeated), any declared size, any flags or method, data that is not what the header says. fflate's own
 * writers refuse or correct most of these, which is right for them and useless for fuzzing a reader.
 */
import { deflateSync } from 'fflate';

export interface ZipEntrySpec {
  name: string;
  /** The entry's content before compression. */
  data: Uint8Array;
  /** 0 stored, 8 deflated (default), or any other number to claim a method. */
  method?: number;
  /** Compressed bytes to store instead of compressing `data` (a bomb, a broken stream). */
  compressed?: Uint8Array;
  /** Uncompressed size to declare instead of data.length. */
  declaredSize?: number;
  /** Compressed size to declare instead of the stored bytes' length. */
  declaredCompressedSize?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** Local header offset to declare instead of the real one. */
  declaredOffset?: number;
}

export interface ZipSpec {
  entries: ZipEntrySpec[];
  comment?: Uint8Array;
  /** Entry count to declare in the end record instead of entries.length. */
  declaredCount?: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

class ByteSink {
  private chunks: Uint8Array[] = [];
  length = 0;

  bytes(data: Uint8Array): void {
    this.chunks.push(data);
    this.length += data.length;
  }

  u16(value: number): void {
    this.bytes(new Uint8Array([value & 0xff, (value >>> 8) & 0xff]));
  }

  u32(value: number): void {
    this.bytes(new Uint8Array([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]));
  }

  joined(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

// 2025-03-07 12:00 in DOS time and date.
const DOS_TIME = (12 << 11) | (0 << 5);
const DOS_DATE = ((2025 - 1980) << 9) | (3 << 5) | 7;

/** The archive `spec` describes, byte for byte. */
export function writeZip(spec: ZipSpec): Uint8Array {
  const sink = new ByteSink();
  const directory = new ByteSink();
  for (const entry of spec.entries) {
    const name = new TextEncoder().encode(entry.name);
    const method = entry.method ?? 8;
    const stored = entry.compressed ?? (method === 8 ? deflateSync(entry.data) : entry.data);
    const crc = crc32(entry.data);
    const offset = sink.length;
    const header = (target: ByteSink): void => {
      target.u16(20);
      target.u16(entry.flags ?? 0x800);
      target.u16(method);
      target.u16(DOS_TIME);
      target.u16(DOS_DATE);
      target.u32(crc);
      target.u32(entry.declaredCompressedSize ?? stored.length);
      target.u32(entry.declaredSize ?? entry.data.length);
      target.u16(name.length);
      target.u16(0);
    };
    sink.u32(0x04034b50);
    header(sink);
    sink.bytes(name);
    sink.bytes(stored);

    directory.u32(0x02014b50);
    directory.u16(20);
    header(directory);
    directory.u16(0); // comment length
    directory.u16(0); // disk
    directory.u16(0); // internal attributes
    directory.u32(0); // external attributes
    directory.u32(entry.declaredOffset ?? offset);
    directory.bytes(name);
  }
  const directoryOffset = sink.length;
  const directoryBytes = directory.joined();
  sink.bytes(directoryBytes);
  const count = spec.declaredCount ?? spec.entries.length;
  const comment = spec.comment ?? new Uint8Array(0);
  sink.u32(0x06054b50);
  sink.u16(0);
  sink.u16(0);
  sink.u16(count);
  sink.u16(count);
  sink.u32(directoryBytes.length);
  sink.u32(directoryOffset);
  sink.u16(comment.length);
  sink.bytes(comment);
  return sink.joined();
}
