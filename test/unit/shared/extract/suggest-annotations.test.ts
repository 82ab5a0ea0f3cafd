import { describe, expect, it } from 'vitest';
import { suggestAnnotations } from '../../../../shared/extract/suggest-annotations';

const text = 'Envoy Ines Dahl said on Monday that some 130 hostages remain in the tunnels of Ostrava Pier.';

describe('suggestAnnotations', () => {
  const document = { id: 'doc-1', text, publishedAt: '2024-02-01' };

  it('proposes entities and quantities as suggested drafts that quote the text', () => {
    const drafts = suggestAnnotations(document);
    expect(drafts.map((d) => [d.kind, d.quote])).toEqual([
      ['entity', 'Ines Dahl'],
      ['quantity', 'some 130 hostages remain'],
      ['entity', 'Ostrava Pier'],
    ]);
    for (const draft of drafts) {
      expect(draft.origin).toBe('suggested');
      expect(text.slice(draft.start, draft.end)).toBe(draft.quote);
      expect(draft.prefix).toBe(text.slice(Math.max(0, draft.start - 32), draft.start));
    }
    expect(drafts[0]!.entity).toEqual({ name: 'Ines Dahl', type: 'person', roles: ['envoy'] });
    expect(drafts[1]!.quantity).toEqual({ value: 130, approximation: 'about', key: 'hostage|remaining', asOf: '2024-02-01' });
  });

  it('gives the same ids every time', () => {
    expect(suggestAnnotations(document).map((d) => d.id)).toEqual(suggestAnnotations(document).map((d) => d.id));
  });

  it('adds statements only when asked', () => {
    expect(suggestAnnotations(document).some((d) => d.kind === 'claim')).toBe(false);
    expect(suggestAnnotations(document, { claims: true }).some((d) => d.kind === 'claim')).toBe(true);
  });
});
