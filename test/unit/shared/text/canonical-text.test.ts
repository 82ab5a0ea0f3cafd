import { describe, expect, it } from 'vitest';
import { canonicalizePlainText, paragraphRanges } from '../../../../shared/text/canonical-text';
import { sha256Hex } from '../../../../shared/text/sha256';

describe('canonicalizePlainText', () => {
  it('separates paragraphs by exactly one blank line and joins hard-wrapped prose', () => {
    const raw =
      'Flood waters rose overnight in Dunmere as the river\nbroke its banks in two places near the mill.\n\n\n\nThe mayor   spoke at\tnoon.\n';
    expect(canonicalizePlainText(raw)).toBe(
      'Flood waters rose overnight in Dunmere as the river broke its banks in two places near the mill.\n\nThe mayor spoke at noon.',
    );
  });

  it('keeps the short lines of a header block (title, outlet, date) as separate paragraphs', () => {
    const raw = 'Dunmere floods\nRiver Courier\ndate 2024-02-01\n\nWaters rose overnight.';
    expect(canonicalizePlainText(raw)).toBe('Dunmere floods\n\nRiver Courier\n\ndate 2024-02-01\n\nWaters rose overnight.');
  });

  it('turns Windows and old Mac line ends into \\n', () => {
    expect(canonicalizePlainText('One.\r\n\r\nTwo.\rThree.')).toBe('One.\n\nTwo.\n\nThree.');
  });

  it('takes each line as a paragraph when the text has no blank lines', () => {
    expect(canonicalizePlainText('Headline here\nFirst paragraph.\nSecond paragraph.')).toBe(
      'Headline here\n\nFirst paragraph.\n\nSecond paragraph.',
    );
  });

  it('normalises to NFC so that composed and decomposed accents are the same text', () => {
    const decomposed = 'Jose\u0301 Nun\u0303ez';
    expect(canonicalizePlainText(decomposed)).toBe('José Nuñez');
  });

  it('drops a byte-order mark', () => {
    expect(canonicalizePlainText('\uFEFFHello')).toBe('Hello');
  });
});

describe('paragraphRanges', () => {
  it('gives the offsets of each paragraph', () => {
    const text = 'Alpha beta.\n\nGamma.\n\nDelta epsilon.';
    expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['Alpha beta.', 'Gamma.', 'Delta epsilon.']);
  });
});

describe('sha256Hex', () => {
  it('hashes UTF-8 bytes', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
