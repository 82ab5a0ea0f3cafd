/**
 * Canonical text: the one form of a document's text that every offset points into.
 * NFC, `\n` line ends, spaces folded within a line, paragraphs separated by exactly one blank line.
 */

/** A paragraph of canonical text, as a half-open range of offsets. */
export interface ParagraphRange {
  start: number;
  end: number;
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** Folds horizontal white space (tabs, no-break spaces, runs of spaces) to one space and trims. */
function foldLine(line: string): string {
  return line.replace(/[\t\f\v \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
}

/**
 * Builds canonical text from paragraphs that the importers produced; empty paragraphs are dropped and
 * line breaks inside a paragraph become spaces.
 */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => foldLine(p.normalize('NFC').replace(/[\r\n\u2028\u2029]+/g, ' ')))
    .filter((p) => p.length > 0)
    .join(PARAGRAPH_SEPARATOR);
}

// A block whose lines are all this long (but the last) reads as prose wrapped at a fixed width.
const WRAPPED_LINE_MIN = 40;

/** Lines of one block: joined when they look hard-wrapped, else each its own paragraph (a header block). */
function blockParagraphs(lines: string[]): string[] {
  if (lines.length < 2) return lines;
  const longest = Math.max(...lines.map((line) => line.length));
  const wrapped = lines.slice(0, -1).every((line) => line.length >= WRAPPED_LINE_MIN && line.length >= longest * 0.6);
  return wrapped ? [lines.join(' ')] : lines;
}

/**
 * Splits plain text into paragraphs. Blank lines separate blocks; a block of hard-wrapped prose becomes one
 * paragraph, a block of short lines (title, outlet, date) one paragraph per line. Text without any blank
 * line is taken as one paragraph per line, which is how most pasted articles come.
 */
export function splitPlainParagraphs(raw: string): string[] {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
  const lines = text.split('\n').map(foldLine);
  const paragraphs: string[] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line === '') {
      paragraphs.push(...blockParagraphs(block));
      block = [];
    } else {
      block.push(line);
    }
  }
  paragraphs.push(...blockParagraphs(block));
  return paragraphs;
}

/** Canonical text from plain text. */
export function canonicalizePlainText(raw: string): string {
  return joinParagraphs(splitPlainParagraphs(raw.normalize('NFC')));
}

/** The paragraph ranges of canonical text, in order. */
export function paragraphRanges(text: string): ParagraphRange[] {
  const ranges: ParagraphRange[] = [];
  let start = 0;
  while (start <= text.length) {
    const next = text.indexOf(PARAGRAPH_SEPARATOR, start);
    const end = next === -1 ? text.length : next;
    if (end > start) ranges.push({ start, end });
    if (next === -1) break;
    start = next + PARAGRAPH_SEPARATOR.length;
  }
  return ranges;
}
