/**
 * People, organisations and places named in a document. compromise supplies part-of-speech and name tags;
 * this module groups capitalised words into names, sets aside titles ("Envoy", "Prime Minister"), and types
 * each name from several clues: compromise's tags, a role next to it, organisation words ("Company",
 * "Ministry"), place prepositions, verbs of saying, and the other mentions of the same name in the document.
 */
import type { EntityType } from '../model';
import { looksLikeOrganization } from '../resolve/name-similarity';
import { isReportingVerb } from './clauses';
import { roleHead, rolesAround, type Role } from './roles';
import { Tag, has, type TaggedText, type Token } from './tagged-text';

export interface EntityMention {
  start: number;
  end: number;
  quote: string;
  /** The name as written, without titles or a possessive 's. */
  name: string;
  type: Exclude<EntityType, 'other'>;
  /** Titles and roles written next to this mention. */
  roles: Role[];
}

const CONNECTORS = new Set(['of', 'al', 'el', 'bin', 'ibn', 'de', 'van', 'von', 'der', 'la', 'du', 'da', 'del', 'della', 'le', 'den', '&']);
const NON_NAME = Tag.Date | Tag.Value | Tag.Pronoun | Tag.Determiner | Tag.Preposition | Tag.Conjunction;
const NAME_TAGS = Tag.Person | Tag.Place | Tag.Organization;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'outside', 'inside', 'across', 'to', 'into', 'towards', 'toward', 'around']);
// Words that end the names of places: general geography, not any particular place.
const PLACE_WORDS = new Set([
  'street', 'road', 'avenue', 'square', 'bridge', 'river', 'lake', 'mountain', 'mount', 'hill', 'hills', 'pier',
  'harbour', 'harbor', 'port', 'bay', 'creek', 'valley', 'county', 'province', 'district', 'city', 'island',
  'islands', 'park', 'canal', 'station', 'airport', 'strait', 'sea', 'ocean', 'coast', 'peninsula', 'desert',
  'forest', 'region', 'state', 'border', 'crossing', 'camp', 'village', 'town', 'quarter', 'gate', 'plaza',
]);
const PERSON_VERBS = new Set(['visit', 'speak', 'decline', 'refuse', 'arrive', 'leave', 'resign', 'meet']);
const BREAKING_PUNCTUATION = /[,;:()"“”—–!?]|\.\s/;
const HONORIFIC = /^(?:mr|mrs|ms|dr|prof|sir|dame|lord|lady|sheikh|rev|gen|col|capt|sgt|lt|mx)\.?$/i;

function capitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/**
 * A headline in title case ("Envoy Says Mine Talks Have Collapsed") capitalises everything, so its
 * capitals say nothing about names: skip it. Headlines do not end with a full stop.
 */
function headlineSentences(tagged: TaggedText, skipSpans: ReadonlyArray<readonly [number, number]>): Set<number> {
  const skip = new Set<number>();
  for (let s = 0; s < tagged.sentences.length; s++) {
    const sentence = tagged.sentences[s]!;
    if (/[.!?]["”’)]?$/.test(tagged.text.slice(sentence.start, sentence.end))) continue;
    const words = tagged.tokens.slice(sentence.first, sentence.last).filter((t) => t.text.length > 3 && !inSpans(t.start, skipSpans));
    if (words.length >= 4 && words.filter(capitalised).length / words.length > 0.7) skip.add(s);
  }
  return skip;
}

function startsSentence(tagged: TaggedText, index: number): boolean {
  const token = tagged.tokens[index]!;
  const previous = tagged.tokens[index - 1];
  return !previous || previous.sentence !== token.sentence || /[:"“—–]/.test(previous.post + token.pre);
}

interface Candidate {
  first: number;
  last: number;
  start: number;
  end: number;
  name: string;
  roles: Role[];
  votes: Record<Exclude<EntityType, 'other'>, number>;
}

function inSpans(offset: number, spans: ReadonlyArray<readonly [number, number]>): boolean {
  return spans.some(([from, to]) => offset >= from && offset < to);
}

/** Runs of capitalised words (with connectors such as "of", "al-", "bin" between them) within a sentence. */
function capitalisedRuns(tagged: TaggedText, skipSentences: Set<number>, skipSpans: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const { tokens } = tagged;
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    // Demonyms ("Israeli", "Qatari") describe, they do not name.
    if (!capitalised(token) || has(token, NON_NAME | Tag.Demonym) || skipSentences.has(token.sentence) || inSpans(token.start, skipSpans)) {
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < tokens.length) {
      const current = tokens[last]!;
      const next = tokens[last + 1]!;
      if (next.sentence !== current.sentence) break;
      const gap = current.post + next.pre;
      if (BREAKING_PUNCTUATION.test(gap) && !/^(?:\p{L}\.)+$/u.test(current.text)) break;
      if (capitalised(next) && !has(next, Tag.Date | Tag.Value)) {
        last++;
        continue;
      }
      // "Ministry of Health", "Abdel Fattah al-Sisi", "Osama bin Laden"
      const after = tokens[last + 2];
      if (CONNECTORS.has(next.normal) && after && after.sentence === next.sentence && capitalised(after) && !BREAKING_PUNCTUATION.test(next.post)) {
        last += 2;
        continue;
      }
      break;
    }
    runs.push([i, last]);
    i = last + 1;
  }
  return runs;
}

/** Trims titles, determiners and sentence-initial common words from a run; undefined when nothing is left. */
function trimRun(tagged: TaggedText, first: number, last: number, lowercaseWords: Set<string>): [number, number] | undefined {
  const { tokens } = tagged;
  // Titles and roles at the start ("Envoy", "Prime Minister", "U.S. Envoy"): cut through the last role word.
  for (let i = last - 1; i >= first; i--) {
    if (roleHead(tokens[i]!.normal) || HONORIFIC.test(tokens[i]!.text)) {
      first = i + 1;
      break;
    }
  }
  while (first <= last && (CONNECTORS.has(tokens[first]!.normal) || !capitalised(tokens[first]!))) first++;
  // A title alone ("the Envoy had left") is not a name.
  if (first > last || (first === last && (roleHead(tokens[first]!.normal) || HONORIFIC.test(tokens[first]!.text)))) return undefined;
  const head = tokens[first]!;
  if (startsSentence(tagged, first) && !has(head, NAME_TAGS)) {
    // A capitalised first word of a sentence is a name only when nothing says it is a common word.
    const common =
      has(head, Tag.Verb | Tag.Adjective | Tag.Adverb | Tag.Plural) ||
      lowercaseWords.has(head.normal) ||
      (first === last && has(tokens[last + 1], Tag.Noun) && !has(tokens[last + 1], Tag.Verb) && !capitalised(tokens[last + 1]!));
    if (common) {
      first++;
      if (first > last) return undefined;
    }
  }
  while (last >= first && CONNECTORS.has(tokens[last]!.normal)) last--;
  return first <= last ? [first, last] : undefined;
}

function nameSpan(tagged: TaggedText, first: number, last: number): { start: number; end: number } {
  const start = tagged.tokens[first]!.start;
  let end = tagged.tokens[last]!.end;
  const text = tagged.text.slice(start, end);
  const possessive = /['’]s?$/.exec(text);
  if (possessive && has(tagged.tokens[last]!, Tag.Possessive)) end -= possessive[0].length;
  return { start, end };
}

/**
 * Extends an organisation written partly in lowercase: "the Brask mining company". Only organisation words
 * may follow, so "Brask pit" stays "Brask".
 */
function organisationTail(tagged: TaggedText, last: number): number {
  let end = last;
  for (let i = last + 1; i < Math.min(tagged.tokens.length, last + 3); i++) {
    const token = tagged.tokens[i]!;
    if (token.sentence !== tagged.tokens[last]!.sentence || BREAKING_PUNCTUATION.test(tagged.tokens[i - 1]!.post)) break;
    if (!looksLikeOrganization(token.normal) || has(token, Tag.Verb)) break;
    end = i;
  }
  // Only worth it when the words end in an organisation word proper ("mining company", not "mining").
  return end > last && /^(?:company|corporation|group|union|ministry|agency|council|committee|party|hospital|bank|authority|university|association|foundation|institute|commission)$/.test(tagged.tokens[end]!.normal)
    ? end
    : last;
}

function vote(tagged: TaggedText, candidate: Candidate): void {
  const { tokens } = tagged;
  const span = tokens.slice(candidate.first, candidate.last + 1);
  const v = candidate.votes;
  if (looksLikeOrganization(candidate.name)) v.organization += 4;
  if (span.length > 1 && PLACE_WORDS.has(span[span.length - 1]!.normal)) v.place += 3;
  for (const token of span) {
    if (has(token, Tag.Person)) v.person += 2;
    if (has(token, Tag.Organization)) v.organization += 2;
    if (has(token, Tag.Place)) v.place += 2;
  }
  if (candidate.roles.length > 0) v.person += 3;
  const before = tokens[candidate.first - 1];
  const afterPreposition = before !== undefined && before.sentence === span[0]!.sentence && PLACE_PREPOSITIONS.has(before.normal) && !/[,;]/.test(before.post);
  if (afterPreposition) v.place += 2;
  const after = tokens[candidate.last + 1];
  // A verb of saying after a name makes it a speaker, unless the name sits in a phrase like "in Leaton".
  if (!afterPreposition && after && has(after, Tag.Verb) && !BREAKING_PUNCTUATION.test(tokens[candidate.last]!.post)) {
    if (isReportingVerb(after.root)) v.person += 1.5;
    else if (PERSON_VERBS.has(after.root)) v.person += 1;
  }
  // "said Wendtner", "according to Vantner"
  const saidBefore = before !== undefined && has(before, Tag.Verb) && isReportingVerb(before.root);
  const accordingTo = before?.normal === 'to' && tokens[candidate.first - 2]?.normal === 'according';
  if (saidBefore || accordingTo) v.person += 1;
}

// On a tie, a place or an organisation is the safer reading: a wrong person invites a wrong name match.
const TIE_ORDER: Record<Exclude<EntityType, 'other'>, number> = { place: 0, organization: 1, person: 2 };

function bestType(votes: Candidate['votes']): Exclude<EntityType, 'other'> | undefined {
  const entries = Object.entries(votes) as Array<[Exclude<EntityType, 'other'>, number]>;
  entries.sort((a, b) => b[1] - a[1] || TIE_ORDER[a[0]] - TIE_ORDER[b[0]]);
  const [type, score] = entries[0]!;
  return score > 0 ? type : undefined;
}

/**
 * Named people, organisations and places in tagged text, each with roles written next to it.
 * `skipSpans` are left out (a dateline's city and outlet).
 */
export function extractEntities(tagged: TaggedText, skipSpans: ReadonlyArray<readonly [number, number]> = []): EntityMention[] {
  const { tokens, text } = tagged;
  const lowercaseWords = new Set<string>();
  for (const token of tokens) if (/^\p{Ll}/u.test(token.text)) lowercaseWords.add(token.normal);

  const candidates: Candidate[] = [];
  for (const [runFirst, runLast] of capitalisedRuns(tagged, headlineSentences(tagged, skipSpans), skipSpans)) {
    const trimmed = trimRun(tagged, runFirst, runLast, lowercaseWords);
    if (!trimmed) continue;
    const [first] = trimmed;
    const last = organisationTail(tagged, trimmed[1]);
    const { start, end } = nameSpan(tagged, first, last);
    const name = text.slice(start, end);
    if (!/\p{L}{2}/u.test(name)) continue;
    const candidate: Candidate = { first, last, start, end, name, roles: rolesAround(text, start, end), votes: { person: 0, organization: 0, place: 0 } };
    vote(tagged, candidate);
    candidates.push(candidate);
  }

  // The document's other mentions decide a lone word: "Fenwick" after "Alder Fenwick" is the same person,
  // "Brask" after "Brask Mining Company" the company.
  const typed = candidates.map((candidate) => bestType(candidate.votes));
  const personWords = new Map<string, number>();
  const organisationHeads = new Set<string>();
  candidates.forEach((candidate, index) => {
    const words = candidate.name.toLowerCase().split(/\s+/);
    if (typed[index] === 'person' && words.length > 1) for (const word of words) personWords.set(word, (personWords.get(word) ?? 0) + 1);
    if (typed[index] === 'organization' && words.length > 1) organisationHeads.add(words[0]!);
  });
  const mentions: EntityMention[] = [];
  candidates.forEach((candidate, index) => {
    let type = typed[index];
    const words = candidate.name.toLowerCase().split(/\s+/);
    if (words.length === 1 && candidate.votes.organization < 4) {
      if (personWords.has(words[0]!)) type = 'person';
      else if (organisationHeads.has(words[0]!) && Math.max(candidate.votes.place, candidate.votes.person) < 2) type = 'organization';
    }
    if (!type) return;
    mentions.push({ start: candidate.start, end: candidate.end, quote: candidate.name, name: candidate.name, type, roles: candidate.roles });
  });

  // A name typed one way in most of its mentions is that type in all of them.
  const majority = new Map<string, Map<string, number>>();
  for (const mention of mentions) {
    const counts = majority.get(mention.name) ?? new Map<string, number>();
    counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
    majority.set(mention.name, counts);
  }
  for (const mention of mentions) {
    const counts = [...majority.get(mention.name)!.entries()].sort((a, b) => b[1] - a[1]);
    if (counts.length > 1 && counts[0]![1] > counts[1]![1]) mention.type = counts[0]![0] as EntityMention['type'];
  }
  return mentions;
}
