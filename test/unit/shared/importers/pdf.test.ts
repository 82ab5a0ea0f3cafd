import { describe, expect, it } from 'vitest';
import { createNodeHtmlDom } from '../../../../main/cli/html-dom';
import { loadPdfInNode } from '../../../../main/cli/pdf-loader';
import type { PdfTextItem } from '../../../../shared/importers/import-environment';
import { pdfParagraphs } from '../../../../shared/importers/pdf-layout';
import { draftFromFile } from '../../../../shared/importers/source-document';
import { buildPdf, type PdfLine } from '../../../fixtures/importers/build-pdf';

const environment = { html: createNodeHtmlDom(), loadPdf: loadPdfInNode };

const header = (page: number): PdfLine[] => [
  { x: 72, y: 760, size: 9, text: 'Lowmoor Water Board - Weekly Bulletin' },
  { x: 300, y: 40, size: 9, text: `Page ${page} of 2` },
];
const body = (y: number, text: string): PdfLine => ({ x: 72, y, size: 11, text });

const BULLETIN = buildPdf(
  [
    [
      ...header(1),
      { x: 72, y: 710, size: 18, text: 'Reservoir plan approved' },
      body(680, 'Date: 7 March 2024'),
      body(650, 'The board approved the inter-'),
      body(636, 'national design on Thursday by seven votes to two. The well-'),
      body(622, 'known engineer Ida Carrow will lead the work.'),
      body(590, 'Construction is expected to take four years, and the board'),
      body(576, 'says the cost will stay below 38 million if the'),
    ],
    [
      ...header(2),
      body(710, 'weather allows work through the first two winters.'),
      { x: 72, y: 670, size: 14, text: 'Objections' },
      body(645, 'Residents may object until 30 April. A Franco-'),
      body(631, 'German firm will survey the well-known valley floor.'),
    ],
  ],
  { title: 'Microsoft Word - bulletin-final.docx', author: 'Ida Carrow' },
);

describe('a PDF', () => {
  it('rebuilds paragraphs from line positions, without running headers and page numbers', async () => {
    const draft = await draftFromFile({ name: 'bulletin.pdf', bytes: BULLETIN }, environment);
    expect(draft.text.split('\n\n')).toEqual([
      'Reservoir plan approved',
      'Date: 7 March 2024',
      // "inter-" + "national" is one word again; "well-known" keeps its hyphen, as the document writes it so elsewhere.
      'The board approved the international design on Thursday by seven votes to two. The well-known engineer Ida Carrow will lead the work.',
      // A sentence that runs over the page break stays one paragraph.
      'Construction is expected to take four years, and the board says the cost will stay below 38 million if the weather allows work through the first two winters.',
      'Objections',
      // A hyphen before a capital is part of the name.
      'Residents may object until 30 April. A Franco-German firm will survey the well-known valley floor.',
    ]);
  });

  it('takes the headline as title when the file’s own title is a file name, and the date from the text', async () => {
    const draft = await draftFromFile({ name: 'bulletin.pdf', bytes: BULLETIN }, environment);
    expect(draft).toMatchObject({ title: 'Reservoir plan approved', author: 'Ida Carrow', publishedAt: '2024-03-07', language: 'en', format: 'pdf' });
  });

  it('uses the file’s title when it is a real one', async () => {
    const pdf = buildPdf([[body(700, 'Levee inspection found two weak points along the eastern bank of the river.')]], { title: 'Levee inspection report' });
    expect((await draftFromFile({ name: 'levee.pdf', bytes: pdf }, environment)).title).toBe('Levee inspection report');
  });

  it('refuses a file that is not a PDF, and a PDF without text, with messages saying what to do', async () => {
    const notPdf = new TextEncoder().encode('<html><body>Saved with the wrong name</body></html>');
    await expect(draftFromFile({ name: 'page.pdf', bytes: notPdf }, environment)).rejects.toThrow(
      '“page.pdf” is not a PDF Crosscheck can read: the file is damaged or not a PDF.',
    );
    const scan = buildPdf([[], []]);
    await expect(draftFromFile({ name: 'scan.pdf', bytes: scan }, environment)).rejects.toThrow('“scan.pdf” has no text layer: it is probably a scan. Run text recognition (OCR)');
  });
});

/** A text item as pdf.js gives it, for one run of text at a baseline. */
function item(x: number, y: number, str: string, size = 10): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size };
}

describe('pdfParagraphs', () => {
  it('drops a footer that repeats on most pages at the same place, even with a changing date, and keeps a line that repeats elsewhere', () => {
    const pages = [1, 2, 3, 4].map((page) => ({
      items: [
        item(50, 700, `Story ${page} starts here.`),
        item(50, 600 - page * 40, 'Officials declined to comment.'),
        ...(page === 4 ? [] : [item(50, 30, `Harbour Post, ${page} March 2024`, 8)]),
      ],
    }));
    const paragraphs = pdfParagraphs(pages);
    expect(paragraphs.some((p) => p.includes('Harbour Post'))).toBe(false);
    expect(paragraphs.filter((p) => p.includes('Officials declined to comment.'))).toHaveLength(4);
  });

  it('starts a paragraph when the text jumps back up the page into the next column', () => {
    const paragraphs = pdfParagraphs([
      {
        items: [
          item(50, 700, 'Left column text that runs to'),
          item(50, 688, 'the foot of the first column'),
          item(320, 700, 'Right column opens here'),
          item(320, 688, 'and goes on below.'),
        ],
      },
    ]);
    expect(paragraphs).toEqual(['Left column text that runs to the foot of the first column', 'Right column opens here and goes on below.']);
  });

  it('joins runs on one baseline in left-to-right order, adding the space a gap stands for', () => {
    const paragraphs = pdfParagraphs([{ items: [item(150, 700, 'reopened.'), item(50, 700, 'The'), item(68, 700, 'bridge has'), item(125, 700, 're-')] }]);
    expect(paragraphs).toEqual(['The bridge has re- reopened.']);
  });
});
