/**
 * Clause segmentation within tagged sentences, so that a date or a figure is read with the words of its own
 * clause: in "14 miners are still trapped in the shaft, which collapsed on March 3" the date belongs to the
 * collapse, not to the count.
 */
import { Tag, has, type TaggedText } from './tagged-text';

const CLAUSE_OPENERS = new Set([
  'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'although', 'though', 'but', 'and', 'as', 'after',
  'before', 'because', 'since', 'until', 'according', 'adding', 'saying', 'contradicting',
]);
// Subordinating words that open a clause even without a comma: "12 died when the bridge collapsed on May 12".
const SUBORDINATORS = new Set(['when', 'while', 'because', 'although', 'though', 'whereas', 'unless', 'whether']);
const REPORTING_VERBS = new Set([
  'say', 'tell', 'add', 'state', 'announce', 'declare', 'explain', 'insist', 'repeat', 'confirm', 'deny', 'claim',
  'argue', 'note', 'warn', 'write', 'report', 'dispute', 'reply', 'believe', 'think', 'agree', 'estimate', 'suggest',
  'acknowledge', 'admit', 'allege', 'assert', 'maintain', 'stress', 'underline', 'indicate', 'show', 'fear', 'hope',
]);

/** Whether a verb lemma introduces reported speech ("said", "told", "insisted"). */
export function isReportingVerb(root: string): boolean {
  return REPORTING_VERBS.has(root);
}

/**
 * A clause number for every token (increasing through the text). A clause ends at ; : — and parentheses,
 * before a comma followed by a relative or linking word, before "that" after a verb of saying, and before
 * "and"/"but" that start a new statement with a number or a pronoun.
 */
export function clauseIds(tagged: TaggedText): Int32Array {
  const { tokens } = tagged;
  const ids = new Int32Array(tokens.length);
  let clause = 0;
  let lastSaying = -10;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (previous) {
      const gap = previous.post + token.pre;
      let breaks = previous.sentence !== token.sentence || /[;:—–()"“”]|\s-\s/.test(gap);
      if (!breaks && gap.includes(',') && CLAUSE_OPENERS.has(token.normal)) breaks = true;
      if (!breaks && SUBORDINATORS.has(token.normal)) breaks = true;
      // "said that …", "said on Wednesday that …": what follows is what was said.
      if (!breaks && token.normal === 'that' && i - lastSaying <= 5 && tokens[lastSaying]?.sentence === token.sentence) breaks = true;
      if (!breaks && (token.normal === 'and' || token.normal === 'but')) {
        const next = tokens[i + 1];
        if (has(next, Tag.Value | Tag.Pronoun) && !has(tokens[i + 2], Tag.Noun | Tag.Adjective)) breaks = true;
        if (next?.normal === 'that') breaks = true;
      }
      if (breaks) clause++;
    }
    ids[i] = clause;
    if (has(token, Tag.Verb) && isReportingVerb(token.root)) lastSaying = i;
  }
  return ids;
}
