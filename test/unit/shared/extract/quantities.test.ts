import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../shared/extract/extract-document';

function quantities(text: string, publishedAt = '2024-02-01') {
  return extractDocument({ id: 'd', text, publishedAt }).quantities.map((q) => ({
    quote: q.quote,
    key: q.key,
    value: q.value,
    ...(q.upper !== undefined ? { upper: q.upper } : {}),
    approximation: q.approximation,
    asOf: q.asOf,
  }));
}

describe('extractQuantities', () => {
  it('reads hedges: some, about, at least, more than, up to', () => {
    const found = quantities(
      'Some 130 hostages remain in the tunnels. About 30 miners remain trapped. At least 33 hostages were released. More than 1,200 people were killed. Up to 50 families were displaced.',
    );
    expect(found.map((q) => [q.key, q.value, q.approximation])).toEqual([
      ['hostage|remaining', 130, 'about'],
      ['miner|trapped', 30, 'about'],
      ['hostage|released', 33, 'at-least'],
      ['person|dead', 1200, 'more-than'],
      ['family|displaced', 50, 'at-most'],
    ]);
  });

  it('keeps live and deceased as different keys, sharing the noun across "and"', () => {
    const found = quantities('The forum counts 10 live and 18 deceased hostages, and 20 live hostages in all.');
    expect(found.map((q) => [q.value, q.key])).toEqual([
      [10, 'hostage|live'],
      [18, 'hostage|dead'],
      [20, 'hostage|live'],
    ]);
  });

  it('reads qualifiers written after the noun, and a noun left out', () => {
    const found = quantities('Rescuers reached 14 miners trapped by the fall. Two miners died in the collapse and nine were rescued on Tuesday.', '2025-03-07');
    expect(found.map((q) => [q.quote, q.key, q.value])).toEqual([
      ['14 miners trapped', 'miner|trapped', 14],
      ['Two miners died', 'miner|dead', 2],
      ['nine were rescued', 'miner|rescued', 9],
    ]);
  });

  it('reads number words, dozens and ranges', () => {
    const found = quantities('Twenty-two people died. Two dozen workers were injured. Between shifts, 20 to 25 workers are missing.');
    expect(found).toEqual([
      expect.objectContaining({ key: 'person|dead', value: 22 }),
      expect.objectContaining({ key: 'worker|injured', value: 24 }),
      expect.objectContaining({ key: 'worker|missing', value: 20, upper: 25 }),
    ]);
  });

  it('dates a figure by a date in its own clause, else by the document', () => {
    const found = quantities(
      'Nine miners were rescued on Tuesday evening. Rescuers said 14 miners are still trapped in the shaft, which collapsed on March 3.',
      '2025-03-05',
    );
    expect(found.map((q) => [q.value, q.asOf])).toEqual([
      [9, '2025-03-04'],
      [14, '2025-03-05'],
    ]);
  });

  it('leaves out what is not a count: durations, subsets, numbered names, percentages', () => {
    const found = quantities('The rescue will take at least three more days. Two of them are in serious condition. The No. 2 shaft is closed. Turnout was 45% on Monday. Three other miners were hurt.');
    expect(found).toEqual([]);
  });

  it('keeps offsets that quote the text exactly', () => {
    const text = 'Rescuers said “about 30 miners” remain trapped — and 14 miners were rescued.';
    for (const q of extractDocument({ id: 'd', text }).quantities) expect(text.slice(q.start, q.end)).toBe(q.quote);
  });
});
