/**
 * The importers' HTML environment in Node: linkedom parses (it has no script engine and fetches nothing),
 * and DOMPurify runs on a linkedom window. DOMPurify reads node state through prototype getters (so that a
 * clobbered property cannot lie to it) and needs `document.implementation`; linkedom keeps that state in own
 * fields and has no implementation. The bridge below gives DOMPurify views that read the real fields,
 * without changing linkedom's classes.
 */
import createDOMPurify from 'dompurify';
import { DOMParser, parseHTML } from 'linkedom';
import type { HtmlDocumentLike, HtmlDom, SanitizeOptions } from '../../shared/importers/import-environment';

const EMPTY_PAGE = '<!doctype html><html><head><title></title></head><body></body></html>';

/**
 * linkedom parses what it is given as a whole document: a fragment ("<p>a</p>") comes out with the `<p>` as
 * the root and an empty body. Fragments are put into a page first, as a browser's parser would place them.
 */
function asPage(html: string): string {
  return /<(?:html|body|head)[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

function parsePage(html: string): HtmlDocumentLike {
  const page = new DOMParser().parseFromString(asPage(html), 'text/html') as unknown as HtmlDocumentLike & { documentElement: unknown };
  // A page that opens with a comment or CDATA before any tag leaves linkedom with no root element (its body
  // and head getters then throw); a browser would still build html/head/body around the content.
  if (page.documentElement) return page;
  return new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html') as unknown as HtmlDocumentLike;
}

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * A stand-in for a DOM class whose prototype has getters (and methods) reading the real objects' fields;
 * `instanceof` still answers for the real class.
 */
function prototypeView(real: Constructor, getters: readonly string[], methods: readonly string[]): Constructor {
  const View = function View() {} as unknown as Constructor;
  Object.defineProperty(View, Symbol.hasInstance, { value: (value: unknown) => value instanceof real });
  for (const name of getters) {
    Object.defineProperty(View.prototype, name, {
      get(this: Record<string, unknown>) {
        return this[name];
      },
    });
  }
  for (const name of methods) {
    const method = (real.prototype as Record<string, (...args: unknown[]) => unknown>)[name]!;
    Object.defineProperty(View.prototype, name, {
      value(this: unknown, ...args: unknown[]) {
        return method.apply(this, args);
      },
    });
  }
  return View;
}

/** DOMPurify's `sanitize` on linkedom; throws at once if DOMPurify would not actually sanitise. */
function linkedomPurifier(): (html: string, options: SanitizeOptions) => string {
  const { window, document } = parseHTML(EMPTY_PAGE) as unknown as { window: Record<string, Constructor>; document: object };
  class PageParser {
    parseFromString(html: string): unknown {
      return parsePage(html);
    }
  }
  const implementation = { createHTMLDocument: () => parsePage(EMPTY_PAGE), createDocument: () => parsePage(EMPTY_PAGE) };
  const bridgedWindow = {
    document: new Proxy(document, { get: (target, key) => (key === 'implementation' ? implementation : Reflect.get(target, key)) }),
    Node: prototypeView(window.Node!, ['nodeType', 'nodeName', 'ownerDocument'], []),
    Element: prototypeView(
      window.Element!,
      ['nextSibling', 'childNodes', 'parentNode', 'shadowRoot', 'attributes', 'namespaceURI'],
      ['cloneNode', 'remove', 'removeAttributeNode'],
    ),
    // linkedom's NodeFilter lacks some of the masks DOMPurify combines; these are the DOM's values.
    NodeFilter: { SHOW_ELEMENT: 0x1, SHOW_TEXT: 0x4, SHOW_CDATA_SECTION: 0x8, SHOW_PROCESSING_INSTRUCTION: 0x40, SHOW_COMMENT: 0x80 },
    DOMParser: PageParser,
    HTMLFormElement: window.HTMLFormElement,
    DocumentFragment: window.DocumentFragment,
    NamedNodeMap: window.NamedNodeMap,
    Text: window.Text,
    Comment: window.Comment,
  };
  const purify = createDOMPurify(bridgedWindow as unknown as Parameters<typeof createDOMPurify>[0]);
  const sanitize = (html: string, options: SanitizeOptions): string => purify.sanitize(html, { ...options, RETURN_TRUSTED_TYPE: false });
  // DOMPurify hands back its input untouched when it judges the DOM unsupported; a sanitiser that does
  // nothing must fail loudly, never pass a page through.
  const probe = sanitize('<p onclick="x()">kept<script>dropped()</script></p>', { ALLOWED_TAGS: ['p'], ALLOWED_ATTR: [], ADD_FORBID_CONTENTS: [], KEEP_CONTENT: true, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false });
  if (!purify.isSupported || probe !== '<p>kept</p>') throw new Error(`DOMPurify does not sanitise on this DOM (probe gave ${JSON.stringify(probe)}).`);
  return sanitize;
}

/** The HTML environment for the command line. */
export function createNodeHtmlDom(): HtmlDom {
  const sanitize = linkedomPurifier();
  return { parseHtml: parsePage, sanitizeHtml: sanitize };
}
