/**
 * Fuzzing the HTML importer through the command line's path (bytes → decodeHtmlFile → Readability →
 * DOMPurify on linkedom, from main/cli/html-dom.ts) and the paste path. Generated pages nest visible text
 * among scripts, styles, frames, handlers and `javascript:` addresses that each carry a marker; the
 * marker must never reach the document, whose text must be canonical and exportable. Broken pages (cut
 * short, stray characters, odd charsets) must import or be refused with a clear message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeHtmlDom } from '../../../main/cli/html-dom';
import { loadPdfInNode } from '../../../main/cli/pdf-loader';
import { documentSchema } from '../../../shared/bundles/bundle-format';
import { draftFromClipboard, draftFromFile, ImportError, type DocumentDraft } from '../../../shared/importers/source-document';
import { expectClearMessage } from './clear-message';
import { checkProperty, testTimeout, withinTime, type FuzzOptions } from './fuzz-run';
import { expectSoundDraft } from './imported-draft';

const PAGES: FuzzOptions = { runs: 300, budgetMs: 7000 };
const PASTES: FuzzOptions = { runs: 200, budgetMs: 4000 };
const BROKEN_PAGES: FuzzOptions = { runs: 250, budgetMs: 6000 };
const DEEP_PAGES: FuzzOptions = { runs: 12, budgetMs: 6000 };
/** Generous for a page of a few hundred kilobytes on a loaded 2-core machine; what used to hang took minutes. */
const IMPORT_LIMIT_MS = 10_000;

const dom = createNodeHtmlDom();
const environment = { html: dom, loadPdf: loadPdfInNode };

/** Put wherever a page holds something that is not article text; it must never reach a document. */
const HIDDEN = 'QxHiddenQx';

// ----- what a page can hold -----

const oddCharacter = fc.constantFrom('\u200f', '\u202e', '\u200e', '\u0000', '\u200b', '\u00ad', '\ufeff', '\u00a0', '\u0301', '\t', '\r\n', '\u2028', '🚢', 'ﬁ', 'Å', '\ud800', '\udc00', ' ');

/** Visible text: words, any script, and the characters that trip up text handling. Never markup. */
const visibleText = fc
  .oneof(
    { weight: 4, arbitrary: fc.lorem({ maxCount: 8, mode: 'words' }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 2, arbitrary: fc.array(fc.oneof(fc.lorem({ maxCount: 2 }), oddCharacter), { maxLength: 12 }).map((parts) => parts.join('')) },
  )
  .map((text) => text.replace(/[<>&]/g, ' '));

/** Text for metadata (attribute values, JSON-LD): may be used as title or author, so never hidden. */
const metaText = visibleText.map((text) => text.replace(/"/g, "'"));

const HIDDEN_ELEMENTS = [
  `<script>var note = "${HIDDEN} </p><p>";</script>`,
  `<script type="text/template"><p>${HIDDEN}</p></script>`,
  `<style>p::before { content: "${HIDDEN}"; }</style>`,
  `<iframe srcdoc="<p>${HIDDEN}</p>">${HIDDEN}</iframe>`,
  `<noscript><p>${HIDDEN}</p></noscript>`,
  `<template><p>${HIDDEN}</p></template>`,
  `<object data="x.swf"><p>${HIDDEN}</p></object>`,
  `<embed src="${HIDDEN}.swf">`,
  `<svg><script>${HIDDEN}</script><text>${HIDDEN}</text></svg>`,
  `<math><mi>${HIDDEN}</mi></math>`,
  `<!-- ${HIDDEN} -->`,
  `<textarea>${HIDDEN}</textarea>`,
  `<select><option>${HIDDEN}</option></select>`,
  `<button onclick="${HIDDEN}()">${HIDDEN}</button>`,
  `<img src="x" onerror="${HIDDEN}()" alt="${HIDDEN}">`,
  `<video><track label="${HIDDEN}">${HIDDEN}</video>`,
  `<canvas>${HIDDEN}</canvas>`,
  `<xmp><p>${HIDDEN}</p></xmp>`,
  `<noembed>${HIDDEN}</noembed>`,
  `<dialog>${HIDDEN}</dialog>`,
  `<form action="javascript:${HIDDEN}"><input value="${HIDDEN}"></form>`,
];

const hiddenAttribute = fc.constantFrom(
  ` onclick="${HIDDEN}()"`,
  ` onmouseover='${HIDDEN}'`,
  ` style="background: url(javascript:${HIDDEN})"`,
  ` data-note="${HIDDEN}"`,
  ` title="${HIDDEN}"`,
  ` aria-label="${HIDDEN}"`,
  ` href="javascript:${HIDDEN}()"`,
  ` data-huge="${HIDDEN.repeat(8000)}"`,
);
const plainAttribute = fc.constantFrom(' class="story"', ' id="main"', ' dir="rtl"', ' lang="ar"', ' role="navigation"', ' itemprop="articleBody"', ' class="byline"', ' rel="author"');

const CONTAINERS = ['p', 'div', 'span', 'b', 'i', 'em', 'strong', 'a', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'article', 'section', 'nav', 'footer', 'aside', 'header', 'main', 'pre', 'code', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'q', 'small', 'sup', 'ruby', 'rt', 'details', 'summary', 'time'];

/** A body: elements (closed or not) with visible text among hidden content, nested a few levels. */
const body = fc.letrec<{ node: string; element: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: visibleText },
    { weight: 1, arbitrary: fc.constantFrom(...HIDDEN_ELEMENTS) },
    { weight: 1, arbitrary: fc.constantFrom('<br>', '<hr>', '<wbr>', '<img src="photo.jpg">') },
    { weight: 3, arbitrary: tie('element') },
  ),
  element: fc
    .record({
      tag: fc.constantFrom(...CONTAINERS),
      attributes: fc.array(fc.oneof(hiddenAttribute, plainAttribute), { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 5 }),
      closed: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    })
    .map(({ tag, attributes, children, closed }) => `<${tag}${attributes.join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`),
}));

const dateText = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2023-02-30', '2024-13-01', 'yesterday', '9999-99-99T99:99', '', '2024-11-02T08:30:00+01:00', '2024-11-02 08:30', '0000-00-00', '+010000-01-01'),
);

const jsonLdValue = fc.oneof(metaText, fc.integer(), fc.constant(null), fc.array(metaText, { maxLength: 2 }), fc.record({ name: fc.oneof(metaText, fc.integer()) }));

/** JSON-LD as pages have it, and as they get it wrong. */
const jsonLd = fc.oneof(
  fc
    .tuple(
      fc.record(
        {
          '@type': fc.constantFrom('NewsArticle', 'Article', ['BlogPosting'], 'Person', 5, null),
          headline: jsonLdValue,
          author: jsonLdValue,
          publisher: jsonLdValue,
          datePublished: fc.oneof(dateText, fc.integer()),
          url: fc.oneof(fc.webUrl(), fc.constant(`javascript:${HIDDEN}`)),
          inLanguage: fc.oneof(fc.constantFrom('en', 'pt-BR', 'xx-invalid-tag-value', ''), fc.integer()),
        },
        { requiredKeys: [] },
      ),
      fc.boolean(),
    )
    .map(([article, inGraph]) => JSON.stringify(inGraph ? { '@graph': [article] } : article)),
  fc.constantFrom('{ this is not json', '[', '{"@graph": {"@graph": {"@graph": null}}}', `${'['.repeat(3000)}${']'.repeat(3000)}`, 'null', '"NewsArticle"'),
);

const head = fc
  .record({
    title: fc.option(metaText, { nil: undefined }),
    meta: fc.array(
      fc.oneof(
        fc.tuple(fc.constantFrom('property="og:title"', 'name="author"', 'property="og:site_name"', 'name="twitter:title"', 'name="dc.creator"'), metaText),
        fc.tuple(fc.constantFrom('property="article:published_time"', 'name="date"', 'itemprop="datePublished"'), dateText),
        fc.tuple(fc.constantFrom('property="og:url"', 'property="og:locale"', 'http-equiv="content-language"'), fc.oneof(fc.webUrl(), fc.constantFrom(`javascript:${HIDDEN}`, 'en_GB', 'klingon', ''))),
      ),
      { maxLength: 4 },
    ),
    jsonLd: fc.array(jsonLd, { maxLength: 2 }),
    canonical: fc.option(fc.oneof(fc.webUrl(), fc.constant(`javascript:${HIDDEN}`)), { nil: undefined }),
    lang: fc.option(fc.constantFrom('en', 'EN_gb', 'ar', 'zz', '', 'x-hidden', 'de-DE-u-co-phonebk'), { nil: undefined }),
  })
  .map(({ title, meta, jsonLd: scripts, canonical, lang }) => ({
    lang,
    head: [
      title === undefined ? '' : `<title>${title}</title>`,
      ...meta.map(([key, value]) => `<meta ${key} content="${value}">`),
      ...scripts.map((script) => `<script type="application/ld+json">${script}</script>`),
      canonical === undefined ? '' : `<link rel="canonical" href="${canonical}">`,
      `<style>.${HIDDEN} { color: red }</style>`,
    ].join(''),
  }));

/** A whole page; sometimes without the tags a parser can infer. */
const page = fc
  .tuple(head, fc.array(body.node, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([{ lang, head: headHtml }, parts, explicit]) =>
    explicit
      ? `<!doctype html><html${lang === undefined ? '' : ` lang="${lang}"`}><head><meta charset="utf-8">${headHtml}</head><body>${parts.join('')}</body></html>`
      : `${headHtml}${parts.join('')}`,
  );

// ----- what an import must give -----

type Imported = { draft: DocumentDraft } | { error: unknown };

async function imported(work: () => Promise<DocumentDraft>, size: number): Promise<Imported> {
  return withinTime(IMPORT_LIMIT_MS, `importing ${size.toLocaleString('en-US')} characters of HTML`, () =>
    work().then(
      (draft) => ({ draft }),
      (error: unknown) => ({ error }),
    ),
  );
}

const selections = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 });

/** A document with canonical text and nothing hidden in any field, that a bundle could carry; or a clear refusal. */
async function expectSafeImport(outcome: Imported, spans: ReadonlyArray<readonly [number, number]>, visibleOnly: boolean): Promise<void> {
  if ('error' in outcome) {
    expectClearMessage(outcome.error, ImportError, 'the HTML importer');
    return;
  }
  const { draft } = outcome;
  await expectSoundDraft(draft, spans);
  for (const [field, value] of Object.entries(draft)) expect(String(value), `the draft's ${field}`).not.toContain(HIDDEN);
  // Generated visible text and metadata never hold markup characters, so none may appear.
  if (visibleOnly) expect(draft.text, 'markup in the text').not.toMatch(/[<>]/);
  const exported = documentSchema.safeParse({ ...draft, id: 'fuzz', importedAt: '2025-03-08T00:00:00.000Z' });
  if (!exported.success) throw new Error(`the draft would not pass the bundle format: ${exported.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
}

// ----- broken pages -----

const breakage = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom('<', '>', '"', "'", '</', '<!--', '<![CDATA[', '&', '&#0;', '&#xD800;', '&amp', '<script>', '</body>', '<plaintext>', '\u0000', '\ud800'), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('charset' as const), charset: fc.constantFrom('windows-1252', 'utf-16', 'shift_jis', 'iso-2022-jp', 'x-unknown', 'utf-7', 'replacement', 'UTF-16BE') }),
  fc.record({ kind: fc.constant('encode' as const), as: fc.constantFrom('utf-16le-bom', 'utf-16be-bom', 'latin1-bytes', 'utf8-bom') }),
);

function encode(html: string, as: string | undefined): Uint8Array {
  if (as === 'utf-16le-bom' || as === 'utf-16be-bom') {
    const out = new Uint8Array(2 + html.length * 2);
    const little = as === 'utf-16le-bom';
    out.set(little ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < html.length; i++) {
      const unit = html.charCodeAt(i);
      out[2 + i * 2] = little ? unit & 0xff : unit >> 8;
      out[3 + i * 2] = little ? unit >> 8 : unit & 0xff;
    }
    return out;
  }
  if (as === 'latin1-bytes') return Uint8Array.from(html, (character) => character.charCodeAt(0) & 0xff);
  const bytes = new TextEncoder().encode(html);
  return as === 'utf8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

function breakPage(html: string, breaks: ReadonlyArray<typeof breakage extends fc.Arbitrary<infer T> ? T : never>): Uint8Array {
  let broken = html;
  let as: string | undefined;
  for (const change of breaks) {
    if (change.kind === 'cut') broken = broken.slice(0, Math.floor(change.at * broken.length));
    else if (change.kind === 'insert') {
      const at = Math.floor(change.at * broken.length);
      broken = `${broken.slice(0, at)}${change.text}${broken.slice(at)}`;
    } else if (change.kind === 'charset') broken = `<meta charset="${change.charset}">${broken}`;
    else as = change.as;
  }
  return encode(broken, as);
}

describe('the HTML importer under fuzzing', () => {
  it('imports generated pages as their visible text only, canonical and exportable', { timeout: testTimeout(PAGES) }, async () => {
    await checkProperty('html pages', PAGES, [page, selections], async (html, spans) => {
      const outcome = await imported(() => draftFromFile({ name: 'page.html', bytes: new TextEncoder().encode(html) }, environment), html.length);
      await expectSafeImport(outcome, spans, true);
    });
  });

  it('imports pasted HTML, lone surrogates and all, as its visible text only', { timeout: testTimeout(PASTES) }, async () => {
    await checkProperty('html pastes', PASTES, [fc.array(body.node, { minLength: 1, maxLength: 6 }), fc.option(visibleText, { nil: undefined }), selections], async (parts, plain, spans) => {
      const html = parts.join('');
      const outcome = await imported(() => draftFromClipboard({ html, ...(plain === undefined ? {} : { text: plain }) }, dom), html.length);
      await expectSafeImport(outcome, spans, true);
    });
  });

  it('imports broken pages or refuses them with a clear message', { timeout: testTimeout(BROKEN_PAGES) }, async () => {
    await checkProperty('broken html pages', BROKEN_PAGES, [page, fc.array(breakage, { minLength: 1, maxLength: 4 }), selections], async (html, breaks, spans) => {
      const bytes = breakPage(html, breaks);
      const outcome = await imported(() => draftFromFile({ name: 'broken.html', bytes }, environment), bytes.length);
      // A cut or a stray "<" can turn hidden content into text ("<scr" + "ipt>"), so only the text's
      // shape and a clear refusal are required here.
      if ('error' in outcome) expectClearMessage(outcome.error, ImportError, 'the HTML importer');
      else await expectSoundDraft(outcome.draft, spans);
    });
  });

  it('imports pages nested thousands of levels deep without hanging or overflowing', { timeout: testTimeout(DEEP_PAGES) }, async () => {
    await checkProperty('deep html pages', DEEP_PAGES, [fc.integer({ min: 50, max: 3000 }), fc.array(fc.constantFrom(...CONTAINERS), { minLength: 1, maxLength: 4 }), visibleText], async (depth, tags, words) => {
      const opening = Array.from({ length: depth }, (_, level) => `<${tags[level % tags.length]}>`).join('');
      const html = `<html><body>${opening}Deep ${words}${HIDDEN_ELEMENTS[depth % HIDDEN_ELEMENTS.length]}</body></html>`;
      const outcome = await imported(() => draftFromFile({ name: 'deep.html', bytes: new TextEncoder().encode(html) }, environment), html.length);
      await expectSafeImport(outcome, [], true);
      if ('draft' in outcome) expect(outcome.draft.text).toContain('Deep');
    });
  });
});
