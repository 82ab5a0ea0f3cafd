/**
 * What the importers need from where they run, which shared/ cannot hold: an inert HTML parser, DOMPurify
 * bound to that DOM, and pdf.js (whose Node and browser builds differ). The app passes browser versions
 * (renderer/import), the command line Node versions (main/cli). Only the few members the importers read
 * are declared, so shared/ stays free of the DOM's types.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface HtmlNodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<HtmlNodeLike>;
}

export interface HtmlElementLike extends HtmlNodeLike {
  getAttribute(name: string): string | null;
  /** Takes the element out of its (inert) document; only ever called on a document made for one read. */
  remove(): void;
  querySelector(selectors: string): HtmlElementLike | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElementLike>;
}

export interface HtmlDocumentLike {
  readonly documentElement: HtmlElementLike | null;
  readonly body: HtmlElementLike | null;
  readonly title: string;
  querySelector(selectors: string): HtmlElementLike | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElementLike>;
}

/**
 * The DOMPurify options the importers use; a subset of DOMPurify's Config, so an adapter passes it on as is.
 * Sanitised HTML is only ever read for its text, never shown.
 */
export interface SanitizeOptions {
  ALLOWED_TAGS: string[];
  ALLOWED_ATTR: string[];
  ADD_FORBID_CONTENTS: string[];
  KEEP_CONTENT: boolean;
  ALLOW_DATA_ATTR: boolean;
  ALLOW_ARIA_ATTR: boolean;
}

export interface HtmlDom {
  /**
   * Parses a page or a fragment into an inert document: no script runs, no image, style or frame loads
   * (a DOMParser document in the browser, linkedom in Node). Never the live page.
   */
  parseHtml(html: string): HtmlDocumentLike;
  /** DOMPurify's `sanitize(html, options)` returning a string, from a DOMPurify bound to an inert DOM. */
  sanitizeHtml(html: string, options: SanitizeOptions): string;
}

/** One piece of text as pdf.js's `getTextContent()` gives it. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, x, y]: the text's matrix; x and y are the baseline's start in page units (y grows upwards). */
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface PdfPageLike {
  getViewport(parameters: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: ReadonlyArray<PdfTextItem | { type: string }> }>;
  cleanup?(): unknown;
}

export interface PdfDocumentLike {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfPageLike>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

/**
 * Opens PDF bytes with pdf.js (`getDocument({ data, isEvalSupported: false, … }).promise`). pdf.js takes
 * ownership of the buffer it is given, so a loader passes it a copy. Rejects with pdf.js's own errors
 * (`PasswordException`, `InvalidPDFException`), which the importer turns into messages.
 */
export type PdfLoader = (bytes: Uint8Array) => Promise<PdfDocumentLike>;

/** Everything the importers need from their surroundings; text and Markdown need none of it. */
export interface ImportEnvironment {
  html: HtmlDom;
  loadPdf: PdfLoader;
}
