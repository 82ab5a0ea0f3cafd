import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from '../../../../shared/resolve/jaro-winkler';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
  });

  it('is 1 for identical strings and 0 for nothing in common', () => {
    expect(jaroWinkler('wendtner', 'wendtner')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('is symmetric and rewards a shared beginning', () => {
    expect(jaroWinkler('qaddafi', 'gadhafi')).toBeCloseTo(jaroWinkler('gadhafi', 'qaddafi'), 10);
    expect(jaroWinkler('vitkof', 'vitaker')).toBeGreaterThan(jaro('vitkof', 'vitaker'));
  });
});
