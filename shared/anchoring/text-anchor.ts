/**
 * Anchoring: an annotation is stored with two selectors, a TextPosition (start/end) and a TextQuote
 * (exact + prefix/suffix). Resolving tries the position, then the quote where its context fits best, then an
 * approximate match above a quality floor; below it the annotation is an orphan, shown as such, never guessed.
 */

export const QUOTE_CONTEXT_LENGTH = 32;
/** Approximate matches below this share of matching characters are not accepted. */
export const MIN_FUZZY_QUALITY = 0.8;

export interface TextQuote {
  quote: string;
  prefix: string;
  suffix: string;
}

export interface StoredAnchor extends TextQuote {
  start: number;
  end: number;
}

export type AnchorResult =
  | { status: 'exact' | 'relocated'; start: number; end: number; quality: 1 }
  | { status: 'fuzzy'; start: number; end: number; quality: number }
  | { status: 'orphan' };

/** The TextQuote selector of [start, end) in text. */
export function describeTextQuote(text: string, start: number, end: number): TextQuote {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Higher is better: how much of the stored context surrounds a candidate, then how near it is. */
function contextScore(text: string, anchor: StoredAnchor, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - anchor.prefix.length), start);
  const after = text.slice(end, end + anchor.suffix.length);
  const context = commonSuffixLength(before, anchor.prefix) + commonPrefixLength(after, anchor.suffix);
  const distance = Math.abs(start - anchor.start) / Math.max(1, text.length);
  return context - distance;
}

/**
 * Best approximate occurrence of pattern in text[from, to) with at most maxErrors edits (Sellers'
 * algorithm: edit distance where the match may begin anywhere). Ties go to the one nearest `near`.
 */
function approximateMatch(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
  near: number,
): { start: number; end: number; errors: number } | null {
  const m = pattern.length;
  let cost = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  let best: { start: number; end: number; errors: number } | null = null;
  for (let j = from; j < to; j++) {
    nextCost[0] = 0;
    nextOrigin[0] = j + 1;
    origin[0] = j;
    const ch = text[j];
    for (let i = 1; i <= m; i++) {
      const substitute = cost[i - 1]! + (pattern[i - 1] === ch ? 0 : 1);
      const skipText = cost[i]! + 1;
      const skipPattern = nextCost[i - 1]! + 1;
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[i] = substitute;
        nextOrigin[i] = origin[i - 1]!;
      } else if (skipText <= skipPattern) {
        nextCost[i] = skipText;
        nextOrigin[i] = origin[i]!;
      } else {
        nextCost[i] = skipPattern;
        nextOrigin[i] = nextOrigin[i - 1]!;
      }
    }
    const errors = nextCost[m]!;
    if (errors <= maxErrors) {
      const candidate = { start: nextOrigin[m]!, end: j + 1, errors };
      if (
        !best ||
        errors < best.errors ||
        (errors === best.errors && Math.abs(candidate.start - near) < Math.abs(best.start - near))
      ) {
        best = candidate;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  return best;
}

// Beyond this many cells the whole-text approximate search would stall the UI; the window search still runs.
const MAX_FUZZY_CELLS = 20_000_000;

/** Finds where a stored annotation belongs in text; see the module comment for the order of attempts. */
export function anchorAnnotation(text: string, anchor: StoredAnchor): AnchorResult {
  const { quote } = anchor;
  if (quote.length === 0) return { status: 'orphan' };
  if (text.slice(anchor.start, anchor.end) === quote) {
    return { status: 'exact', start: anchor.start, end: anchor.end, quality: 1 };
  }

  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const score = contextScore(text, anchor, at, at + quote.length);
    if (!best || score > best.score) best = { start: at, score };
  }
  if (best) return { status: 'relocated', start: best.start, end: best.start + quote.length, quality: 1 };

  const maxErrors = Math.floor(quote.length * (1 - MIN_FUZZY_QUALITY));
  if (maxErrors === 0) return { status: 'orphan' };
  const radius = Math.max(2000, quote.length * 4);
  const windowFrom = Math.max(0, anchor.start - radius);
  const windowTo = Math.min(text.length, anchor.end + radius);
  let match = approximateMatch(text, quote, windowFrom, windowTo, maxErrors, anchor.start);
  if (!match && text.length * quote.length <= MAX_FUZZY_CELLS) {
    match = approximateMatch(text, quote, 0, text.length, maxErrors, anchor.start);
  }
  if (!match) return { status: 'orphan' };
  return { status: 'fuzzy', start: match.start, end: match.end, quality: 1 - match.errors / quote.length };
}
