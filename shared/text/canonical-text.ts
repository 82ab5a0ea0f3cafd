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

/**
 * Splits plain text into paragraphs. Blank lines separate paragraphs and hard-wrapped lines inside one are
 * joined; text without any blank line is taken as one paragraph per line (how most pasted articles come).
 */
export function splitPlainParagraphs(raw: string): string[] {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
  const lines = text.split('\n').map(foldLine);
  const hasBlankLine = lines.some((line, i) => line === '' && i > 0 && i < lines.length - 1);
  if (!hasBlankLine) return lines.filter((line) => line !== '');
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
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
