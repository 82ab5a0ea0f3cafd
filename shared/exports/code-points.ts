/**
 * Crosscheck stores offsets in UTF-16 code units (what JavaScript strings index); the W3C TextPosition
 * selector counts Unicode code points. They differ after every character outside the Basic Multilingual
 * Plane (most emoji, some CJK): "🚢 a" has "a" at unit 3 but at code point 2.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Converts UTF-16 offsets into `text` to code point offsets, in one pass over the text however many offsets
 * are asked. An offset between the halves of a surrogate pair (which no selection produces) counts the pair.
 */
export function codePointOffsets(text: string, offsets: Iterable<number>): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let unit = 0;
  let points = 0;
  for (const offset of wanted) {
    const target = Math.min(offset, text.length);
    while (unit < target) {
      const pair = isHighSurrogate(text.charCodeAt(unit)) && unit + 1 < text.length && isLowSurrogate(text.charCodeAt(unit + 1));
      unit += pair ? 2 : 1;
      points++;
    }
    out.set(offset, points);
  }
  return out;
}

/** The code point offset of one UTF-16 offset. */
export function codePointOffset(text: string, offset: number): number {
  return codePointOffsets(text, [offset]).get(offset)!;
}

/**
 * `text` without a lone surrogate at either end: a context cut at a fixed number of UTF-16 units can split
 * an emoji, and half an emoji is not valid Unicode in JSON or CSV.
 */
export function wholeCodePoints(text: string): string {
  let start = 0;
  let end = text.length;
  if (end > 0 && isLowSurrogate(text.charCodeAt(0))) start = 1;
  if (end > start && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}
