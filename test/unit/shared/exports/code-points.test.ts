import { describe, expect, it } from 'vitest';
import { codePointOffset, codePointOffsets, wholeCodePoints } from '../../../../shared/exports/code-points';

describe('codePointOffsets', () => {
  it('counts a character outside the BMP once, where UTF-16 counts two units', () => {
    const text = '🚢 Forty ferries, 👩‍👩‍👧 families';
    const forty = text.indexOf('Forty');
    expect(forty).toBe(3);
    expect(codePointOffset(text, forty)).toBe(2);
    // The family emoji is three people joined by two zero-width joiners: 5 code points, 8 units.
    const families = text.indexOf('families');
    expect(families - codePointOffset(text, families)).toBe(1 + 3);
  });

  it('is the identity for text inside the BMP, accents and CJK included', () => {
    const text = 'Café 東京 — Zürich';
    const offsets = [0, 3, 5, 7, text.length];
    expect([...codePointOffsets(text, offsets).values()]).toEqual(offsets);
  });

  it('converts many offsets in one pass, whatever their order', () => {
    const text = 'a😀b😀c';
    expect(Object.fromEntries(codePointOffsets(text, [7, 0, 3, 1]))).toEqual({ 0: 0, 1: 1, 3: 2, 7: 5 });
  });
});

describe('wholeCodePoints', () => {
  it('drops half an emoji left at either end of a cut context', () => {
    const text = 'x😀y😀';
    expect(wholeCodePoints(text.slice(2))).toBe('y😀');
    expect(wholeCodePoints(text.slice(0, 5))).toBe('x😀y');
    expect(wholeCodePoints('plain')).toBe('plain');
  });
});
