/**
 * Saved web pages and pasted HTML to drafts. A page goes: inert parse → its metadata → the article body
 * picked by Readability → DOMPurify → canonical paragraphs. A pasted selection skips Readability: the user
 * already chose what is content.
 */
import { Readability } from '@mozilla/readability';
import { joinParagraphs } from '../text/canonical-text';
import { normalizeLanguageTag } from '../text/language';
import { completeDraft, publicationDate, type DocumentDraft, type DraftFields } from './document-draft';
import { readHtmlMetadata, type HtmlMetadata } from './html-metadata';
import { htmlParagraphs, IMPORT_SANITIZE_OPTIONS, NOT_TEXT } from './html-paragraphs';
import { ELEMENT_NODE, type HtmlDom, type HtmlNodeLike } from './import-environment';

// A paste longer than this that carries a page's navigation was a whole page (Ctrl+A), not a selection.
const PASTED_PAGE_MIN_CHARACTERS = 2000;
const BYLINE_MAX = 100;
// Readability drops the headline from the body (it is the title); a document opens with it if none of its
// first paragraphs repeats it.
const HEADLINE_SEARCH = 3;
// Readability's time grows with the cube of how deeply a page nests its elements (2,000 nested <div>s took
// minutes); articles nest a few dozen levels. A page nested deeper is read whole, as when Readability finds
// no article, so that it imports in moments instead of seeming to hang.
const READABILITY_MAX_DEPTH = 100;
// Readability takes a byline (and at times a title) from an element's whole textContent, which includes
// a form control's options, a frame's fallback or a template inside it ("Ann Reyes Share Tweet"). Such
// elements are never article text, so Readability reads the page without them; the head and title stay
// for its metadata, and forms for the pages that wrap everything in one.
const HIDDEN_FROM_READABILITY = NOT_TEXT.filter((tag) => tag !== 'head' && tag !== 'title' && tag !== 'form').join(', ');

interface Article {
  paragraphs: string[];
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
}

/** Whether elements nest more than `limit` levels below `root`; walked with a stack, stopping early. */
function nestsDeeperThan(root: HtmlNodeLike | null, limit: number): boolean {
  const stack: Array<[HtmlNodeLike, number]> = root ? [[root, 0]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
  }
  return false;
}

function fold(value: string | null | undefined): string | undefined {
  const folded = value?.replace(/\s+/g, ' ').trim();
  return folded || undefined;
}

/** Sanitised HTML (a fragment or a whole page) to paragraphs. */
function sanitizedParagraphs(html: string, dom: HtmlDom): string[] {
  const document = dom.parseHtml(dom.sanitizeHtml(html, IMPORT_SANITIZE_OPTIONS));
  return document.body ? htmlParagraphs(document.body) : [];
}

/**
 * The article Readability finds in a page, or undefined when it finds none. Readability rewrites the
 * document it is given, so metadata must be read first.
 */
function readArticle(html: string, dom: HtmlDom): Article | undefined {
  let parsed;
  try {
    const page = dom.parseHtml(html);
    for (const element of Array.from(page.querySelectorAll(HIDDEN_FROM_READABILITY))) element.remove();
    // The structural types of HtmlDocumentLike are what Readability reads; `never` lets shared/ pass its
    // DOM-free view of the document to a library typed against the DOM's Document.
    parsed = new Readability(page as never).parse();
  } catch {
    return undefined;
  }
  if (!parsed?.content) return undefined;
  const paragraphs = sanitizedParagraphs(parsed.content, dom);
  if (paragraphs.length === 0) return undefined;
  const byline = fold(parsed.byline)?.replace(/^by\s+/i, '');
  return {
    paragraphs,
    title: fold(parsed.title),
    byline: byline && byline.length <= BYLINE_MAX ? byline : undefined,
    siteName: fold(parsed.siteName),
    publishedTime: fold(parsed.publishedTime),
    lang: fold(parsed.lang),
  };
}

function withHeadline(paragraphs: string[], title: string | undefined): string[] {
  if (!title) return paragraphs;
  const key = title.toLowerCase();
  return paragraphs.slice(0, HEADLINE_SEARCH).some((p) => p.toLowerCase() === key) ? paragraphs : [title, ...paragraphs];
}

function htmlFields(paragraphs: string[], metadata: HtmlMetadata, article: Article | undefined, title: string | undefined): DraftFields {
  const fields: DraftFields = {
    title: title ?? '',
    text: joinParagraphs(paragraphs),
    format: 'html',
    author: metadata.author ?? article?.byline,
    outlet: metadata.outlet ?? article?.siteName,
    url: metadata.url,
    publishedAt: metadata.publishedAt ?? publicationDate(article?.publishedTime),
  };
  const language = metadata.language ?? normalizeLanguageTag(article?.lang);
  if (language) fields.language = language;
  return fields;
}

/**
 * Builds a draft from a saved web page: the article body (by Readability; the whole page when it finds
 * none), opening with its headline, and the page's title, author, outlet, date, address and language.
 */
export async function draftFromHtml(html: string, sourceName: string, dom: HtmlDom): Promise<DocumentDraft> {
  const page = dom.parseHtml(html);
  const metadata = readHtmlMetadata(page);
  const article = nestsDeeperThan(page.documentElement, READABILITY_MAX_DEPTH) ? undefined : readArticle(html, dom);
  const title = fold(metadata.title) ?? article?.title ?? fold(page.title);
  const paragraphs = withHeadline(article?.paragraphs ?? sanitizedParagraphs(html, dom), title);
  return completeDraft(htmlFields(paragraphs, metadata, article, title), sourceName);
}

/**
 * Builds a draft from pasted HTML: all of it is content, unless it is a whole page (long, with navigation),
 * which goes through Readability like a saved page. `title` is the user's, when they gave one.
 * Returns undefined when the HTML holds no text (a pasted image), so the caller can use the plain text.
 */
export async function draftFromPastedHtml(html: string, dom: HtmlDom, title?: string): Promise<DocumentDraft | undefined> {
  const document = dom.parseHtml(html);
  const metadata = readHtmlMetadata(document);
  const selection = sanitizedParagraphs(html, dom);
  if (selection.length === 0) return undefined;
  const wholePage = joinParagraphs(selection).length > PASTED_PAGE_MIN_CHARACTERS && document.querySelector('nav, footer, aside, [role="navigation"]') !== null;
  const article = wholePage && !nestsDeeperThan(document.documentElement, READABILITY_MAX_DEPTH) ? readArticle(html, dom) : undefined;
  const headline = fold(title) ?? fold(metadata.title) ?? article?.title;
  const paragraphs = article ? withHeadline(article.paragraphs, headline) : selection;
  return completeDraft(htmlFields(paragraphs, metadata, article, headline), 'Pasted text');
}
