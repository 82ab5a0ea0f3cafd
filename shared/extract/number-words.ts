/**
 * Reads written numbers: digits with separators ("1,200", "2.5"), words ("twenty-two", "two dozen",
 * "1.2 million", "a hundred"). Works on a run of lowercase words and says how many it used.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const GROUPS: Record<string, number> = { dozen: 12, score: 20 };

export interface ParsedNumber {
  value: number;
  /** How many words were read. */
  used: number;
}

/** Reads a number written in digits, with thousands separators or a decimal point. */
export function parseDigits(word: string): number | undefined {
  const cleaned = word.replace(/^[~≈]/, '');
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(cleaned)) return Number(cleaned.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(cleaned)) return Number(cleaned);
  return undefined;
}

/**
 * Reads a number from the start of `words` (lowercase, hyphenated words already split): "twenty two",
 * "two dozen", "a dozen", "1.5 million", "three hundred and forty". Undefined when `words[0]` starts none.
 */
export function parseNumberWords(words: readonly string[]): ParsedNumber | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const digits = parseDigits(word);
    if (digits !== undefined) {
      if (seen) break;
      current = digits;
      seen = true;
      used = i + 1;
      continue;
    }
    if ((word === 'a' || word === 'an') && !seen) {
      const next = words[i + 1];
      if (next && (SCALES[next] !== undefined || GROUPS[next] !== undefined)) {
        current = 1;
        seen = true;
        continue;
      }
      break;
    }
    if (word === 'and' && seen && (UNITS[words[i + 1] ?? ''] !== undefined || TENS[words[i + 1] ?? ''] !== undefined)) continue;
    if (UNITS[word] !== undefined) {
      if (seen && current % 10 !== 0 && current < 100) break;
      current += UNITS[word]!;
    } else if (TENS[word] !== undefined) {
      if (seen && current % 100 !== 0) break;
      current += TENS[word]!;
    } else if (SCALES[word] !== undefined && seen) {
      const scale = SCALES[word]!;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
    } else if (GROUPS[word] !== undefined && seen) {
      current *= GROUPS[word]!;
    } else {
      break;
    }
    seen = true;
    used = i + 1;
  }
  if (!seen || used === 0) return undefined;
  return { value: total + current, used };
}
