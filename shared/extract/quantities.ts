/**
 * Counted quantities: "some 130 hostages", "14 miners trapped", "nine were rescued", "10 live and 18
 * deceased hostages", "at least 30 dead". Each becomes a value (with range and approximation), the counted
 * noun with its state qualifiers as a quantity key, and the date the figure refers to: a date in its own
 * clause, else the document's date.
 */
import type { Approximation } from '../model';
import { clauseIds } from './clauses';
import type { DateMention } from './dates';
import { parseDigits, parseNumberWords } from './number-words';
import { qualifierOf, qualifierOfVerbForm, quantityKey } from './quantity-key';
import { Tag, has, type TaggedText, type Token } from './tagged-text';

export interface QuantityMention {
  start: number;
  end: number;
  quote: string;
  value: number;
  /** Upper end of a range ("20 to 25"). */
  upper?: number;
  approximation: Approximation;
  /** Lemma of the counted noun ("miner"). */
  noun: string;
  qualifiers: string[];
  key: string;
  /** Unit of a measure ("metre" in "a depth of 120 metres"). */
  unit?: string;
  /** ISO day the figure refers to. */
  asOf?: string;
  /** Whether `asOf` comes from the figure's own clause or is the document's date. */
  asOfSource?: 'text' | 'document';
}

export interface QuantityContext {
  documentDate?: string;
  dates: readonly DateMention[];
  skipSpans?: ReadonlyArray<readonly [number, number]>;
}

const APPROXIMATION_BEFORE: ReadonlyArray<readonly [string[], Approximation]> = [
  [['as', 'many', 'as'], 'at-most'],
  [['no', 'more', 'than'], 'at-most'],
  [['in', 'excess', 'of'], 'more-than'],
  [['at', 'least'], 'at-least'],
  [['more', 'than'], 'more-than'],
  [['upwards', 'of'], 'more-than'],
  [['just', 'over'], 'more-than'],
  [['fewer', 'than'], 'less-than'],
  [['less', 'than'], 'less-than'],
  [['just', 'under'], 'less-than'],
  [['up', 'to'], 'at-most'],
  [['at', 'most'], 'at-most'],
  [['close', 'to'], 'about'],
  [['an', 'estimated'], 'about'],
  [['some'], 'about'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['roughly'], 'about'],
  [['approximately'], 'about'],
  [['approx'], 'about'],
  [['nearly'], 'about'],
  [['almost'], 'about'],
  [['circa'], 'about'],
  [['estimated'], 'about'],
  [['over'], 'more-than'],
  [['under'], 'less-than'],
];
// Figures that count something else than "how many": durations and the like.
const TIME_NOUNS = new Set([
  'second', 'minute', 'hour', 'day', 'night', 'week', 'month', 'year', 'decade', 'century', 'time', 'morning',
  'evening', 'afternoon', 'weekend', 'shift', 'round', 'percent', 'per', 'cent', 'point', 'times',
]);
const UNITS: Record<string, string> = {
  metre: 'metre', meter: 'metre', metres: 'metre', meters: 'metre', m: 'metre', kilometre: 'kilometre',
  kilometer: 'kilometre', km: 'kilometre', mile: 'mile', foot: 'foot', feet: 'foot', ft: 'foot', inch: 'inch',
  kilogram: 'kilogram', kg: 'kilogram', tonne: 'tonne', ton: 'tonne', pound: 'pound', lb: 'pound', litre: 'litre',
  liter: 'litre', gallon: 'gallon', hectare: 'hectare', acre: 'acre', dollar: 'dollar', euro: 'euro',
};
// "three more days", "two other miners": increments and subsets, not the count itself.
const SUBSET_WORDS = new Set(['more', 'other', 'additional', 'further', 'extra', 'another', 'fewer', 'less']);
const LINKING = new Set(['were', 'was', 'are', 'is', 'be', 'been', 'being', 'have', 'has', 'had', 'still', 'remain', 'remains', 'remained', 'reportedly', 'now', 'all', 'also', 'later', 'then', 'not', 'yet']);
const NOUN_WORD = Tag.Noun;
const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/;
const NOT_COUNTED = Tag.Pronoun | Tag.Date | Tag.Value;

interface NumberAt {
  first: number;
  last: number;
  value: number;
  upper?: number;
}

function readNumber(tokens: readonly Token[], index: number): NumberAt | undefined {
  const token = tokens[index]!;
  const range = /^(\d[\d,.]*)\s*[-–]\s*(\d[\d,.]*)$/.exec(token.text);
  if (range) {
    const low = parseDigits(range[1]!);
    const high = parseDigits(range[2]!);
    if (low !== undefined && high !== undefined && high > low) return { first: index, last: index, value: low, upper: high };
  }
  const words: string[] = [];
  for (let i = index; i < Math.min(tokens.length, index + 6); i++) {
    if (i > index && (tokens[i]!.sentence !== token.sentence || /[,;:]/.test(tokens[i - 1]!.post))) break;
    words.push(tokens[i]!.normal.replace(/^[~≈]/, ''));
  }
  const parsed = parseNumberWords(words);
  if (!parsed) return undefined;
  const found: NumberAt = { first: index, last: index + parsed.used - 1, value: parsed.value };
  // "20 to 25 miners", "20-25"
  const joiner = tokens[found.last + 1];
  if (joiner && (joiner.normal === 'to' || /^\s*[-–]\s*$/.test(tokens[found.last]!.post)) && has(tokens[found.last + (joiner.normal === 'to' ? 2 : 1)], Tag.Value)) {
    const upperIndex = found.last + (joiner.normal === 'to' ? 2 : 1);
    const upper = readNumber(tokens, upperIndex);
    if (upper && upper.value > found.value && upper.upper === undefined) {
      found.upper = upper.value;
      found.last = upper.last;
    }
  }
  return found;
}

function approximationBefore(tokens: readonly Token[], index: number, clause: Int32Array): { approximation: Approximation; first: number } {
  for (const [words, approximation] of APPROXIMATION_BEFORE) {
    const first = index - words.length;
    if (first < 0) continue;
    let matches = true;
    for (let k = 0; k < words.length; k++) {
      const token = tokens[first + k]!;
      if (token.normal !== words[k] || clause[first + k] !== clause[index]) {
        matches = false;
        break;
      }
    }
    if (matches) return { approximation, first };
  }
  if (/^[~≈]/.test(tokens[index]!.text)) return { approximation: 'about', first: index };
  // "between 20 and 25" is a range given as exact bounds; it is read by the range logic.
  return { approximation: 'exact', first: index };
}

interface CountedNoun {
  /** Empty when the figure names no noun ("10 live and …"). */
  noun: string;
  /** -1 without a noun. */
  nounIndex: number;
  /** The first token not read. */
  stop: number;
  qualifiers: string[];
  subset: boolean;
  unit?: string;
}

/** Reads the modifiers and the counted noun after a number: "rescued miners", "live hostages", "coal miners". */
function countedNounAfter(tokens: readonly Token[], after: number, clause: Int32Array): CountedNoun {
  const qualifiers: string[] = [];
  let subset = false;
  let nounIndex = -1;
  let stop = after;
  for (let i = after; i < Math.min(tokens.length, after + 5); i++) {
    stop = i;
    const token = tokens[i]!;
    if (clause[i] !== clause[after - 1] || /[,;:.]/.test(tokens[i - 1]!.post)) break;
    if (SUBSET_WORDS.has(token.normal)) {
      subset = true;
      continue;
    }
    const qualifier = qualifierOf(token.normal) ?? (has(token, Tag.Verb | Tag.Adjective) ? qualifierOf(token.root) : undefined);
    if (qualifier && !(has(token, NOUN_WORD) && !has(token, Tag.Adjective | Tag.Verb) && nounIndex === -1 && !has(tokens[i + 1], NOUN_WORD))) {
      if (nounIndex !== -1) break;
      qualifiers.push(qualifier);
      stop = i + 1;
      continue;
    }
    if (has(token, Tag.Demonym) && nounIndex === -1) {
      qualifiers.push(token.normal);
      stop = i + 1;
      continue;
    }
    if (has(token, NOUN_WORD) && !has(token, NOT_COUNTED) && !has(token, Tag.Verb | Tag.Adverb | Tag.Preposition)) {
      nounIndex = i;
      // A compound noun ("coal miners", "drilling rig") counts its last noun.
      if (has(tokens[i + 1], NOUN_WORD) && !has(tokens[i + 1], NOT_COUNTED | Tag.Verb) && clause[i + 1] === clause[i] && !/[,;:.]/.test(token.post)) continue;
      break;
    }
    if (has(token, Tag.Adjective | Tag.ProperNoun) || (has(token, Tag.Verb) && has(token, Tag.PastTense | Tag.Gerund))) continue;
    break;
  }
  if (nounIndex === -1) return { noun: '', nounIndex, stop, qualifiers, subset };
  const token = tokens[nounIndex]!;
  const unit = UNITS[token.normal] ?? UNITS[token.root];
  return { noun: token.root.replace(/[^\p{L}\p{N} -]/gu, ''), nounIndex, stop: nounIndex + 1, qualifiers, subset, unit };
}

/**
 * State words after the noun or number: "miners were rescued", "remain trapped", "are still missing",
 * "died". Returns the qualifiers and the index of the last word read.
 */
function statesAfter(tokens: readonly Token[], from: number, clause: Int32Array): { qualifiers: string[]; last: number } {
  const qualifiers: string[] = [];
  let last = -1;
  let remained = false;
  for (let i = from; i < Math.min(tokens.length, from + 5); i++) {
    const token = tokens[i]!;
    if (clause[i] !== clause[from - 1] || (i > from && /[,;:.]/.test(tokens[i - 1]!.post))) break;
    if (i === from && /[,;:]/.test(tokens[i - 1]!.post)) break;
    if (token.normal === '' && has(token, Tag.Negative)) return { qualifiers: [], last: -1 };
    if (has(token, Tag.Negative)) return { qualifiers: [], last: -1 };
    const qualifier = qualifierOf(token.normal) ?? (has(token, Tag.Verb | Tag.Adjective) ? qualifierOf(token.root) : undefined);
    if (qualifier === 'remaining') {
      remained = true;
      last = i;
      continue;
    }
    if (qualifier && has(token, Tag.Verb | Tag.Adjective)) {
      qualifiers.push(qualifier);
      last = i;
      break;
    }
    if (LINKING.has(token.normal) || has(token, Tag.Auxiliary | Tag.Copula)) continue;
    break;
  }
  if (qualifiers.length === 0 && remained) qualifiers.push('remaining');
  return { qualifiers, last };
}

function dateInClause(dates: readonly DateMention[], tokens: readonly Token[], clause: Int32Array, index: number, text: string): DateMention | undefined {
  const id = clause[index];
  let lo = index;
  let hi = index;
  while (lo > 0 && clause[lo - 1] === id) lo--;
  while (hi + 1 < tokens.length && clause[hi + 1] === id) hi++;
  const from = tokens[lo]!.start;
  const to = tokens[hi]!.end;
  let best: DateMention | undefined;
  let bestDistance = Infinity;
  const at = tokens[index]!.start;
  for (const date of dates) {
    if (date.start < from || date.end > to) continue;
    // "since January", "after the collapse on March 3", "since the ceasefire began on January 19": the
    // start of a period or another event, not when the figure was true.
    const between = date.start > at ? text.slice(at, date.start) : text.slice(date.end, at);
    if (/\b(?:since|after|before|until|till|from|following)\b/i.test(between) || /\b(?:since|after|before|until|till|from)\s+$/i.test(text.slice(Math.max(0, date.start - 8), date.start))) continue;
    // A date before the figure counts only when it opens the clause ("On Tuesday, nine were rescued"), not
    // when a verb before it owns it ("Of the 251 hostages seized on October 7, some 76 remain").
    if (date.start < at) {
      let verbBefore = false;
      for (let i = lo; i < index && tokens[i]!.start < date.start; i++) if (has(tokens[i], Tag.Verb)) verbBefore = true;
      if (verbBefore) continue;
    }
    const distance = Math.abs(date.start - at);
    if (distance < bestDistance) {
      best = date;
      bestDistance = distance;
    }
  }
  return best;
}

function insideSpans(offset: number, spans: ReadonlyArray<readonly [number, number]>): boolean {
  return spans.some(([from, to]) => offset >= from && offset < to);
}

/** The counted quantities of a tagged document. */
export function extractQuantities(tagged: TaggedText, context: QuantityContext): QuantityMention[] {
  const { tokens, text } = tagged;
  const clause = clauseIds(tagged);
  const skip = context.skipSpans ?? [];
  const mentions: QuantityMention[] = [];
  // Counted nouns seen so far, for figures whose noun is left out ("and nine were rescued").
  let lastNoun: { noun: string; sentence: number } | undefined;
  const pendingShare: Array<{ mention: QuantityMention; index: number }> = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // compromise may tag a capitalised number word as a name ("— Twelve people died").
    const startsNumber =
      has(token, Tag.Value) ||
      NUMBER_WORD.test(token.normal) ||
      ((token.normal === 'a' || token.normal === 'an') && /^(?:dozen|hundred|thousand|million)$/.test(tokens[i + 1]?.normal ?? ''));
    if (!startsNumber || has(token, Tag.Ordinal | Tag.Date) || insideSpans(token.start, skip)) continue;
    const previous = tokens[i - 1];
    if (previous && /^(?:no|number|nr|#)$/.test(previous.normal.replace(/\.$/, '')) && !/[,;]/.test(previous.post)) continue;
    const number = readNumber(tokens, i);
    if (!number) continue;
    const next = tokens[number.last + 1];
    const lastNumberToken = tokens[number.last]!;
    i = number.last;
    if (/^\s*%/.test(lastNumberToken.post) || /%$/.test(lastNumberToken.text) || /^\$|€|£/.test(token.text + token.pre)) continue;
    if (next && (next.normal === 'of' || next.normal === 'percent' || /^(?:per|a\.?m\.?|p\.?m\.?|o'clock)$/.test(next.normal))) continue;
    if (has(next, Tag.Date) && !has(next, Tag.Noun)) continue;

    const { approximation, first } = approximationBefore(tokens, number.first, clause);
    // Active voice puts the state before the figure: "Hamas has released 21 hostages", "killed 30 people".
    const verbBefore = tokens[first - 1];
    const verbLike = verbBefore !== undefined && (has(verbBefore, Tag.Verb) || /ing$/.test(verbBefore.normal)) && !has(verbBefore, Tag.Auxiliary | Tag.Copula);
    const stateBefore = verbLike && clause[first - 1] === clause[first] ? qualifierOfVerbForm(verbBefore.normal, verbBefore.root) : undefined;
    let counted = countedNounAfter(tokens, number.last + 1, clause);
    if (counted.subset) continue;
    let unit: string | undefined;
    if (counted.nounIndex >= 0 && (TIME_NOUNS.has(counted.noun) || TIME_NOUNS.has(tokens[counted.nounIndex]!.normal))) continue;
    if (counted.unit) {
      // A measure needs the thing measured: "a depth of 120 metres".
      const of = tokens[first - 1];
      const measured = tokens[first - 2];
      if (of?.normal !== 'of' || !measured || !has(measured, NOUN_WORD)) continue;
      unit = counted.unit;
      counted = { ...counted, noun: measured.root, qualifiers: [] };
    }

    let end = counted.nounIndex >= 0 ? tokens[counted.nounIndex]!.end : tokens[counted.stop - 1]!.end;
    const qualifiers = [...counted.qualifiers, ...(stateBefore && stateBefore !== 'remaining' ? [stateBefore] : [])];
    const states = unit ? { qualifiers: [], last: -1 } : statesAfter(tokens, counted.stop, clause);
    if (states.last >= 0) {
      qualifiers.push(...states.qualifiers);
      end = Math.max(end, tokens[states.last]!.end);
    }
    let noun = counted.noun || undefined;
    if (!noun) {
      // "nine were rescued": the noun was given earlier in the sentence or the one before.
      const elided = has(next, Tag.Verb) || has(next, Tag.Adverb);
      if (elided && lastNoun && token.sentence - lastNoun.sentence <= 1 && qualifiers.length > 0) noun = lastNoun.noun;
    }
    const mention: QuantityMention = {
      start: tokens[first]!.start,
      end,
      quote: text.slice(tokens[first]!.start, end),
      value: number.value,
      approximation,
      noun: noun ?? '',
      qualifiers,
      key: '',
      ...(number.upper !== undefined ? { upper: number.upper } : {}),
      ...(unit ? { unit } : {}),
    };
    const date = dateInClause(context.dates, tokens, clause, number.first, text);
    if (date) {
      mention.asOf = date.date;
      mention.asOfSource = 'text';
    } else if (context.documentDate) {
      mention.asOf = context.documentDate;
      mention.asOfSource = 'document';
    }
    if (noun) {
      lastNoun = { noun, sentence: token.sentence };
      for (const pending of pendingShare.splice(0)) {
        // "10 live and 18 deceased hostages": the first figure counts the same noun.
        if (tokens[pending.index]!.sentence === token.sentence && number.first - pending.index <= 4) {
          pending.mention.noun = noun;
          mentions.push(pending.mention);
        }
      }
      mentions.push(mention);
    } else if (qualifiers.length > 0 && /^(?:and|or)$/.test(tokens[counted.stop]?.normal ?? '')) {
      pendingShare.push({ mention, index: number.last });
    }
  }
  for (const mention of mentions) mention.key = quantityKey(mention.noun, mention.qualifiers);
  return mentions.sort((a, b) => a.start - b.start);
}
