/**
 * Paragraphs from a PDF's positioned text. A PDF has no paragraphs, only glyph runs at coordinates: runs on
 * one baseline make a line; a gap between lines wider than the usual line spacing, a change of type size or a
 * jump back up the page (a new column) starts a paragraph. Lines that repeat at the same place on most pages
 * (running headers and footers) and page numbers are dropped; words hyphenated across a line are rejoined.
 */
import type { PdfTextItem } from './import-environment';

export interface PdfPageText {
  items: readonly PdfTextItem[];
}

interface Line {
  text: string;
  x: number;
  right: number;
  /** Baseline, in page units from the bottom. */
  y: number;
  size: number;
  page: number;
}

// Runs whose baselines differ by less than this share of the type size sit on one line (superscripts,
// rounding in the file).
const SAME_LINE = 0.4;
// A gap between runs wider than this share of the type size is a space the file did not write out.
const WORD_GAP = 0.15;
// A line gap more than this many times the usual spacing (for its type size) starts a paragraph.
const PARAGRAPH_GAP = 1.3;
// Type this much larger or smaller than the line before is a heading or a caption, not the same paragraph.
const SIZE_CHANGE = 0.15;
// A line shorter than this share of the column's width, ending a sentence, ends its paragraph.
const SHORT_LINE = 0.8;
// A running header or footer is on at least this share of the pages (and on two at least).
const REPEATED_ON = 0.6;
const POSITION_TOLERANCE = 3;
// Line spacing in type sizes: common typesetting, and the range body text is set in.
const DEFAULT_LEADING = 1.2;
const MIN_LEADING = 1;
const MAX_LEADING = 1.8;
// How many lines at each edge of a page may be running headers or footers (title, date, page number).
const EDGE_LINES = 3;

const PAGE_NUMBER = /^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/|von|de|sur)\s*\d{1,4})?$/i;
const SENTENCE_END = /[.!?:;"”’»)\]]$/;
const HYPHENS = /[-\u2010\u00ad]$/;

function sizeOf(item: PdfTextItem): number {
  const [a = 0, b = 0, c = 0, d = 0] = item.transform;
  // The matrix's vertical scale is the type size; a rotated run still has it as the length of (c, d).
  return Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
}

/**
 * The page's runs grouped into lines, in the order the file writes them (which is reading order in most);
 * runs that follow each other on one baseline are one line, ordered left to right.
 */
function pageLines(page: PdfPageText, pageIndex: number): Line[] {
  const lines: Array<Line & { runs: Array<{ x: number; right: number; str: string; size: number }> }> = [];
  for (const item of page.items) {
    if (item.str.length === 0) continue;
    const size = sizeOf(item);
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const run = { x, right: x + item.width, str: item.str, size };
    const current = lines.at(-1);
    if (current && Math.abs(current.y - y) <= SAME_LINE * Math.max(size, current.size)) {
      current.runs.push(run);
      current.size = Math.max(current.size, size);
      continue;
    }
    lines.push({ text: '', x, right: run.right, y, size, page: pageIndex, runs: [run] });
  }
  return lines
    .map((line) => {
      const runs = [...line.runs].sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const run of runs) {
        const gap = run.x - end;
        if (text && gap > WORD_GAP * run.size && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
        text += run.str;
        end = Math.max(end, run.right);
      }
      return { text: text.replace(/\s+/g, ' ').trim(), x: runs[0]!.x, right: end, y: line.y, size: line.size, page: line.page };
    })
    .filter((line) => line.text.length > 0);
}

function positionKey(line: Line): string {
  // Digits vary from page to page in a running header ("Page 3", "March 4"), so they do not count.
  return `${Math.round(line.y / POSITION_TOLERANCE)}|${line.text.toLowerCase().replace(/\d+/g, '#')}`;
}

/** The lines at the top and bottom of a page, where running headers, footers and page numbers sit. */
function edgeLines(lines: readonly Line[]): Set<Line> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
}

/**
 * Drops running headers and footers (the same text at the same place near the edge of most pages) and
 * page numbers at the top or bottom of a page.
 */
function withoutPageFurniture(pages: Line[][]): Line[][] {
  const edges = pages.map(edgeLines);
  const pagesWith = new Map<string, Set<number>>();
  edges.forEach((lines, index) => {
    for (const line of lines) {
      const key = positionKey(line);
      const seen = pagesWith.get(key) ?? new Set<number>();
      seen.add(index);
      pagesWith.set(key, seen);
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length * REPEATED_ON));
  return pages.map((lines, index) => {
    if (lines.length === 0) return lines;
    const top = Math.max(...lines.map((line) => line.y));
    const bottom = Math.min(...lines.map((line) => line.y));
    return lines.filter((line) => {
      if (!edges[index]!.has(line)) return true;
      if ((pagesWith.get(positionKey(line))?.size ?? 0) >= needed) return false;
      const outermost = line.y === top || line.y === bottom;
      return !(outermost && PAGE_NUMBER.test(line.text));
    });
  });
}

/**
 * The usual distance between baselines within a paragraph, as a multiple of the type size: the lower
 * quartile of the distances measured, so that the gaps between paragraphs do not count, kept within the
 * leading type is set with (a short document may have more gaps between paragraphs than lines within one).
 */
function usualSpacing(pages: Line[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let index = 1; index < lines.length; index++) {
      const previous = lines[index - 1]!;
      const line = lines[index]!;
      const gap = previous.y - line.y;
      if (gap > 0 && Math.abs(previous.size - line.size) <= SIZE_CHANGE * line.size) ratios.push(gap / line.size);
    }
  }
  if (ratios.length === 0) return DEFAULT_LEADING;
  ratios.sort((a, b) => a - b);
  const lowerQuartile = ratios[Math.floor((ratios.length - 1) / 4)]!;
  return Math.min(Math.max(lowerQuartile, MIN_LEADING), MAX_LEADING);
}

function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/**
 * Joins a line to the paragraph before it: a word hyphenated at the line end ("inter-" + "national") is
 * rejoined when the next line goes on in lowercase, unless the document writes that compound with its
 * hyphen elsewhere ("well-known"); otherwise the lines meet at a space.
 */
function joinLine(paragraph: string, next: string, compounds: ReadonlySet<string>): string {
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + next;
  const hyphenated = HYPHENS.test(paragraph) && /\p{L}.$/u.test(paragraph);
  if (hyphenated) {
    const before = /(\p{L}+).$/u.exec(paragraph)?.[1] ?? '';
    const after = /^\p{L}+/u.exec(next)?.[0] ?? '';
    if (!startsLowercase(next) || compounds.has(`${before}-${after}`.toLowerCase())) return paragraph + next;
    return paragraph.slice(0, -1) + next;
  }
  if (paragraph.endsWith('—')) return paragraph + next;
  return `${paragraph} ${next}`;
}

/** Hyphenated compounds the document writes within a line, which a line-end hyphen must keep. */
function hyphenatedCompounds(pages: Line[][]): Set<string> {
  const compounds = new Set<string>();
  for (const lines of pages) {
    for (const line of lines) {
      for (const match of line.text.matchAll(/\p{L}+-\p{L}+/gu)) compounds.add(match[0].toLowerCase());
    }
  }
  return compounds;
}

/** Rebuilds the paragraphs of a PDF from the text of its pages. */
export function pdfParagraphs(pages: readonly PdfPageText[]): string[] {
  const lines = withoutPageFurniture(pages.map(pageLines));
  const spacing = usualSpacing(lines);
  const compounds = hyphenatedCompounds(lines);
  const paragraphs: string[] = [];
  let current: string | undefined;
  let previous: Line | undefined;

  for (const pageLinesList of lines) {
    // The right edge of the text on this page: a line that stops well short of it ended its paragraph.
    const left = Math.min(...pageLinesList.map((line) => line.x));
    const right = Math.max(...pageLinesList.map((line) => line.right));
    for (const line of pageLinesList) {
      let breaks = current === undefined || previous === undefined;
      if (!breaks && previous) {
        if (previous.page !== line.page) {
          // Across a page break a paragraph goes on only mid-sentence.
          breaks = SENTENCE_END.test(previous.text) || !(startsLowercase(line.text) || HYPHENS.test(previous.text));
        } else {
          const gap = previous.y - line.y;
          const sizeChanged = Math.abs(previous.size - line.size) > SIZE_CHANGE * Math.max(previous.size, line.size);
          const shortEnd = previous.right - left < SHORT_LINE * (right - left) && SENTENCE_END.test(previous.text) && !startsLowercase(line.text);
          breaks = gap <= 0 || gap > spacing * PARAGRAPH_GAP * line.size || sizeChanged || shortEnd;
        }
      }
      if (breaks) {
        if (current) paragraphs.push(current);
        current = line.text;
      } else {
        current = joinLine(current!, line.text, compounds);
      }
      previous = line;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}
