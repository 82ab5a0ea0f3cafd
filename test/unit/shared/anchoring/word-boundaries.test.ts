import { describe, expect, it } from 'vitest';
import { snapToWordBoundaries } from '../../../../shared/anchoring/word-boundaries';

const text = "The mayor's aide, Lena Ostrova-Kim, said 1,200 homes lost power.";
const snapped = (start: number, end: number): string | null => {
  const r = snapToWordBoundaries(text, start, end);
  return r ? text.slice(r.start, r.end) : null;
};

describe('snapToWordBoundaries', () => {
  it('widens a selection that starts or ends inside a word', () => {
    expect(snapped(text.indexOf('ayor'), text.indexOf('aide') + 2)).toBe("mayor's aide");
  });

  it('keeps hyphenated names and grouped digits whole', () => {
    expect(snapped(text.indexOf('Ostrova') + 2, text.indexOf('-Kim') + 2)).toBe('Ostrova-Kim');
    expect(snapped(text.indexOf('200'), text.indexOf('200') + 1)).toBe('1,200');
  });

  it('trims white space and does not swallow the comma after a word', () => {
    expect(snapped(text.indexOf(' Lena') , text.indexOf('Kim,') + 4)).toBe('Lena Ostrova-Kim,');
    expect(snapped(text.indexOf('Lena'), text.indexOf('Kim') + 3)).toBe('Lena Ostrova-Kim');
  });

  it('returns null for a selection of white space only', () => {
    expect(snapToWordBoundaries('a   b', 1, 4)).toBeNull();
  });

  it('accepts a backwards selection', () => {
    expect(snapped(text.indexOf('power') + 3, text.indexOf('lost'))).toBe('lost power');
  });
});
