/**
 * Splits a written name into the parts that name comparison needs: given name, middle parts, surname,
 * with honorifics, generational suffixes and connecting particles (al-, el-, bin, van, de…) set aside.
 * Each part carries its folded spellings and phonetic codes, computed once.
 */
import { roleHead } from '../extract/roles';
import { phoneticCodes } from './phonetic';
import { consonantSkeleton, plainLetters, romanized, romanizedAsYod } from './transliteration';

export interface NameToken {
  /** As written, without surrounding punctuation. */
  written: string;
  /** Lowercase ASCII letters. */
  plain: string;
  romanized: string;
  /** `romanized` with "j" read as "y" (German and Slavic spellings). */
  yod: string;
  skeleton: string;
  phonetic: readonly string[];
  /** A single letter, or a letter with a full stop ("S."). */
  initial: boolean;
  /** Romanised pieces of a hyphenated name ("Jong-un": jong, un); one piece otherwise. */
  pieces: string[];
}

export interface NameParts {
  /** The name with the set-aside words removed, for display. */
  core: string;
  tokens: NameToken[];
  given?: NameToken;
  middle: NameToken[];
  surname?: NameToken;
  /** All tokens' romanised spellings joined, for names split differently ("Jong-un" / "Jong Un"). */
  joined: string;
  /** Particles that were set aside ("al", "bin"), lowercase. */
  particles: string[];
}

// Titles written before a name. General English forms of address and ranks, not anybody's name.
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend',
  'fr', 'father', 'sister', 'brother', 'sheikh', 'shaikh', 'shaykh', 'sheik', 'hon', 'gen', 'general', 'col',
  'colonel', 'lt', 'capt', 'captain', 'sgt', 'sergeant', 'maj', 'major', 'adm', 'admiral', 'president', 'pres',
  'senator', 'sen', 'rep', 'gov', 'governor', 'mayor', 'judge', 'justice', 'king', 'queen', 'prince',
  'princess', 'emir', 'sultan', 'imam', 'rabbi', 'bishop', 'cardinal', 'pope', 'herr', 'frau', 'monsieur',
  'madame', 'mme', 'mlle', 'señor', 'senor', 'señora', 'senora', 'don', 'doña', 'dona',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'junior', 'senior']);
// Connecting particles that romanisations write joined, hyphenated, spaced or not at all.
const PARTICLES = new Set([
  'al', 'el', 'ul', 'ad', 'ar', 'as', 'at', 'an', 'az', 'ash', 'bin', 'ibn', 'ben', 'bint', 'van', 'von', 'der',
  'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'y',
]);
const JOINED_ARTICLE = /^(?:[AaEe]l|[AaEe]d|[Aa]r|[Aa]s)(?=[A-Z])/;
const HYPHENATED_ARTICLE = /^(?:al|el|ul|ad|ar|as|at|an|az|ash)[-‐‑'’](?=\p{L})/iu;

function tokenFrom(written: string): NameToken {
  const plain = plainLetters(written);
  const pieces = written.split(/[-‐‑]/).map(romanized).filter((piece) => piece.length > 0);
  return {
    written,
    plain,
    romanized: romanized(written),
    yod: romanizedAsYod(written),
    skeleton: consonantSkeleton(written),
    phonetic: phoneticCodes(written),
    initial: plain.length === 1,
    pieces,
  };
}

/**
 * Parses a person's or organisation's name as written in a document or typed by a user. With `person`,
 * a title written before the name is set aside too ("U.S. envoy Steve Witkoff" → Steve Witkoff); an
 * organisation keeps such words ("General Motors").
 */
export function parseName(name: string, kind: 'person' | 'any' = 'any'): NameParts {
  const particles: string[] = [];
  const pieces = name
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .split(/[\s,]+/)
    .map((piece) => piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/'s$/i, ''))
    .filter((piece) => piece.length > 0);

  // A title written with the name ("U.S. envoy Steve Witkoff", "Prime Minister Odo Varn"): the name starts
  // after the last role word, when capitalised words follow it.
  if (kind === 'person') {
    let from = 0;
    for (let i = 0; i < pieces.length - 1; i++) if (roleHead(pieces[i]!.replace(/\.$/, ''))) from = i + 1;
    pieces.splice(0, from);
  }

  const kept: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i]!;
    const bare = piece.replace(/\.$/, '').toLowerCase();
    const hasNext = i < pieces.length - 1;
    if (kept.length === 0 && hasNext && HONORIFICS.has(bare)) continue;
    if (kept.length > 0 && SUFFIXES.has(bare)) continue;
    if (hasNext && kept.length > 0 && PARTICLES.has(bare)) {
      particles.push(bare);
      continue;
    }
    const hyphenArticle = HYPHENATED_ARTICLE.exec(piece);
    if (hyphenArticle) {
      particles.push(plainLetters(hyphenArticle[0]));
      piece = piece.slice(hyphenArticle[0].length);
    } else if (JOINED_ARTICLE.test(piece) && piece.length > 4) {
      const article = JOINED_ARTICLE.exec(piece)![0];
      particles.push(article.toLowerCase());
      piece = piece.slice(article.length);
    }
    // Other hyphenated names ("Jong-un", "Abdel-Rahman") are one part of the name, written joined.
    for (const part of piece.split(/(?<=\.)(?=\p{L})/u)) {
      const cleaned = part.replace(/'/g, '');
      if (cleaned.replace(/[.\-‐‑]/g, '').length > 0) kept.push(cleaned);
    }
  }

  const tokens = kept.map(tokenFrom).filter((token) => token.plain.length > 0);
  const parts: NameParts = {
    core: kept.join(' '),
    tokens,
    middle: [],
    joined: tokens.map((token) => token.romanized).join(''),
    particles,
  };
  if (tokens.length === 1) {
    parts.surname = tokens[0];
  } else if (tokens.length > 1) {
    parts.given = tokens[0];
    parts.surname = tokens[tokens.length - 1];
    parts.middle = tokens.slice(1, -1);
  }
  return parts;
}
