import { describe, expect, it } from 'vitest';
import { findDates, findDocumentDate } from '../../../../shared/extract/dates';

const NOW = new Date('2025-06-01T12:00:00Z');

describe('findDocumentDate', () => {
  it('prefers the metadata date', () => {
    expect(findDocumentDate({ text: 'Title\n\nBody.', publishedAt: '2024-03-28T10:00:00Z' })).toMatchObject({ date: '2024-03-28', source: 'metadata' });
  });

  it('reads a "date" header line', () => {
    const text = 'Envoy says talks collapsed\nNorthern Ledger\ndate 2024-03-28\nBody text.';
    expect(findDocumentDate({ text }, NOW)).toMatchObject({ date: '2024-03-28', source: 'header' });
  });

  it('reads a leading date line', () => {
    expect(findDocumentDate({ text: 'Wed 05 Apr 2017\nHospital treats miners\nBody.' }, NOW)).toMatchObject({ date: '2017-04-05', source: 'header', start: 0 });
  });

  it('reads a dateline, taking the year from the reference when it has none', () => {
    const text = 'Headline\n\nMARROW CREEK, March 5 (Valley Wire) — Rescue teams worked through the night.';
    const date = findDocumentDate({ text }, NOW)!;
    expect(date).toMatchObject({ date: '2025-03-05', source: 'dateline' });
    expect(text.slice(date.start, date.end)).toBe('MARROW CREEK, March 5 (Valley Wire) —');
  });

  it('finds nothing in a text without a date line', () => {
    expect(findDocumentDate({ text: 'Just a headline\n\nAnd a body on Monday.' }, NOW)).toBeUndefined();
  });
});

describe('findDates', () => {
  it('resolves weekdays against the document date', () => {
    const dates = findDates('Nine were rescued on Tuesday. The collapse happened on March 3.', '2025-03-07');
    expect(dates.map((d) => [d.quote, d.date, d.precision])).toEqual([
      ['Tuesday', '2025-03-04', 'weekday'],
      ['March 3', '2025-03-03', 'day'],
    ]);
  });

  it('drops expressions that are relative to an unnamed event or not a day', () => {
    expect(findDates('Four days after the fall, in February, at night, they said it now.', '2025-03-07')).toEqual([]);
  });
});
