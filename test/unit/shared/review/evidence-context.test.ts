import { describe, expect, it } from 'vitest';
import { quoteInContext } from '../../../../shared/review/evidence-context';

const article =
  'Bridge closure to last months\n\n' +
  'The old bridge will stay shut for about 90 days, engineers said. Dr. Marta Ilves, who led the inspection, was not available.\n\n' +
  'Ferries will run every hour.';

const around = (quote: string, limit?: number) => {
  const start = article.indexOf(quote);
  return quoteInContext(article, start, start + quote.length, limit);
};

describe('quoteInContext', () => {
  it('gives the whole sentence around a quote, ending with its full stop', () => {
    expect(around('about 90 days')).toEqual({ before: 'The old bridge will stay shut for ', quote: 'about 90 days', after: ', engineers said.' });
  });

  it('starts after the previous sentence and stops at the paragraph end', () => {
    expect(around('who led the inspection')).toEqual({ before: 'Marta Ilves, ', quote: 'who led the inspection', after: ', was not available.' });
    expect(around('every hour')).toEqual({ before: 'Ferries will run ', quote: 'every hour', after: '.' });
  });

  it('does not cross into the title paragraph', () => {
    expect(around('The old bridge').before).toBe('');
  });

  it('cuts a long sentence at a word, with an ellipsis, and keeps the quote whole', () => {
    const { before, quote, after } = around('about 90 days', 12);
    expect(before).toBe('…shut for ');
    expect(quote).toBe('about 90 days');
    expect(after).toBe(', engineers…');
  });
});
