import { describe, expect, it } from 'vitest';
import { anchorAnnotation, describeTextQuote, type StoredAnchor } from '../../../../shared/anchoring/text-anchor';

const original =
  'The council met on Tuesday. The council voted to close the Ashgrove library. Residents said the council ignored them.';

function stored(text: string, quote: string, occurrence = 0): StoredAnchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return { start, end: start + quote.length, ...describeTextQuote(text, start, start + quote.length) };
}

describe('describeTextQuote', () => {
  it('keeps up to 32 characters of context either side', () => {
    const q = describeTextQuote(original, 32, 60);
    expect(q.quote).toBe(original.slice(32, 60));
    expect(q.prefix).toBe(original.slice(0, 32));
    expect(q.suffix).toBe(original.slice(60, 92));
  });
});

describe('anchorAnnotation', () => {
  it('uses the stored position when the quote is still there', () => {
    const anchor = stored(original, 'voted to close');
    expect(anchorAnnotation(original, anchor)).toMatchObject({ status: 'exact', start: anchor.start });
  });

  it('relocates by quote when text before it changed, choosing the occurrence whose context matches', () => {
    const anchor = stored(original, 'council', 2); // "Residents said the council"
    const edited = `UPDATED: ${original}`;
    const result = anchorAnnotation(edited, anchor);
    expect(result.status).toBe('relocated');
    if (result.status === 'orphan') throw new Error('unreachable');
    expect(edited.slice(result.start - 19, result.end)).toBe('Residents said the council');
  });

  it('finds a lightly edited quote approximately, with its quality', () => {
    const anchor = stored(original, 'voted to close the Ashgrove library');
    const edited = original.replace('voted to close the Ashgrove library', 'voted to shut the Ashgrove library');
    const result = anchorAnnotation(edited, anchor);
    expect(result.status).toBe('fuzzy');
    if (result.status !== 'fuzzy') throw new Error('unreachable');
    expect(edited.slice(result.start, result.end)).toBe('voted to shut the Ashgrove library');
    expect(result.quality).toBeGreaterThanOrEqual(0.8);
  });

  it('leaves an annotation orphaned rather than guessing when its quote is gone', () => {
    const anchor = stored(original, 'voted to close the Ashgrove library');
    const rewritten = 'The council met on Tuesday. It postponed every decision until spring.';
    expect(anchorAnnotation(rewritten, anchor)).toEqual({ status: 'orphan' });
  });
});
