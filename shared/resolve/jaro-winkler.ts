/**
 * Jaro-Winkler string similarity, written for short name tokens: 1 for identical strings, 0 for nothing in
 * common. The Winkler bonus rewards a shared beginning, which is where transliterations and mistranslations
 * of a name usually still agree.
 */

/** Jaro similarity of two strings (UTF-16 code units). */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const lenA = a.length;
  const lenB = b.length;
  if (lenA === 0 || lenB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lenA, lenB) / 2) - 1);
  const matchedB = new Uint8Array(lenB);
  const matchedA = new Uint8Array(lenA);
  let matches = 0;
  for (let i = 0; i < lenA; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lenB - 1, i + window);
    const ch = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === ch) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  // Transpositions: matched characters that appear in a different order, counted in halves.
  let transposed = 0;
  let k = 0;
  for (let i = 0; i < lenA; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transposed++;
    k++;
  }
  const m = matches;
  return (m / lenA + m / lenB + (m - transposed / 2) / m) / 3;
}

/**
 * Jaro-Winkler similarity: Jaro plus a bonus of `prefixScale` per shared leading character (at most four).
 * The usual scale is 0.1, which keeps the result within [0, 1].
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const base = jaro(a, b);
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return base + prefix * prefixScale * (1 - base);
}
