/**
 * The importers' environment in the app (Electron's renderer and the web build): DOMParser for inert parsing,
 * a private DOMPurify instance, and pdf.js with its worker from the app's own files. Imported HTML is only
 * ever parsed into DOMParser documents, which have no browsing context: no script runs, no image, style,
 * font or frame loads, no handler fires. It is never inserted into the live page.
 */
import createDOMPurify from 'dompurify';
import type { HtmlDocumentLike, HtmlDom, ImportEnvironment, PdfDocumentLike, PdfLoader } from '../../shared/importers/import-environment';

function createBrowserHtmlDom(): HtmlDom {
  // An instance of our own: hooks or settings another part of the app might give the shared default
  // instance cannot change what imports keep.
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error('This browser cannot sanitise HTML safely, so Crosscheck cannot import web pages in it.');
  const parser = new DOMParser();
  return {
    parseHtml: (html) => parser.parseFromString(html, 'text/html') as HtmlDocumentLike,
    // A string, not a DOM: DOMPurify's DOM results belong to the live document, where an adopted <img> would
    // start loading. The string is parsed again by DOMParser, inertly.
    sanitizeHtml: (html, options) => purify.sanitize(html, { ...options, RETURN_DOM: false, RETURN_DOM_FRAGMENT: false, RETURN_TRUSTED_TYPE: false }),
  };
}

/** pdf.js, loaded on the first PDF: it is large, and most sessions import none. */
const loadPdfInBrowser: PdfLoader = async (bytes) => {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  // The worker script is one of the app's own files (worker-src 'self'), emitted by Vite.
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const task = pdfjs.getDocument({
    // A copy: pdf.js transfers the array it is given to its worker; the caller's bytes stay theirs.
    data: new Uint8Array(bytes),
    // The CSP forbids eval, and a PDF's functions have no business being compiled into code.
    isEvalSupported: false,
    // Text extraction needs no fonts; nothing is fetched for them.
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  return (await task.promise) as unknown as PdfDocumentLike;
};

let environment: ImportEnvironment | undefined;

/** The app's import environment, made on first use. */
export function browserImportEnvironment(): ImportEnvironment {
  environment ??= { html: createBrowserHtmlDom(), loadPdf: loadPdfInBrowser };
  return environment;
}
