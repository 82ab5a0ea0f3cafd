import { describe, expect, it } from 'vitest';
import { parseName } from '../../../../shared/resolve/name-parts';

describe('parseName', () => {
  it('sets aside honorifics, particles and suffixes', () => {
    const parts = parseName('Dr. Abdel Rahman al-Sayed Jr.');
    expect(parts.given?.written).toBe('Abdel');
    expect(parts.surname?.written).toBe('Sayed');
    expect(parts.particles).toContain('al');
  });

  it('splits a joined article off a capitalised surname', () => {
    expect(parseName('Mohamed ElBaradei').surname?.plain).toBe('baradei');
    expect(parseName('Mohamed Elbaradei').surname?.plain).toBe('elbaradei');
  });

  it('keeps a hyphenated name as one part with its pieces', () => {
    const surname = parseName('Kim Jong-un').surname!;
    expect(surname.plain).toBe('jongun');
    expect(surname.pieces).toEqual(['jong', 'un']);
  });

  it('folds spellings that romanisations disagree on', () => {
    expect(parseName('Qaddafi').surname?.romanized).toBe(parseName('Kadhafi').surname?.romanized);
    expect(parseName('Tschaikowski').surname?.romanized).toBe(parseName('Chaikovski').surname?.romanized);
    expect(parseName('Wendtner').surname?.skeleton).toBe(parseName('Vantner').surname?.skeleton);
  });

  it('treats a single word as the surname and an initial as an initial', () => {
    expect(parseName('Witkoff').given).toBeUndefined();
    expect(parseName('S. Witkoff').given?.initial).toBe(true);
  });
});
