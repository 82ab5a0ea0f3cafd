import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError, draftFromFile, titleFromText } from '../../../../shared/importers/source-document';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixture = (name: string): Uint8Array => readFileSync(join(__dirname, '../../../fixtures/importers', name));

describe('draftFromFile', () => {
  it('imports UTF-8 text with and without a byte-order mark as the same document', async () => {
    const plain = await draftFromFile({ name: 'dam.txt', bytes: bytes('Dam inspectors report cracks\n\nThe survey found 4 cracks.') });
    const withBom = await draftFromFile({
      name: 'dam-bom.txt',
      bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Dam inspectors report cracks\n\nThe survey found 4 cracks.')]),
    });
    expect(plain.text).toBe('Dam inspectors report cracks\n\nThe survey found 4 cracks.');
    expect(withBom.text).toBe(plain.text);
    expect(withBom.sha256).toBe(plain.sha256);
    expect(plain.title).toBe('Dam inspectors report cracks');
    expect(plain.format).toBe('text');
  });

  it('takes title, outlet, author and date from Markdown front matter and heading', async () => {
    const draft = await draftFromFile({
      name: 'bridge.md',
      bytes: bytes('---\noutlet: Lowland Post\nauthor: R. Amsel\ndate: 2023-06-14\n---\n# Bridge reopens\n\nTraffic resumed.'),
    });
    expect(draft).toMatchObject({
      title: 'Bridge reopens',
      outlet: 'Lowland Post',
      author: 'R. Amsel',
      publishedAt: '2023-06-14',
      format: 'markdown',
      text: 'Bridge reopens\n\nTraffic resumed.',
    });
  });

  it('ignores an impossible front-matter date rather than storing it', async () => {
    const draft = await draftFromFile({ name: 'x.md', bytes: bytes('---\ndate: 2023-02-30\n---\nText.') });
    expect(draft.publishedAt).toBeUndefined();
  });

  it('reads bytes that are not UTF-8 as Windows-1252 instead of refusing them', async () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e]); // "Café open" in Latin-1
    expect((await draftFromFile({ name: 'cafe.txt', bytes: latin1 })).text).toBe('Café open');
  });

  it('keeps a mostly UTF-8 file as UTF-8 when one stray byte is broken', async () => {
    const mixed = new Uint8Array([...bytes('Café “Blue Door” closes. '), 0x93, ...bytes(' Its owner said so.')]);
    expect((await draftFromFile({ name: 'mixed.txt', bytes: mixed })).text).toBe('Café “Blue Door” closes. \ufffd Its owner said so.');
  });

  it('reads a Windows-1252 file with smart quotes, dashes, a pound sign and é', async () => {
    const draft = await draftFromFile({ name: 'mill-street-cafe-cp1252.txt', bytes: fixture('mill-street-cafe-cp1252.txt') });
    expect(draft.title).toBe('Café owners “shocked” by rent rise');
    expect(draft.text).toBe(
      'Café owners “shocked” by rent rise\n\nThe owner of the Mill Street café said the new rent – £1,200 a month – was “more than we take in a good week”.',
    );
  });

  it('reads UTF-16 LE with a byte-order mark, and takes the date from its "Date:" line', async () => {
    const draft = await draftFromFile({ name: 'harbour-notice-utf16le.txt', bytes: fixture('harbour-notice-utf16le.txt') });
    expect(draft.text).toBe('Harbour notice\n\nDate: 12 March 2024\n\nThe Ōtaki slipway closes for repairs on Monday. Boats over 12 metres must use the north ramp.');
    expect(draft.title).toBe('Harbour notice');
    expect(draft.publishedAt).toBe('2024-03-12');
  });

  it('reads UTF-16 BE with a byte-order mark and UTF-16 LE without one', async () => {
    const text = 'Ferry fares rise by 4 percent from April, the operator said.';
    const bigEndian = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])]);
    const littleEndianNoMark = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0), 0]));
    expect((await draftFromFile({ name: 'be.txt', bytes: bigEndian })).text).toBe(text);
    expect((await draftFromFile({ name: 'le.txt', bytes: littleEndianNoMark })).text).toBe(text);
  });

  it('refuses binary data with a message saying what to do, for text and Markdown alike', async () => {
    const junk = new Uint8Array(256).map((_, index) => (index * 37) % 256);
    await expect(draftFromFile({ name: 'photo.txt', bytes: junk })).rejects.toThrow(/“photo\.txt” is not UTF-8 text.*Save it with UTF-8/);
    const controls = bytes(`Report${'\u0001\u0002\u0003'.repeat(20)}`);
    await expect(draftFromFile({ name: 'dump.md', bytes: controls })).rejects.toThrow(/“dump\.md” is not UTF-8 text/);
  });

  it('refuses a file over 50 MB by its size before decoding it', async () => {
    const huge = { name: 'archive.txt', bytes: { byteLength: 60 * 1024 * 1024 } as Uint8Array };
    await expect(draftFromFile(huge)).rejects.toThrow('“archive.txt” is 60 MB; Crosscheck imports files up to 50 MB.');
  });

  it('refuses unsupported formats and empty files by name', async () => {
    await expect(draftFromFile({ name: 'scan.png', bytes: bytes('x') })).rejects.toBeInstanceOf(ImportError);
    await expect(draftFromFile({ name: 'scan.png', bytes: bytes('x') })).rejects.toThrow(/“scan\.png” is not a format Crosscheck reads\. Import web pages \(\.html\), Word \(\.docx\), PDF/);
    await expect(draftFromFile({ name: 'empty.txt', bytes: bytes('  \n\n ') })).rejects.toThrow(/“empty\.txt” has no text/);
  });
});

describe('titleFromText', () => {
  it('shortens a long first line at a word boundary', () => {
    const title = titleFromText(`${'word '.repeat(40)}end\n\nBody.`);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title.endsWith('word…')).toBe(true);
  });
});

describe('plain-text header lines', () => {
  it('takes the publication date from a date line and the title from the headline after it', async () => {
    const draft = await draftFromFile({ name: 'ferry.txt', bytes: bytes('Tue 04 Jun 2024\nFerry strike ends after nine days\n\nCrews returned on Tuesday.') });
    expect(draft.title).toBe('Ferry strike ends after nine days');
    expect(draft.publishedAt).toBe('2024-06-04');
  });

  it('reads a "date YYYY-MM-DD" header and skips an outlet line beside it for the title', async () => {
    const draft = await draftFromFile({ name: 'mill.txt', bytes: bytes('date 2023-10-09\nMill Valley Courier\n\nMill reopens\n\nThe old mill reopened.') });
    expect(draft.publishedAt).toBe('2023-10-09');
    expect(draft.title).toBe('Mill reopens');
  });

  it('keeps a first line that is a headline as the title and leaves the date unknown when none is stated', async () => {
    const draft = await draftFromFile({ name: 'x.txt', bytes: bytes('Harbour dredging delayed\n\nWork will start later than planned.') });
    expect(draft.title).toBe('Harbour dredging delayed');
    expect(draft.publishedAt).toBeUndefined();
  });

  it('takes the date from a dateline that names its year, and not from one that does not', async () => {
    const withYear = await draftFromFile({ name: 'a.txt', bytes: bytes('Ferry back in service\n\nPORT AVEL, March 5, 2024 (Tidewater Courier) — The Marisol sailed again.') });
    const withoutYear = await draftFromFile({ name: 'b.txt', bytes: bytes('Ferry back in service\n\nPORT AVEL, March 5 (Tidewater Courier) — The Marisol sailed again.') });
    expect(withYear.publishedAt).toBe('2024-03-05');
    expect(withoutYear.publishedAt).toBeUndefined();
  });

  it('gives Markdown without front matter the date and language its text states', async () => {
    const draft = await draftFromFile({
      name: 'levee.md',
      bytes: bytes('# Levee repairs finished\n\nPublished: 2 May 2024\n\nEngineers finished the repairs to the river levee two weeks ahead of schedule, the council said.'),
    });
    expect(draft).toMatchObject({ title: 'Levee repairs finished', publishedAt: '2024-05-02', language: 'en' });
  });
});
