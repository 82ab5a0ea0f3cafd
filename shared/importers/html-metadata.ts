/**
 * What a saved web page says about itself: Open Graph and article meta tags, `<meta name="author">`, JSON-LD
 * (schema.org NewsArticle and kin), `<time datetime>`, `<link rel="canonical">` and `<html lang>`.
 * JSON-LD is read with JSON.parse; nothing on the page is evaluated or fetched.
 */
import { normalizeLanguageTag } from '../text/language';
import { publicationDate } from './document-draft';
import type { HtmlDocumentLike } from './import-environment';

export interface HtmlMetadata {
  title?: string;
  author?: string;
  outlet?: string;
  publishedAt?: string;
  url?: string;
  language?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|Report|LiveBlogPosting)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folded = value.replace(/\s+/g, ' ').trim();
  return folded || undefined;
}

/** Only absolute web addresses: a `javascript:` or relative "canonical" is not where the article lives. */
function webAddress(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(trimmed) ? trimmed : undefined;
}

/** Meta tags by lowercased property, name, itemprop or http-equiv; the first of each wins, as browsers' readers do. */
function metaTags(document: HtmlDocumentLike): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = text(meta.getAttribute('content'));
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** Every JSON-LD object on the page, with `@graph` lists and arrays opened up. */
function jsonLdObjects(document: HtmlDocumentLike): JsonObject[] {
  const objects: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      objects.push(value);
      if (value['@graph']) collect(value['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is its own problem; the other sources of metadata still count.
    }
  }
  return objects;
}

function isArticle(object: JsonObject): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((entry) => typeof entry === 'string' && ARTICLE_TYPE.test(entry));
}

/** Names from a schema.org author or publisher: a string, a Person/Organization, or a list of them. */
function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((entry) => (isObject(entry) ? text(entry.name) : text(entry)))
    .filter((name): name is string => name !== undefined && !/^https?:/i.test(name));
  return list.length > 0 ? [...new Set(list)].join(', ') : undefined;
}

function jsonLdUrl(article: JsonObject): string | undefined {
  const page = article.mainEntityOfPage;
  return webAddress(text(article.url)) ?? webAddress(isObject(page) ? text(page['@id']) ?? text(page.url) : text(page));
}

/** The first `<time datetime>` of the article (or else of the page) that states a day. */
function timeElementDate(document: HtmlDocumentLike): string | undefined {
  const scope = document.querySelector('article') ?? document.body;
  const times = [
    ...Array.from(document.querySelectorAll('time[itemprop="datePublished"], time[pubdate]')),
    ...Array.from(scope?.querySelectorAll('time[datetime]') ?? []),
  ];
  for (const time of times) {
    const date = publicationDate(time.getAttribute('datetime'));
    if (date) return date;
  }
  return undefined;
}

/** Reads a page's own description of itself. Call it before anything modifies the document. */
export function readHtmlMetadata(document: HtmlDocumentLike): HtmlMetadata {
  const meta = metaTags(document);
  const article = jsonLdObjects(document).find(isArticle);
  const publisher = article?.publisher;
  const metadata: HtmlMetadata = {
    title: meta.get('og:title') ?? text(article?.headline) ?? meta.get('twitter:title'),
    author: meta.get('author') ?? names(article?.author) ?? names(meta.get('article:author')) ?? meta.get('dc.creator'),
    outlet: meta.get('og:site_name') ?? names(isObject(publisher) || Array.isArray(publisher) ? publisher : undefined) ?? meta.get('application-name'),
    publishedAt:
      publicationDate(meta.get('article:published_time')) ??
      publicationDate(text(article?.datePublished)) ??
      publicationDate(meta.get('datepublished')) ??
      publicationDate(meta.get('date')) ??
      publicationDate(meta.get('dc.date')) ??
      timeElementDate(document),
    url: webAddress(meta.get('og:url')) ?? webAddress(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? (article && jsonLdUrl(article)),
    language:
      normalizeLanguageTag(document.documentElement?.getAttribute('lang')) ??
      normalizeLanguageTag(meta.get('og:locale')) ??
      normalizeLanguageTag(text(article?.inLanguage)) ??
      normalizeLanguageTag(meta.get('content-language')),
  };
  for (const key of Object.keys(metadata) as Array<keyof HtmlMetadata>) {
    if (metadata[key] === undefined) delete metadata[key];
  }
  return metadata;
}
