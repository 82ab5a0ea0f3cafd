/**
 * Statements with their polarity: "talks have collapsed" (affirmed) and "talks have not collapsed" (denied)
 * share the key `talk|collapse`; "the shaft had been inspected" and "the shaft was never inspected" share
 * `shaft|inspect`. A statement is a clause's subject noun and its main verb, with the negation of the verb
 * group (not, never, n't, no longer).
 */
import { clauseIds, isReportingVerb } from './clauses';
import { Tag, has, tagText, type TaggedText, type Token } from './tagged-text';

export type Polarity = 'affirmed' | 'denied';

export interface ClaimMention {
  /** The subject and verb group as written: "the ventilation shaft was never inspected". */
  start: number;
  end: number;
  quote: string;
  /** Lemma of the subject's head noun ("shaft"). */
  subject: string;
  /** Other words of the subject noun phrase ("ventilation"), lowercase. */
  modifiers: string[];
  /** Lemma of the main verb ("inspect"). */
  predicate: string;
  polarity: Polarity;
  /** `subject|predicate`. */
  key: string;
}

const GROUP_WORDS = Tag.Auxiliary | Tag.Copula | Tag.Modal | Tag.Negative | Tag.Adverb;
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor']);
// Verbs that say little on their own or take a following verb ("refused to stop").
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'get', 'make', 'go', 'come', 'seem', 'appear', 'want', 'try', 'refuse', 'need', 'begin', 'start', 'continue', 'keep', 'let', 'help', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must']);
const CONDITIONALS = new Set(['if', 'whether', 'unless', 'once']);

/** The negation and start of the verb group ending at `verb`. */
function verbGroup(tokens: readonly Token[], verb: number, clause: Int32Array): { start: number; negated: boolean } {
  let start = verb;
  let negated = false;
  for (let i = verb - 1; i >= 0 && clause[i] === clause[verb]; i--) {
    const token = tokens[i]!;
    if (!has(token, GROUP_WORDS) && token.normal !== 'longer') break;
    if (has(token, Tag.Negative) || NEGATIONS.has(token.normal)) negated = true;
    start = i;
  }
  return { start, negated };
}

/**
 * The subject noun phrase before `groupStart` within its clause, cut at its first preposition
 * ("talks with the miners' union" → "talks"), with its head noun's lemma and modifiers.
 */
function subjectBefore(tokens: readonly Token[], groupStart: number, clause: Int32Array): { first: number; head: Token; modifiers: string[] } | undefined {
  let first = groupStart;
  while (first > 0 && clause[first - 1] === clause[groupStart]) {
    const previous = tokens[first - 1]!;
    if (/[,;:]/.test(previous.post) || previous.normal === 'that' || (has(previous, Tag.Verb) && isReportingVerb(previous.root))) break;
    first--;
  }
  // The phrase runs from the clause start to its first preposition, conjunction or verb.
  let end = first;
  while (end < groupStart) {
    const token = tokens[end]!;
    // compromise reads a clause-initial plural before a preposition as a verb ("that talks with the union
    // have…"); in that position it is the subject noun.
    const nounLikeVerb = end === first && has(token, Tag.Verb) && /s$/.test(token.normal) && has(tokens[end + 1], Tag.Preposition);
    if (has(token, Tag.Preposition | Tag.Conjunction) || (has(token, Tag.Verb) && !nounLikeVerb && !has(token, Tag.Noun | Tag.Adjective))) break;
    end++;
  }
  let head: Token | undefined;
  const modifiers: string[] = [];
  for (let i = first; i < end; i++) {
    const token = tokens[i]!;
    const nounLike = (has(token, Tag.Noun) || (i === first && has(token, Tag.Verb))) && !has(token, Tag.Pronoun | Tag.Value | Tag.Date);
    if (nounLike) {
      if (head) modifiers.push(head.normal.replace(/['’]s?$/, ''));
      head = token;
    } else if (has(token, Tag.Adjective)) {
      modifiers.push(token.normal);
    }
  }
  if (!head || has(head, Tag.Possessive)) return undefined;
  // Words between the phrase and the verb ("talks between X and the union have…") may not hold a verb of
  // their own, or the subject belongs to another clause.
  for (let i = end; i < groupStart; i++) {
    const token = tokens[i]!;
    if (has(token, Tag.Verb) && !has(token, Tag.Gerund | Tag.Noun | Tag.Adjective)) return undefined;
  }
  return { first, head, modifiers };
}

/** Claims (subject, verb, polarity) in tagged text. */
export function extractClaims(tagged: TaggedText): ClaimMention[] {
  const { tokens, text } = tagged;
  const clause = clauseIds(tagged);
  const claims: ClaimMention[] = [];
  for (let v = 0; v < tokens.length; v++) {
    const verb = tokens[v]!;
    if (!has(verb, Tag.Verb) || has(verb, Tag.Auxiliary | Tag.Copula | Tag.Modal | Tag.Gerund | Tag.Particle)) continue;
    if (LIGHT_VERBS.has(verb.root) || isReportingVerb(verb.root) || !/\p{L}{3}/u.test(verb.root)) continue;
    // "refused to stop", "will continue to collapse": an infinitive belongs to another verb.
    if (tokens[v - 1]?.normal === 'to') continue;
    const { start: groupStart, negated } = verbGroup(tokens, v, clause);
    const subject = subjectBefore(tokens, groupStart, clause);
    if (!subject) continue;
    const clauseTokens = tokens.filter((_, i) => clause[i] === clause[v]);
    if (clauseTokens.some((token) => CONDITIONALS.has(token.normal)) || text.slice(tokens[subject.first]!.start, verb.end).includes('?')) continue;
    const start = tokens[subject.first]!.start;
    const end = verb.end;
    const subjectLemma = subject.head.root.replace(/['’]s?$/, '');
    claims.push({
      start,
      end,
      quote: text.slice(start, end),
      subject: subjectLemma,
      modifiers: subject.modifiers,
      predicate: verb.root,
      polarity: negated ? 'denied' : 'affirmed',
      key: `${subjectLemma}|${verb.root}`,
    });
  }
  return claims;
}

/** Reads a claim from a short text the user tagged as a claim; undefined when no statement is found. */
export function claimFromQuote(quote: string): ClaimMention | undefined {
  const claims = extractClaims(tagText(quote));
  return claims[0];
}
