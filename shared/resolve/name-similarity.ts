/**
 * Name evidence alone: how alike two written names are, whether they could be one referent, and why.
 * Context (roles, neighbouring entities) is weighed elsewhere (context-evidence.ts); this module only reads
 * the names, so the command line's match-names and the resolver agree on what a name says.
 */
import { jaroWinkler } from './jaro-winkler';
import { parseName, type NameParts, type NameToken } from './name-parts';

export interface TokenSimilarity {
  score: number;
  /** The strongest signal behind the score, in words. */
  basis: 'identical' | 'spelling' | 'transliteration' | 'sound' | 'initial' | 'different';
}

export interface NameEvidence {
  /** 0..1: 1 for the same name, ~0.85 and above for spelling variants of one name. */
  score: number;
  /** Whether the names alone say these are one referent. */
  same: boolean;
  surname?: TokenSimilarity;
  given?: TokenSimilarity;
  /** One name is a part of the other ("Witkoff" / "Steve Witkoff"). */
  partial: boolean;
  /** Plain-language reasons for and against, for a reviewer. */
  reasons: string[];
}

/** Below this a surname cannot be a variant of another, whatever the first names say. */
const SURNAME_FLOOR = 0.8;

/** Below this two given names are two people (Tobias / Lukas), unless one is an initial. */
const GIVEN_FLOOR = 0.86;
/** Name evidence alone says "same" from here. */
export const SAME_NAME_THRESHOLD = 0.86;

function codesShared(a: NameToken, b: NameToken): string | undefined {
  for (const code of a.phonetic) if (code.length >= 2 && b.phonetic.includes(code)) return code;
  return undefined;
}

function bestCodeSimilarity(a: NameToken, b: NameToken): number {
  let best = 0;
  for (const x of a.phonetic) for (const y of b.phonetic) best = Math.max(best, jaroWinkler(x, y));
  return best;
}

/** Similarity of two name tokens, with the kind of likeness that carries it. */
export function compareTokens(a: NameToken, b: NameToken): TokenSimilarity {
  if (a.plain === b.plain) return { score: 1, basis: 'identical' };
  if (a.initial || b.initial) {
    return a.plain[0] === b.plain[0] ? { score: 0.9, basis: 'initial' } : { score: 0, basis: 'different' };
  }
  if (a.romanized === b.romanized || a.yod === b.yod) return { score: 0.97, basis: 'transliteration' };
  // Hyphenated names differ when one of their pieces does ("Jong-un" / "Jong-il").
  if (a.pieces.length > 1 && a.pieces.length === b.pieces.length) {
    for (let i = 0; i < a.pieces.length; i++) {
      if (jaroWinkler(a.pieces[i]!, b.pieces[i]!) < 0.7) return { score: 0.5, basis: 'different' };
    }
  }
  const spelling = Math.max(jaroWinkler(a.plain, b.plain), jaroWinkler(a.romanized, b.romanized), jaroWinkler(a.yod, b.yod));
  const sameCode = codesShared(a, b) !== undefined;
  const frame = Math.max(jaroWinkler(a.skeleton, b.skeleton), bestCodeSimilarity(a, b));
  const base = 0.55 * spelling + 0.45 * frame;
  // Mistranslated and misheard names keep their opening consonants ("Witkoff" / "Weitekamp"): a shared
  // three-consonant opening lifts a middling spelling likeness to the edge of "alike"; without it, sound
  // likeness alone cannot carry a pair further than its spelling ("Sollis" / "Sellers").
  const opening = a.skeleton.length >= 3 && b.skeleton.length >= 3 && a.skeleton.slice(0, 3) === b.skeleton.slice(0, 3);
  let score: number;
  if (sameCode) score = Math.max(base, a.skeleton === b.skeleton ? 0.93 : 0.9);
  else if (opening && spelling >= 0.7) score = Math.max(base, SURNAME_FLOOR);
  else score = Math.min(base, spelling + 0.02);
  score = Math.min(score, 0.96);
  const basis: TokenSimilarity['basis'] =
    score < SURNAME_FLOOR ? 'different' : sameCode || frame > spelling + 0.05 ? 'sound' : 'spelling';
  return { score, basis };
}

/**
 * Two given names that differ only in a final vowel are usually a man's and a woman's form of one name
 * (Jan / Jana, Mario / Maria), so two people, however alike they look.
 */
function genderedForms(a: NameToken, b: NameToken): boolean {
  const [x, y] = a.plain.length <= b.plain.length ? [a.plain, b.plain] : [b.plain, a.plain];
  if (x.length < 3) return false;
  if (y.length === x.length + 1) return y.startsWith(x) && /[ae]$/.test(y);
  if (y.length !== x.length) return false;
  return x.slice(0, -1) === y.slice(0, -1) && /[aeo]$/.test(x) && /[aeo]$/.test(y);
}

function describe(label: string, a: NameToken, b: NameToken, sim: TokenSimilarity): string {
  const pair = `${a.written} / ${b.written}`;
  switch (sim.basis) {
    case 'identical':
      return `same ${label} (${a.written})`;
    case 'initial':
      return `${label} matches an initial (${pair})`;
    case 'transliteration':
      return `${label}s are one spelling in another romanisation (${pair})`;
    case 'sound':
      return `${label}s sound alike (${pair}, similarity ${sim.score.toFixed(2)})`;
    case 'spelling':
      return `${label}s are spelled alike (${pair}, similarity ${sim.score.toFixed(2)})`;
    case 'different':
      return `${label}s differ (${pair})`;
  }
}

function tokenInName(token: NameToken, parts: NameParts): TokenSimilarity {
  let best: TokenSimilarity = { score: 0, basis: 'different' };
  for (const other of parts.tokens) {
    const sim = compareTokens(token, other);
    if (sim.score > best.score) best = sim;
  }
  return best;
}

function isOrderedSubset(small: readonly string[], large: readonly string[]): boolean {
  let j = 0;
  for (const word of small) {
    while (j < large.length && large[j] !== word) j++;
    if (j === large.length) return false;
    j++;
  }
  return true;
}

/** Compares two parsed personal names. */
export function comparePersonNames(a: NameParts, b: NameParts): NameEvidence {
  const reasons: string[] = [];
  if (!a.surname || !b.surname) return { score: 0, same: false, partial: false, reasons: ['a name is empty'] };

  // One name is a single word: it can only be a shortened mention of the other (a surname, usually).
  if (a.tokens.length === 1 || b.tokens.length === 1) {
    const [short, long] = a.tokens.length === 1 ? [a, b] : [b, a];
    const single = short.surname!;
    const asSurname = compareTokens(single, long.surname!);
    const anywhere = tokenInName(single, long);
    if (long.tokens.length === 1) {
      reasons.push(describe('name', single, long.surname!, asSurname));
      return { score: asSurname.score, same: asSurname.score >= SAME_NAME_THRESHOLD, surname: asSurname, partial: false, reasons };
    }
    const partial = asSurname.basis === 'identical' || asSurname.basis === 'transliteration';
    // A first name alone ("Tobias") says little about who is meant.
    const score = asSurname.score >= anywhere.score ? asSurname.score * 0.95 : anywhere.score * 0.6;
    reasons.push(
      partial
        ? `“${short.core}” is the surname of “${long.core}”`
        : describe('surname', single, long.surname!, asSurname),
    );
    return { score, same: score >= SAME_NAME_THRESHOLD, surname: asSurname, partial, reasons };
  }

  // One name is the other with parts left out ("Lula da Silva" / "Luiz Inácio Lula da Silva").
  const [shorter, longer] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  if (shorter.tokens.length < longer.tokens.length && isOrderedSubset(shorter.tokens.map((t) => t.plain), longer.tokens.map((t) => t.plain))) {
    return {
      score: 0.93,
      same: true,
      surname: { score: 1, basis: 'identical' },
      partial: true,
      reasons: [`“${shorter.core}” is a shorter form of “${longer.core}”`],
    };
  }
  const surname = compareTokens(a.surname, b.surname);
  let given = compareTokens(a.given!, b.given!);
  if (given.basis !== 'identical' && genderedForms(a.given!, b.given!)) given = { score: 0.5, basis: 'different' };
  let score = 0.6 * surname.score + 0.4 * given.score;
  // Names split into words differently ("Kim Jong-un" / "Kim Jong Un"): compare them joined up.
  if (a.tokens.length !== b.tokens.length) {
    const whole = jaroWinkler(a.joined, b.joined);
    if (whole >= 0.95 && whole > score) {
      score = whole;
      reasons.push(`the names match when written as one word (${a.core} / ${b.core})`);
    }
  }
  const joinedUp = score > 0.6 * surname.score + 0.4 * given.score;
  const surnameOk = surname.score >= SURNAME_FLOOR || joinedUp;
  const givenOk = given.score >= GIVEN_FLOOR || joinedUp;
  reasons.unshift(describe('surname', a.surname, b.surname, surname), describe('first name', a.given!, b.given!, given));
  const same = score >= SAME_NAME_THRESHOLD && surnameOk && givenOk;
  if (!same) score = Math.min(score, SAME_NAME_THRESHOLD - 0.01);
  return { score, same, surname, given, partial: false, reasons };
}

// Words that mark an organisation's name rather than a person's. General English, not anyone's name.
const ORGANIZATION_WORDS = new Set([
  'company', 'co', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag',
  'sa', 'group', 'holdings', 'holding', 'bank', 'ministry', 'department', 'agency', 'authority', 'office',
  'council', 'committee', 'commission', 'union', 'party', 'association', 'federation', 'foundation',
  'institute', 'university', 'college', 'school', 'hospital', 'church', 'army', 'police', 'court', 'parliament',
  'assembly', 'organisation', 'organization', 'society', 'club', 'league', 'press', 'news', 'times', 'post',
  'mining', 'industries', 'systems', 'services', 'partners', 'fund', 'trust', 'network', 'airlines', 'motors',
]);
const LEGAL_FORMS = new Set(['company', 'co', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'group', 'holdings']);
const ORGANIZATION_STOP = new Set(['the', 'of', 'and', 'for', 'on', 'in']);

/** Whether a name reads as an organisation's ("Brask Mining Company", "Ministry of Health"). */
export function looksLikeOrganization(name: string): boolean {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.some((word) => ORGANIZATION_WORDS.has(word));
}

function organizationCore(parts: NameParts): string[] {
  const words = parts.tokens.map((token) => token.plain).filter((word) => !ORGANIZATION_STOP.has(word));
  const core = words.filter((word) => !LEGAL_FORMS.has(word));
  return core.length > 0 ? core : words;
}

/** Compares two organisation names: legal forms set aside, word subsets and acronyms count as the same. */
export function compareOrganizationNames(a: NameParts, b: NameParts): NameEvidence {
  const coreA = organizationCore(a);
  const coreB = organizationCore(b);
  if (coreA.length === 0 || coreB.length === 0) return { score: 0, same: false, partial: false, reasons: ['a name is empty'] };
  const joinedA = coreA.join(' ');
  const joinedB = coreB.join(' ');
  if (joinedA === joinedB) {
    return { score: 1, same: true, partial: false, reasons: [`same name apart from legal form (${a.core} / ${b.core})`] };
  }
  const [shorter, longer] = coreA.length <= coreB.length ? [coreA, coreB] : [coreB, coreA];
  if (shorter.every((word) => longer.includes(word)) && shorter[0] === longer[0]) {
    return { score: 0.92, same: true, partial: true, reasons: [`“${shorter.join(' ')}” is a short form of “${longer.join(' ')}”`] };
  }
  if (shorter.length === 1 && shorter[0]!.length >= 2 && shorter[0] === longer.map((word) => word[0]).join('')) {
    return { score: 0.9, same: true, partial: true, reasons: [`“${shorter[0]!.toUpperCase()}” is the initials of “${longer.join(' ')}”`] };
  }
  // A one-word name written in another romanisation ("Hezbollah" / "Hizbullah", "al-Qaeda" / "al-Qaida"):
  // only sound and consonants agreeing both count, since company names one letter apart are common.
  if (coreA.length === 1 && coreB.length === 1) {
    const tokenA = a.tokens.find((token) => token.plain === coreA[0])!;
    const tokenB = b.tokens.find((token) => token.plain === coreB[0])!;
    const sim = compareTokens(tokenA, tokenB);
    if (sim.score >= 0.93) {
      return { score: sim.score, same: true, partial: false, reasons: [`names are one name in another romanisation (${a.core} / ${b.core})`] };
    }
  }
  const whole = jaroWinkler(coreA.join(''), coreB.join(''));
  const same = whole >= 0.94 && coreA.length === coreB.length;
  return {
    score: same ? whole : Math.min(whole, 0.85),
    same,
    partial: false,
    reasons: [same ? `names are spelled alike (${a.core} / ${b.core}, similarity ${whole.toFixed(2)})` : `names differ (${a.core} / ${b.core})`],
  };
}

/**
 * Name evidence for two names as written, with no context: persons are compared part by part,
 * organisations by their words; a person's name and an organisation's name are never the same.
 */
export function compareNames(nameA: string, nameB: string): NameEvidence {
  const orgA = looksLikeOrganization(nameA);
  const orgB = looksLikeOrganization(nameB);
  const a = parseName(nameA, orgA ? 'any' : 'person');
  const b = parseName(nameB, orgB ? 'any' : 'person');
  if (orgA !== orgB) {
    return { score: 0, same: false, partial: false, reasons: ['one is the name of an organisation, the other of a person'] };
  }
  return orgA ? compareOrganizationNames(a, b) : comparePersonNames(a, b);
}
