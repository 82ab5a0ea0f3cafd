import { describe, expect, it } from 'vitest';
import { ImportError, draftFromFile, titleFromText } from '../../../../shared/importers/source-document';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

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

  it('refuses text that is not UTF-8 with a message saying what to do', async () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e]); // "Café open" in Latin-1
    await expect(draftFromFile({ name: 'cafe.txt', bytes: latin1 })).rejects.toThrow(/“cafe\.txt” is not UTF-8 text.*Save it with UTF-8/);
  });

  it('refuses unsupported formats and empty files by name', async () => {
    await expect(draftFromFile({ name: 'scan.png', bytes: bytes('x') })).rejects.toBeInstanceOf(ImportError);
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
});
