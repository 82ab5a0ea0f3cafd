import { describe, expect, it } from 'vitest';
import { claimFromQuote, extractClaims } from '../../../../shared/extract/claims';
import { tagText } from '../../../../shared/extract/tagged-text';

function claims(text: string) {
  return extractClaims(tagText(text)).map((c) => [c.key, c.polarity]);
}

describe('extractClaims', () => {
  it('reads a statement and its denial under one key', () => {
    expect(claims('Officials said that talks with the union have collapsed.')).toEqual([['talk|collapse', 'affirmed']]);
    expect(claims('The company said that talks with the union have not collapsed.')).toEqual([['talk|collapse', 'denied']]);
  });

  it('reads never and passive voice', () => {
    expect(claims('The ventilation shaft had been inspected in February.')).toEqual([['shaft|inspect', 'affirmed']]);
    expect(claims('The ventilation shaft was never inspected.')).toEqual([['shaft|inspect', 'denied']]);
  });

  it('keeps the subject’s modifiers to tell things apart', () => {
    const [claim] = extractClaims(tagText('The ventilation shaft was never inspected.'));
    expect(claim?.modifiers).toEqual(['ventilation']);
    expect(claim?.quote).toBe('The ventilation shaft was never inspected');
  });

  it('skips questions and conditions', () => {
    expect(claims('If the shaft was not inspected, who is to blame?')).toEqual([]);
  });

  it('reads a claim the user tagged', () => {
    expect(claimFromQuote('the bridge was never inspected')).toMatchObject({ key: 'bridge|inspect', polarity: 'denied' });
  });
});
