/**
 * HTML to canonical paragraphs: block elements, headings and list items each become a paragraph, a table row
 * becomes one paragraph of its cells, inline markup becomes its text, `<br>` a space. Only text nodes are
 * read; nothing is rendered, resolved or fetched.
 */
import { ELEMENT_NODE, TEXT_NODE, type HtmlElementLike, type HtmlNodeLike, type SanitizeOptions } from './import-environment';

// Elements whose content is not article text. DOMPurify drops these with their content; the walk skips them
// as well, so a sanitiser that missed one still could not put their text into a document.
export const NOT_TEXT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math',
  'canvas', 'video', 'audio', 'picture', 'map', 'form', 'button', 'select', 'option', 'datalist', 'textarea',
  'head', 'title', 'xmp', 'plaintext', 'noembed', 'noframes', 'dialog',
];
const SKIPPED = new Set([...NOT_TEXT, 'rt', 'rp']);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'ul',
]);

/**
 * DOMPurify's options for imported HTML: structure and inline text elements only, no attributes but `id`
 * (Word footnotes are found by it), no URLs, no styles, no handlers; disallowed wrappers keep their text.
 */
export const IMPORT_SANITIZE_OPTIONS: SanitizeOptions = {
  ALLOWED_TAGS: [
    ...BLOCKS, 'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd',
    'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'td', 'th', 'time', 'tr',
    'u', 'var', 'wbr',
  ].filter((tag) => tag !== 'html' && tag !== 'body'),
  ALLOWED_ATTR: ['id'],
  ADD_FORBID_CONTENTS: NOT_TEXT,
  KEEP_CONTENT: true,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

// Invisible characters that pages use to control line breaking: a soft hyphen, a zero-width space, a stray
// byte-order mark. Left in, they would split words that the reader sees whole.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

export interface HtmlParagraphOptions {
  /**
   * Marks a list item that is a footnote or endnote: returns the label to put before its text ("[2]"), or
   * undefined for an ordinary item.
   */
  noteLabel?(item: HtmlElementLike): string | undefined;
}

const END_OF_BLOCK = Symbol('end of block');

function isElement(node: HtmlNodeLike): node is HtmlElementLike {
  return node.nodeType === ELEMENT_NODE;
}

function tagOf(node: HtmlNodeLike): string {
  return node.nodeName.toLowerCase();
}

/** Puts a node's children on a walk's stack so that they come off it in document order. */
function pushChildren<T>(stack: Array<HtmlNodeLike | T>, node: HtmlNodeLike): void {
  const children = node.childNodes;
  for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
}

/** The text of a subtree on one line: blocks inside it are separated by a space. */
function inlineText(root: HtmlNodeLike): string {
  let text = '';
  // Walked with a stack, not recursion: a page can nest elements thousands deep (see htmlParagraphs).
  const stack: Array<HtmlNodeLike | string> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      text += node;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      text += (node.textContent ?? '').replace(INVISIBLE, '');
      continue;
    }
    if (!isElement(node)) continue;
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      text += ' ';
      continue;
    }
    const padded = BLOCKS.has(tag) || tag === 'td' || tag === 'th' || tag === 'tr';
    if (padded) {
      text += ' ';
      stack.push(' ');
    }
    pushChildren(stack, node);
  }
  return text;
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The paragraphs of an element's content, in document order. */
export function htmlParagraphs(root: HtmlNodeLike, options: HtmlParagraphOptions = {}): string[] {
  const paragraphs: string[] = [];
  let pending = '';
  const flush = (): void => {
    const text = fold(pending);
    if (text) paragraphs.push(text);
    pending = '';
  };

  // A walk with a stack rather than recursion: linkedom (the command line's parser) keeps any nesting a page
  // has, and a few thousand levels would overflow the call stack. END_OF_BLOCK closes a block's paragraph.
  const stack: Array<HtmlNodeLike | typeof END_OF_BLOCK> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === END_OF_BLOCK) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      pending += (node.textContent ?? '').replace(INVISIBLE, '');
      continue;
    }
    if (!isElement(node)) continue;
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      pending += ' ';
      continue;
    }
    if (tag === 'tr') {
      flush();
      // Every child, not only the cells: a browser moves text out of a row, linkedom leaves it in there.
      const cells = Array.from(node.childNodes)
        .map((cell) => fold(inlineText(cell)))
        .filter((cell) => cell.length > 0);
      if (cells.length > 0) paragraphs.push(cells.join(' | '));
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    const label = tag === 'li' ? options.noteLabel?.(node) : undefined;
    if (label) {
      // A note is one paragraph however Word split it, with its back-link ("↑") dropped.
      const text = fold(inlineText(node)).replace(/\s*↑$/, '');
      if (text) paragraphs.push(`${label} ${text}`);
      continue;
    }
    if (block) stack.push(END_OF_BLOCK);
    pushChildren(stack, node);
  }
  flush();
  return paragraphs;
}
