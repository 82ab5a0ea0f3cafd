/**
 * NDJSON parts: one JSON record per line, UTF-8, `\n` after every record. Encoded and decoded a block
 * of lines at a time, so no single string ever holds a whole part (see bundle-format.ts for why).
 */
import { BundleError, NOTHING_IMPORTED } from './bundle-error';

const BLOCK_CHARS = 1 << 20;
const BLOCK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/** The UTF-8 bytes of `records`, one JSON line each. */
export function encodeNdjson(records: readonly unknown[], onRecord?: (done: number) => void): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const blocks: Uint8Array[] = [];
  let lines: string[] = [];
  let chars = 0;
  let total = 0;
  const flush = (): void => {
    if (lines.length === 0) return;
    const block = encoder.encode(lines.join(''));
    blocks.push(block);
    total += block.length;
    lines = [];
    chars = 0;
  };
  records.forEach((record, index) => {
    const line = `${JSON.stringify(record)}\n`;
    lines.push(line);
    chars += line.length;
    if (chars >= BLOCK_CHARS) {
      flush();
      onRecord?.(index + 1);
    }
  });
  flush();
  onRecord?.(records.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

export interface NdjsonLine {
  /** 1-based, for messages. */
  line: number;
  text: string;
}

/** Calls `each` with every non-empty line of a part; throws when the bytes are not UTF-8. */
export function forEachNdjsonLine(bytes: Uint8Array, file: string, each: (line: NdjsonLine) => void): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 0;
  let start = 0;
  while (start < bytes.length) {
    // A block ends just after a newline, so no line and no UTF-8 sequence is cut in two.
    let end = Math.min(bytes.length, start + BLOCK_BYTES);
    while (end < bytes.length && bytes[end - 1] !== NEWLINE) end++;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      throw new BundleError('damaged', `“${file}” is not UTF-8 text. ${NOTHING_IMPORTED} The bundle was altered by another program; ask the sender to export it again from Crosscheck.`);
    }
    const lines = text.split('\n');
    // The block's text ends with "\n" (or is the end of the part), so the last piece is the unfinished rest.
    const last = lines.pop() ?? '';
    for (const piece of lines) {
      line++;
      if (piece.trim() !== '') each({ line, text: piece });
    }
    if (last.trim() !== '') each({ line: ++line, text: last });
    start = end;
  }
}
