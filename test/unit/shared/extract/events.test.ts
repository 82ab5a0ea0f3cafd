import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../shared/extract/extract-document';

function events(text: string, publishedAt = '2025-03-07') {
  return extractDocument({ id: 'd', text, publishedAt }).events.map((e) => [e.event, e.subject ?? null, e.date]);
}

describe('extractEvents', () => {
  it('attaches a date to the event word it follows', () => {
    expect(events('The shaft, which collapsed on March 3, is closed.')).toEqual([['collapse', 'shaft', '2025-03-03']]);
    expect(events('Relatives waited, four days after the collapse on March 3.')).toEqual([['collapse', null, '2025-03-03']]);
    expect(events('The collapse happened on March 4, he said.')).toEqual([['collapse', null, '2025-03-04']]);
  });

  it('gives the date of saying no event, and a deadline no date', () => {
    expect(events('The company said on Wednesday that a rig would arrive by Thursday.')).toEqual([]);
  });

  it('names a verb event with its subject', () => {
    expect(events('Nine miners were rescued on Tuesday evening.')).toEqual([['rescue', 'miner', '2025-03-04']]);
  });
});
