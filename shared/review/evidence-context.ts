/**
 * The sentence around a quote, so a reviewer reads evidence in context without opening the document.
 * Sentences end at . ! ? (with closing quotes or brackets) followed by white space, or at a paragraph break;
 * a sentence longer than the limit is cut at a word, with an ellipsis, keeping the quote whole.
 */

export interface QuoteInContext {
  /** Text before the quote, from the sentence start ("…" first when cut). */
  before: string;
  quote: string;
  /** Text after the quote, to the sentence end ("…" last when cut). */
  after: string;
}

const SENTENCE_END = /[.!?][”"’')\]]*\s/g;
const DEFAULT_CONTEXT = 220;

function sentenceStart(text: string, from: number, limit: number): number {
  const paragraph = text.lastIndexOf('\n', from - 1) + 1;
  const floor = Math.max(paragraph, from - limit);
  let start = floor === paragraph ? paragraph : -1;
  SENTENCE_END.lastIndex = floor;
  for (let match = SENTENCE_END.exec(text); match && match.index + match[0].length <= from; match = SENTENCE_END.exec(text)) {
    start = match.index + match[0].length;
  }
  return start;
}

function sentenceEnd(text: string, from: number, limit: number): number {
  const paragraph = text.indexOf('\n', from);
  const ceiling = Math.min(paragraph < 0 ? text.length : paragraph, from + limit);
  SENTENCE_END.lastIndex = from;
  const match = SENTENCE_END.exec(text);
  if (match && match.index < ceiling) return match.index + match[0].trimEnd().length;
  return ceiling === (paragraph < 0 ? text.length : paragraph) ? ceiling : -1;
}

/** Cuts `part` to about `limit` characters at a word boundary, from the end nearest the quote. */
function cutAtWord(part: string, limit: number, keep: 'end' | 'start'): string {
  if (keep === 'end') {
    const tail = part.slice(part.length - limit);
    const space = tail.search(/\s/);
    return `…${space >= 0 ? tail.slice(space + 1) : tail}`;
  }
  const head = part.slice(0, limit);
  const space = head.search(/\s\S*$/);
  return `${space > 0 ? head.slice(0, space) : head}…`;
}

/** The sentence holding text[start, end), at most about `limit` characters either side of the quote. */
export function quoteInContext(text: string, start: number, end: number, limit = DEFAULT_CONTEXT): QuoteInContext {
  const from = sentenceStart(text, start, limit);
  const to = sentenceEnd(text, end, limit);
  const before = from >= 0 ? text.slice(from, start) : cutAtWord(text.slice(Math.max(0, start - limit), start), limit, 'end');
  const after = to >= 0 ? text.slice(end, to) : cutAtWord(text.slice(end, end + limit), limit, 'start');
  return { before: before.replace(/^\s+/, ''), quote: text.slice(start, end), after: after.replace(/\s+$/, '') };
}
