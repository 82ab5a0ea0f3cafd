import { describe, expect, it } from 'vitest';
import { parseDigits, parseNumberWords } from '../../../../shared/extract/number-words';

describe('parseNumberWords', () => {
  it.each([
    [['twenty'], 20],
    [['twenty', 'two'], 22],
    [['two', 'dozen'], 24],
    [['a', 'dozen'], 12],
    [['three', 'hundred', 'and', 'forty'], 340],
    [['1.5', 'million'], 1_500_000],
    [['1,200'], 1200],
    [['nine'], 9],
  ])('reads %j as %d', (words, value) => {
    expect(parseNumberWords(words)?.value).toBe(value);
  });

  it('says how many words it used and stops at the first non-number', () => {
    expect(parseNumberWords(['two', 'dozen', 'miners'])).toEqual({ value: 24, used: 2 });
    expect(parseNumberWords(['14', 'miners'])).toEqual({ value: 14, used: 1 });
    expect(parseNumberWords(['miners'])).toBeUndefined();
    expect(parseNumberWords(['a', 'miner'])).toBeUndefined();
  });

  it('reads digits with separators only where they are thousands', () => {
    expect(parseDigits('12,500')).toBe(12500);
    expect(parseDigits('2.5')).toBe(2.5);
    expect(parseDigits('1,2')).toBeUndefined();
  });
});
