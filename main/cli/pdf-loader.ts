/**
 * pdf.js for the command line: the legacy build (the one meant for Node), in this thread (pdf.js runs its
 * worker code in-process when Node has no worker set up), with evaluation of PDF-supplied code turned off.
 */
import type { PdfDocumentLike, PdfLoader } from '../../shared/importers/import-environment';

export const loadPdfInNode: PdfLoader = async (bytes) => {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // A copy, as a plain Uint8Array: pdf.js takes ownership of the array it is given, and refuses Node's Buffer.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    // Warnings about fonts it does not need for text would otherwise go to the command's output.
    verbosity: VerbosityLevel.ERRORS,
  });
  return (await task.promise) as unknown as PdfDocumentLike;
};
