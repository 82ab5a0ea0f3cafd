import { describe, expect, it } from 'vitest';
import type { Approximation } from '../../../../shared/model';
import { detectQuantityMismatches, figuresAgree, type QuantityObservation } from '../../../../shared/detect/quantity-mismatches';

const figure = (value: number, approximation: Approximation = 'exact', upper?: number) => ({ value, approximation, ...(upper !== undefined ? { upper } : {}) });

function observation(documentId: string, value: number, approximation: Approximation = 'exact', asOf = '2024-02-01'): QuantityObservation {
  return { documentId, origin: 'suggested', start: 0, end: 3, quote: String(value), key: 'hostage|remaining', value, approximation, asOf };
}

describe('figuresAgree', () => {
  it.each([
    ['some 130 / 130', figure(130, 'about'), figure(130)],
    ['about 30 / 28', figure(30, 'about'), figure(28)],
    ['at least 30 / 40', figure(30, 'at-least'), figure(40)],
    ['more than 30 / 30', figure(30, 'more-than'), figure(30)],
    ['up to 50 / 45', figure(50, 'at-most'), figure(45)],
    ['20 to 25 / 22', figure(20, 'exact', 25), figure(22)],
  ])('%s agree', (_label, a, b) => {
    expect(figuresAgree(a, b)).toBe(true);
    expect(figuresAgree(b, a)).toBe(true);
  });

  it.each([
    ['20 / 130', figure(20), figure(130)],
    ['14 / about 30', figure(14), figure(30, 'about')],
    ['at least 30 / 20', figure(30, 'at-least'), figure(20)],
    ['fewer than 10 / 12', figure(10, 'less-than'), figure(12)],
    ['9 / 11', figure(9), figure(11)],
  ])('%s disagree', (_label, a, b) => {
    expect(figuresAgree(a, b)).toBe(false);
  });
});

describe('detectQuantityMismatches', () => {
  const titles = (id: string) => `Article ${id.toUpperCase()}`;

  it('reports one finding for one outlier against several documents, naming the outlier first', () => {
    const byDocument = new Map([
      ['a', [observation('a', 14)]],
      ['b', [observation('b', 30, 'about')]],
      ['c', [observation('c', 14)]],
    ]);
    const [found, ...rest] = detectQuantityMismatches('miner|trapped', byDocument, [['a', 'b'], ['a', 'c'], ['b', 'c']], titles);
    expect(rest).toEqual([]);
    expect(found!.explanation).toBe('Articles give different numbers of trapped miners: about 30 in “Article B” but 14 in 2 other documents.');
    expect(found!.evidence.map((e) => e.documentId)).toEqual(['b', 'a', 'c']);
  });

  it('scores figures from different dates lower and says the count may have changed', () => {
    const same = detectQuantityMismatches('k', new Map([['a', [observation('a', 9)]], ['b', [observation('b', 11)]]]), [['a', 'b']], titles)[0]!;
    const later = detectQuantityMismatches('k', new Map([['a', [observation('a', 9, 'exact', '2024-02-01')]], ['b', [observation('b', 11, 'exact', '2024-02-03')]]]), [['a', 'b']], titles)[0]!;
    expect(later.score).toBeLessThan(same.score);
    expect(later.explanation).toContain('may reflect a change over time');
    expect(same.explanation).not.toContain('change over time');
    expect(later.kind === 'quantity-mismatch' && later.details.datesDiffer).toBe(true);
  });

  it('compares only the document pairs it is given (related documents)', () => {
    const byDocument = new Map([['a', [observation('a', 20)]], ['b', [observation('b', 130)]]]);
    expect(detectQuantityMismatches('k', byDocument, [], titles)).toEqual([]);
  });
});
