/** Selections snap outwards to whole words and inwards past surrounding white space and punctuation. */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Joiners count as part of a word only between word characters: don't, U.S., al-Sayed, 1,200, 3.5.
const JOINER = /['’\-‐.,]/u;

function isWordAt(text: string, index: number): boolean {
  const ch = text[index];
  if (ch === undefined) return false;
  if (WORD_CHAR.test(ch)) return true;
  return JOINER.test(ch) && WORD_CHAR.test(text[index - 1] ?? '') && WORD_CHAR.test(text[index + 1] ?? '');
}

/**
 * Snaps [start, end) so that it neither starts nor ends inside a word, and trims white space at its edges.
 * Returns null when nothing but white space was selected.
 */
export function snapToWordBoundaries(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s >= e) return null;
  while (s > 0 && isWordAt(text, s - 1) && isWordAt(text, s)) s--;
  while (e < text.length && isWordAt(text, e) && isWordAt(text, e - 1)) e++;
  return { start: s, end: e };
}
