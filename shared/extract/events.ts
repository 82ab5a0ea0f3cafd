/**
 * Dated events: the event word a date belongs to, so that "the collapse on March 3" and "the collapse
 * happened on March 4" can be compared. The event is the noun or verb the date attaches to in its clause:
 * "collapsed on March 3" (verb), "after the collapse on March 3" (a noun after a time preposition),
 * "the collapse happened on March 4" (the subject of a verb of happening), "the March 3 collapse".
 */
import { clauseIds, isReportingVerb } from './clauses';
import type { DateMention } from './dates';
import { Tag, has, type TaggedText, type Token } from './tagged-text';

export interface EventMention {
  /** Lemma of the event noun or verb ("collapse", "give way"). */
  event: string;
  /** Head noun of the verb's subject ("shaft" in "the shaft collapsed"), when the text gives one. */
  subject?: string;
  date: string;
  precision: DateMention['precision'];
  /** The event word through the date: "collapsed on March 3". */
  start: number;
  end: number;
  quote: string;
}

const HAPPENING_VERBS = new Set(['happen', 'occur', 'take', 'begin', 'start', 'unfold', 'come']);
const TIME_PREPOSITIONS = new Set(['after', 'before', 'since', 'following', 'until', 'during', 'amid', 'despite']);
const SKIPPED_VERBS = new Set(['be', 'have', 'do', 'get', 'make', 'go', 'will', 'would', 'can', 'could']);
const RELATIVE_PRONOUNS = new Set(['which', 'that', 'who', 'whom']);
const CONTENT_NOUN = Tag.Noun;
const NOT_EVENT_NOUN = Tag.Pronoun | Tag.Date | Tag.Value | Tag.Person | Tag.Place | Tag.Organization;
const WALK_LIMIT = 14;

function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The head noun of the subject before token `verb` (over auxiliaries), resolving "which" to its antecedent. */
function subjectBefore(tokens: readonly Token[], verb: number, clause: Int32Array): string | undefined {
  let i = verb - 1;
  while (i >= 0 && has(tokens[i], Tag.Auxiliary | Tag.Copula | Tag.Modal | Tag.Negative | Tag.Adverb)) i--;
  const token = tokens[i];
  if (!token) return undefined;
  if (RELATIVE_PRONOUNS.has(token.normal)) {
    // "the Hollin No. 2 shaft, which collapsed": the noun before the comma.
    const antecedent = tokens[i - 1];
    return antecedent && has(antecedent, CONTENT_NOUN) && !has(antecedent, Tag.Pronoun) ? antecedent.root : undefined;
  }
  if (clause[i] !== clause[verb]) return undefined;
  if (has(token, CONTENT_NOUN) && !has(token, Tag.Pronoun | Tag.Value)) return token.root;
  return undefined;
}

function eventFromNoun(token: Token): string {
  return token.root;
}

/** Events with the dates they are given, for the dates of `dates` (the document's own date left out). */
export function extractEvents(tagged: TaggedText, dates: readonly DateMention[]): EventMention[] {
  const { tokens, text } = tagged;
  if (tokens.length === 0) return [];
  const clause = clauseIds(tagged);
  const events: EventMention[] = [];

  for (const date of dates) {
    // A deadline ("arrive by Thursday") is a plan, not an event with a date.
    if (/\bby\s+$/i.test(text.slice(Math.max(0, date.start - 4), date.start))) continue;
    const first = tokenAt(tokens, date.start);
    const lastDateToken = tokenAt(tokens, date.end - 1);
    let event: { word: Token; event: string; subject?: string } | undefined;

    // "the March 3 collapse"
    const following = tokens[lastDateToken + 1];
    if (following && clause[lastDateToken + 1] === clause[first] && has(following, CONTENT_NOUN) && !has(following, NOT_EVENT_NOUN | Tag.Verb) && tokens[first - 1]?.normal === 'the' && !/[,;]/.test(tokens[lastDateToken]!.post)) {
      event = { word: following, event: eventFromNoun(following) };
    }

    let sawVerbBetween = false;
    for (let j = first - 1; !event && j >= Math.max(0, first - WALK_LIMIT); j--) {
      const token = tokens[j]!;
      if (clause[j] !== clause[first] && !RELATIVE_PRONOUNS.has(token.normal)) break;
      if (has(token, Tag.Date | Tag.Value | Tag.Determiner | Tag.Adverb | Tag.Adjective | Tag.ProperNoun) || token.normal === '') continue;
      if (has(token, Tag.Preposition) || token.normal === 'of') continue;
      if (has(token, Tag.Verb) && !has(token, Tag.Auxiliary | Tag.Copula | Tag.Modal)) {
        sawVerbBetween = true;
        if (isReportingVerb(token.root)) break;
        // "gave way": the particle belongs to the verb before it.
        if (has(token, Tag.Particle) && has(tokens[j - 1], Tag.Verb)) {
          const verb = tokens[j - 1]!;
          event = { word: verb, event: `${verb.root} ${token.normal}`, subject: subjectBefore(tokens, j - 1, clause) };
          break;
        }
        if (HAPPENING_VERBS.has(token.root)) {
          let s = j - 1;
          while (s >= 0 && has(tokens[s], Tag.Auxiliary | Tag.Modal | Tag.Adverb)) s--;
          const subject = tokens[s];
          if (subject && has(subject, CONTENT_NOUN) && !has(subject, NOT_EVENT_NOUN)) event = { word: subject, event: eventFromNoun(subject) };
          break;
        }
        if (SKIPPED_VERBS.has(token.root) || (has(token, Tag.Gerund) && tokens[j - 1]?.normal === 'to')) break;
        event = { word: token, event: token.root, subject: subjectBefore(tokens, j, clause) };
        break;
      }
      if (has(token, CONTENT_NOUN) && !has(token, NOT_EVENT_NOUN)) {
        // A noun after a time preposition is an event ("after the collapse on March 3"); so is the noun
        // phrase that opens its clause ("The collapse on March 3 killed two"). A verb's object is not.
        let k = j - 1;
        while (k >= 0 && has(tokens[k], Tag.Determiner | Tag.Adjective | Tag.Possessive)) k--;
        const before = tokens[k];
        const opensClause = !before || clause[k] !== clause[j];
        if ((before && TIME_PREPOSITIONS.has(before.normal)) || (opensClause && !sawVerbBetween)) {
          event = { word: token, event: eventFromNoun(token) };
          break;
        }
        continue;
      }
      if (RELATIVE_PRONOUNS.has(token.normal)) break;
    }
    if (!event || !/\p{L}{3}/u.test(event.event)) continue;
    const start = Math.min(event.word.start, date.start);
    const end = Math.max(event.word.end, date.end);
    events.push({
      event: event.event,
      ...(event.subject ? { subject: event.subject } : {}),
      date: date.date,
      precision: date.precision,
      start,
      end,
      quote: text.slice(start, end),
    });
  }
  return events;
}
