/**
 * The sentence around a mention, cut from the document's canonical text, so that a list of mentions across
 * the corpus can be read without opening each document.
 */

export interface MentionContext {
  before: string;
  mention: string;
  after: string;
  /** Text was left out before `before` / after `after` (the sentence was too long to show whole). */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

// A sentence ends at . ! or ? (and any closing quotes or brackets), then white space, then something that can
// begin a sentence: a capital, a digit is not one ("Hollin No. 2", "March 5. 2025" stays whole).
const SENTENCE_END = /[.!?]["'”’»)\]]*\s+(?=["'“‘«([]?\p{Lu})/gu;

/** The sentence holding [start, end) within its paragraph, clipped to about `maxChars` around the mention. */
export function sentenceAround(text: string, start: number, end: number, maxChars = 320): MentionContext {
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const paragraphEnd = newline < 0 ? text.length : newline;

  let sentenceStart = paragraphStart;
  SENTENCE_END.lastIndex = 0;
  const lead = text.slice(paragraphStart, start);
  for (let match = SENTENCE_END.exec(lead); match; match = SENTENCE_END.exec(lead)) sentenceStart = paragraphStart + match.index + match[0].length;

  SENTENCE_END.lastIndex = 0;
  const tail = text.slice(end, paragraphEnd);
  const next = SENTENCE_END.exec(tail);
  // Keep the closing punctuation, drop the space after it.
  const sentenceEnd = next ? end + next.index + next[0].trimEnd().length : paragraphEnd;

  const room = Math.max(0, maxChars - (end - start));
  let beforeStart = Math.max(sentenceStart, start - Math.ceil(room / 2));
  let afterEnd = Math.min(sentenceEnd, end + room - (start - beforeStart));
  // Where the sentence is clipped, clip at a space rather than in the middle of a word.
  if (beforeStart > sentenceStart) {
    const space = text.indexOf(' ', beforeStart);
    if (space >= 0 && space < start) beforeStart = space + 1;
  }
  if (afterEnd < sentenceEnd) {
    const space = text.lastIndexOf(' ', afterEnd);
    if (space > end) afterEnd = space;
  }
  return {
    before: text.slice(beforeStart, start),
    mention: text.slice(start, end),
    after: text.slice(end, afterEnd),
    clippedBefore: beforeStart > sentenceStart,
    clippedAfter: afterEnd < sentenceEnd,
  };
}
