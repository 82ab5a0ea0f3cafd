import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../../shared/resolve/name-similarity';

// Name evidence alone (what `npm run match-names` prints). Each row: nameA, nameB, what it shows.
const SAME: ReadonlyArray<readonly [string, string, string]> = [
  ['Muammar Qaddafi', 'Muammar Gadhafi', 'q / g and dd / dh transliterations'],
  ['Muammar al-Qaddafi', 'Moammar Kadhafi', 'al- prefix, k for q, vowel changes'],
  ['Gaddafi', 'Qadhafi', 'surname alone'],
  ['Mohammed Salah', 'Muhammad Salah', 'Mohammed / Muhammad'],
  ['Mohamed Morsi', 'Muhammad Mursi', 'vowels in both parts'],
  ['Mohamed ElBaradei', 'Mohamed al-Baradei', 'El written joined / al- hyphenated'],
  ['Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi', 'el- / al-'],
  ['José Núñez', 'Jose Nunez', 'diacritics'],
  ['Søren Kierkegaard', 'Soren Kierkegaard', 'special letters'],
  ['Ayman al-Zawahiri', 'Ayman al-Zawahri', 'a dropped vowel'],
  ['Hassan Nasrallah', 'Hasan Nasrullah', 'doubled letters and vowels'],
  ['Volodymyr Zelenskyy', 'Wolodymyr Selenskyj', 'German romanisation of a Ukrainian name'],
  ['Mikhail Gorbachev', 'Michail Gorbatschow', 'German romanisation of a Russian name'],
  ['Pyotr Tchaikovsky', 'Pyotr Chaikovsky', 'tch / ch'],
  ['Kim Jong-un', 'Kim Jong Un', 'hyphenated or spaced'],
  ['Steve Witkoff', 'Steve Weitekamp', 'mistranslated surname that keeps its opening sounds'],
  ['Tobias Wendtner', 'Tobias Vantner', 'misheard surname'],
  ['Steve Witkoff', 'S. Witkoff', 'initial for the first name'],
  ['U.S. envoy Steve Witkoff', 'Steve Weitekamp', 'a title written with the name'],
  ['Steve Witkoff', 'Witkoff', 'surname alone'],
  ['Yahya Sinwar', 'Jahja Sinwar', 'German j for y'],
  ['Gamal Abdel Nasser', 'Jamal Abd al-Nasir', 'Egyptian g for j, particle'],
  ['Lula da Silva', 'Luiz Inácio Lula da Silva', 'a shorter form of the full name'],
  ['Ilham Aliyev', 'Ilham Alijew', 'German romanisation of an Azerbaijani name'],
  ['Hezbollah', 'Hizbullah', 'one-word name in two romanisations'],
  ['Brask Mining Company', 'Brask Mining', 'organisation without its legal form word'],
];

const DIFFERENT: ReadonlyArray<readonly [string, string, string]> = [
  ['Tobias Wendtner', 'Tobias Renn', 'share only a first name'],
  ['Anna Berg', 'Lukas Berg', 'share only a surname'],
  ['Steve Witkoff', 'Steve Bannon', 'same first name, unrelated surnames'],
  ['Mohammed bin Salman', 'Mohammed bin Rashid', 'same first name and particle'],
  ['Kim Jong-un', 'Kim Jong-il', 'one piece of a hyphenated name differs'],
  ['Jan Novak', 'Jana Novakova', "a man's and a woman's form"],
  ['Maria Lopez', 'Mario Lopez', "a woman's and a man's form"],
  ['Petra Sollis', 'Petra Sellers', 'surnames alike in sound but not in spelling'],
  ['Peter Hallam', 'Peter Hollis', 'surnames sharing only their first letters'],
  ['Hillary Clinton', 'Bill Clinton', 'same surname, different first names'],
  ['Tobias Renn', 'Renn Group', 'a person and an organisation'],
  ['Alder Fenwick', 'Alder Fenwick Holdings', 'a person and the company named after him'],
  ['Brask Mining Company', 'Brisk Mining Company', 'two companies one letter apart'],
];

describe('compareNames (name evidence alone)', () => {
  it.each(SAME)('%s / %s are the same (%s)', (a, b) => {
    const evidence = compareNames(a, b);
    expect(evidence.same).toBe(true);
    expect(evidence.score).toBeGreaterThanOrEqual(0.86);
  });

  it.each(DIFFERENT)('%s / %s are different (%s)', (a, b) => {
    const evidence = compareNames(a, b);
    expect(evidence.same).toBe(false);
    expect(evidence.score).toBeLessThan(0.86);
  });

  it('is symmetric', () => {
    for (const [a, b] of [...SAME, ...DIFFERENT]) {
      expect(compareNames(a, b).same).toBe(compareNames(b, a).same);
      expect(compareNames(a, b).score).toBeCloseTo(compareNames(b, a).score, 6);
    }
  });

  it('says why, in words a reviewer reads', () => {
    expect(compareNames('Tobias Wendtner', 'Tobias Vantner').reasons).toContain('same first name (Tobias)');
    expect(compareNames('Tobias Wendtner', 'Tobias Renn').reasons.join('; ')).toContain('surnames differ (Wendtner / Renn)');
    expect(compareNames('Tobias Renn', 'Renn Group').reasons[0]).toContain('organisation');
  });

  it('does not take a first name alone for the person', () => {
    expect(compareNames('Tobias', 'Tobias Wendtner').same).toBe(false);
  });
});
