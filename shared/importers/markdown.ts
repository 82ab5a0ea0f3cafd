/**
 * Markdown to canonical paragraphs: block structure becomes paragraphs, inline markup becomes its text.
 * Front matter (`---` fenced `key: value` lines) gives metadata.
 */

export interface MarkdownContent {
  paragraphs: string[];
  /** The first heading's text, if any. */
  heading?: string;
  frontMatter: Record<string, string>;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function parseFrontMatter(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of body.split('\n')) {
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value) fields[match[1]!.toLowerCase()] = value;
  }
  return fields;
}

/**
 * Inline markup to plain text. No pattern may scan past the next opening marker of its kind (a "[" for a
 * link, a "<" for a tag, the next "**"): where one could, a long line of unclosed openers ("[a[a[a…")
 * made each opener scan to the end of the line, and a 100 KB paragraph took minutes.
 */
export function stripInlineMarkdown(line: string): string {
  return (
    line
      // images keep their alt text, links their label
      .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/\[([^[\]]+)\]\([^()]*\)/g, '$1')
      .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
      // inline HTML tags are dropped, their text kept
      .replace(/<\/?[A-Za-z][^<>]*>/g, '')
      .replace(/`([^`]+)`/g, '$1')
      // emphasis only where the markers hug text, so snake_case and 2 * 3 survive
      .replace(/(\*\*|__)(?=\S)((?:(?!\1)[\s\S])*?\S)\1/g, '$2')
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
      .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
      .replace(/~~(?=\S)((?:(?!~~)[\s\S])*?\S)~~/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
  );
}

/**
 * A table's rule line ("|---|:--:|"), trimmed. No two parts may match the same spaces: where they could
 * ("\s*\|?(\s*…"), a line of 60,000 spaces before a word took seconds to reject.
 */
const TABLE_RULE = /^\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?)?[ \t]*$/;

/** Parses Markdown into paragraphs of plain text. */
export function parseMarkdown(raw: string): MarkdownContent {
  let source = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let frontMatter: Record<string, string> = {};
  const fm = FRONT_MATTER.exec(source);
  if (fm) {
    frontMatter = parseFrontMatter(fm[1]!);
    source = source.slice(fm[0].length);
  }

  const lines = source.split('\n');
  const paragraphs: string[] = [];
  let heading: string | undefined;
  let pending: string[] = [];
  let fence: string | null = null;

  const flush = (): void => {
    const text = stripInlineMarkdown(pending.join(' ')).trim();
    if (text) paragraphs.push(text);
    pending = [];
  };
  const addHeading = (text: string): void => {
    flush();
    // One white space before the closing hashes (the rest is trimmed): "\s+#+" rescanned a long run of
    // spaces from each of its characters.
    const plain = stripInlineMarkdown(text.replace(/\s#+\s*$/, '')).trim();
    if (!plain) return;
    heading ??= plain;
    paragraphs.push(plain);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^\s{0,3}(```+|~~~+)/.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) {
        fence = null;
        flush();
      } else if (line.trim() === '') {
        flush();
      } else {
        pending.push(line.trim());
      }
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    const atx = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
    if (atx) {
      addHeading(atx[1]!);
      continue;
    }
    const next = lines[i + 1];
    if (pending.length === 0 && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s{0,3}[-*+]\s/.test(line)) {
      addHeading(trimmed);
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    const content = quote ? quote[1]! : line;
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(content);
    if (item) {
      flush();
      pending.push(item[1]!.trim());
      continue;
    }
    if (TABLE_RULE.test(content.trim())) continue;
    // Cells split and trimmed, not matched with "\s*\|\s*", which rescanned a long run of spaces from each of its characters.
    pending.push(content.trim().replace(/^\|(.*)\|$/, '$1').split('|').map((cell) => cell.trim()).join(' | ').trim());
  }
  flush();
  return { paragraphs, heading, frontMatter };
}
