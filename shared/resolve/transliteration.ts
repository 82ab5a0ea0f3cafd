/**
 * Spelling folds for comparing names written in different romanisations. They encode general orthographic
 * habits (German `sch` = English `sh`, Arabic `q`/`k`/`g` for one sound, doubled consonants, `ou`/`u`,
 * `w`/`v`), never particular names.
 */

const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Lowercase ASCII letters only: diacritics dropped, apostrophes and punctuation removed. */
export function plainLetters(text: string): string {
  const lower = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let out = '';
  for (const ch of lower) {
    const mapped = SPECIAL_LETTERS[ch];
    if (mapped !== undefined) out += mapped;
    else if (ch >= 'a' && ch <= 'z') out += ch;
  }
  return out;
}

// Ordered: longer spellings of one sound first. Upper-case letters are placeholders for sounds that several
// romanisations spell differently, so that later rules cannot rewrite them again.
const DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/x/g, 'ks'],
  [/^wh/g, 'w'],
  // German and Slavic "ch" before a consonant is the sound English writes "k" ("Chr…").
  [/^ch(?=[rl])/g, 'k'],
  [/tsch|tch|sch|ch|sh|sz|cz/g, 'C'],
  [/dzh|dj|zh|dsch/g, 'J'],
  [/kh|gh/g, 'k'],
  [/dh/g, 'd'],
  [/th/g, 't'],
  [/ph/g, 'f'],
  [/ck|q|c(?=[aou]|[^aeiouy]|$)/g, 'k'],
  [/c/g, 's'],
  [/dt|tt/g, 't'],
  [/w/g, 'v'],
  [/z/g, 's'],
  [/ou|oo/g, 'u'],
  [/ee|ie/g, 'i'],
  // Slavic endings written -y, -yy, -iy, -ij, -yj, -ii in different systems.
  [/(?:yy|iy|ij|yj|ii|y)$/g, 'i'],
  [/y/g, 'i'],
  [/h$/g, ''],
];

/**
 * A romanisation-neutral spelling that keeps vowels: digraphs folded, doubled letters collapsed.
 * "Qaddafi" and "Kadhafi" both give "kadafi"; "Wendtner" gives "ventner".
 */
export function romanized(text: string): string {
  let out = plainLetters(text);
  for (const [pattern, replacement] of DIGRAPHS) out = out.replace(pattern, replacement);
  out = out.replace(/(.)\1+/g, '$1');
  return out.toLowerCase();
}

/**
 * The romanised spelling with "j" read as the "y" sound it is in German, Dutch and Slavic spellings
 * ("Jahja" for "Yahya", "Alijew" for "Aliyev").
 */
export function romanizedAsYod(text: string): string {
  return romanized(text).replace(/j/g, 'i').replace(/(.)\1+/g, '$1');
}

// j joins g and k: Arabic jim is written j, g (Egyptian) or dj.
const VOICING: Record<string, string> = { g: 'k', d: 't', b: 'p', v: 'f', j: 'k' };

/**
 * The consonant frame of a romanised name: vowels dropped (they are what transliterations disagree on most),
 * voiced and voiceless pairs merged. A leading vowel is kept as `a` so "Abbas" and "Bass" stay apart.
 */
export function consonantSkeleton(text: string): string {
  const roman = romanized(text);
  let out = /^[aeiou]/.test(roman) ? 'a' : '';
  for (const ch of roman) {
    if ('aeiou'.includes(ch)) continue;
    out += VOICING[ch] ?? ch;
  }
  return out.replace(/(.)\1+/g, '$1').replace(/h$/, '');
}
