/**
 * One pass of compromise over a document: words with their UTF-16 offsets into the canonical text,
 * part-of-speech tags as bit flags, lemmas and sentence boundaries. Every extractor reads this instead of
 * running compromise again (it is the slow part of extraction).
 */
import nlp from 'compromise';

/** The compromise tags the extractors read, as bit flags so that a token test is one `&`. */
export const Tag = {
  Noun: 1 << 0,
  Plural: 1 << 1,
  ProperNoun: 1 << 2,
  Person: 1 << 3,
  FirstName: 1 << 4,
  LastName: 1 << 5,
  Honorific: 1 << 6,
  Place: 1 << 7,
  Organization: 1 << 8,
  Verb: 1 << 9,
  Auxiliary: 1 << 10,
  Copula: 1 << 11,
  Negative: 1 << 12,
  PastTense: 1 << 13,
  Participle: 1 << 14,
  Passive: 1 << 15,
  Gerund: 1 << 16,
  Adjective: 1 << 17,
  Adverb: 1 << 18,
  Value: 1 << 19,
  Cardinal: 1 << 20,
  Ordinal: 1 << 21,
  Date: 1 << 22,
  Determiner: 1 << 23,
  Preposition: 1 << 24,
  Conjunction: 1 << 25,
  Pronoun: 1 << 26,
  Possessive: 1 << 27,
  Modal: 1 << 28,
  Acronym: 1 << 29,
  Demonym: 1 << 30,
  /** The particle of a phrasal verb ("way" in "gave way"). Bit 31 keeps the flags within 32 bits. */
  Particle: 2 ** 31,
} as const;

const TAG_BITS: Record<string, number> = Tag;

export interface Token {
  /** The word as written (empty for a word compromise reads into a contraction, like the "not" of "isn't"). */
  text: string;
  start: number;
  end: number;
  /** Lowercase form; for an implicit word, the word it stands for. */
  normal: string;
  /** Lemma: singular noun, infinitive verb; `normal` when compromise gives none. */
  root: string;
  tags: number;
  sentence: number;
  /** Punctuation and spaces before and after the word. */
  pre: string;
  post: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token, and one past the last. */
  first: number;
  last: number;
}

export interface TaggedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

interface CompromiseTerm {
  text: string;
  pre?: string;
  post?: string;
  normal?: string;
  implicit?: string;
  root?: string | null;
  tags?: string[];
  offset?: { start: number; length: number };
}

interface CompromiseSentence {
  terms: CompromiseTerm[];
}

/** Whether a token carries any of the given tag bits. */
export function has(token: Token | undefined, bits: number): boolean {
  // `>>> 0` keeps bit 31 positive when it is the only one set.
  return token !== undefined && (token.tags & bits) >>> 0 !== 0;
}

/** Tags and tokenises canonical text. Offsets index `text` directly (UTF-16 code units). */
export function tagText(text: string): TaggedText {
  const doc = nlp(text);
  doc.compute('root');
  const json = doc.json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const sentence of json) {
    const first = tokens.length;
    for (const term of sentence.terms) {
      if (!term.offset) continue;
      let tags = 0;
      for (const tag of term.tags ?? []) tags = (tags | (TAG_BITS[tag] ?? 0)) >>> 0;
      const start = term.offset.start;
      const end = start + term.offset.length;
      const normal = (term.implicit ?? term.normal ?? term.text).toLowerCase();
      tokens.push({
        text: text.slice(start, end),
        start,
        end,
        normal,
        root: term.root ?? normal,
        tags,
        sentence: sentences.length,
        pre: term.pre ?? '',
        post: term.post ?? '',
      });
    }
    if (tokens.length === first) continue;
    const lastToken = tokens[tokens.length - 1]!;
    const trailing = /^[^\p{L}\p{N}\s]*/u.exec(lastToken.post)?.[0].length ?? 0;
    sentences.push({ start: tokens[first]!.start, end: Math.min(text.length, lastToken.end + trailing), first, last: tokens.length });
  }
  return { text, tokens, sentences: mergeAbbreviationBreaks(tokens, sentences) };
}

// compromise sometimes ends a sentence at "No." in "the Hollin No. 2 shaft" or at "Dr." before a name.
const ABBREVIATION = /^(?:no|nos|mr|mrs|ms|dr|st|gen|col|lt|sgt|capt|prof|rev|fig|vol|art|sec|jr|sr)$/i;

function mergeAbbreviationBreaks(tokens: Token[], sentences: Sentence[]): Sentence[] {
  const merged: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    const lastToken = previous ? tokens[previous.last - 1] : undefined;
    const firstToken = tokens[sentence.first]!;
    if (previous && lastToken && ABBREVIATION.test(lastToken.text) && /^\.\s?$/.test(lastToken.post) && /^[\p{Lu}\p{N}]/u.test(firstToken.text)) {
      previous.end = sentence.end;
      previous.last = sentence.last;
      continue;
    }
    merged.push({ ...sentence });
  }
  merged.forEach((sentence, index) => {
    for (let i = sentence.first; i < sentence.last; i++) tokens[i]!.sentence = index;
  });
  return merged;
}
