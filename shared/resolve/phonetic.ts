/**
 * Phonetic codes for name tokens (Double Metaphone): two spellings that sound alike share a code.
 * Codes are cached because the same surnames recur across thousands of documents.
 */
import { doubleMetaphone } from 'double-metaphone';
import { plainLetters } from './transliteration';

const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 50_000;

/** The distinct Double Metaphone codes (primary first) of one name token; empty for a token without letters. */
export function phoneticCodes(token: string): readonly string[] {
  const letters = plainLetters(token);
  if (letters.length === 0) return [];
  let codes = cache.get(letters);
  if (codes === undefined) {
    const [primary, secondary] = doubleMetaphone(letters);
    codes = primary === secondary || !secondary ? [primary] : [primary, secondary];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(letters, codes);
  }
  return codes;
}
