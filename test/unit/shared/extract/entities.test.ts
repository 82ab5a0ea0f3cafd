import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../shared/extract/extract-document';

function entities(text: string, publishedAt?: string) {
  return extractDocument({ id: 'd', text, ...(publishedAt ? { publishedAt } : {}) }).entities;
}

describe('extractEntities', () => {
  it('finds people with the titles and roles written next to them', () => {
    const found = entities(
      'Regional labour envoy Tobias Wendtner arrived on Tuesday. A company spokesman, Alder Fenwick, said the shaft was sound. Petra Sollis, the union’s safety officer, disagreed.',
    );
    const byName = new Map(found.map((e) => [e.name, e]));
    expect(byName.get('Tobias Wendtner')?.type).toBe('person');
    expect(byName.get('Tobias Wendtner')?.roles[0]).toMatchObject({ head: 'envoy', phrase: 'regional labour envoy' });
    expect(byName.get('Alder Fenwick')?.roles[0]).toMatchObject({ head: 'spokesperson', phrase: 'company spokesman' });
    expect(byName.get('Petra Sollis')?.roles[0]?.head).toBe('officer');
  });

  it('types a lone surname by the full name earlier in the document', () => {
    const found = entities('Chief engineer Halvard Pelkoff inspected the bridge. "We found no fault," Pelkoff told reporters in Vellmar.');
    expect(found.filter((e) => e.name === 'Pelkoff').map((e) => e.type)).toEqual(['person']);
    expect(found.find((e) => e.name === 'Vellmar')?.type).toBe('place');
  });

  it('finds organisations, also when written partly in lowercase', () => {
    const found = entities('The Brask Mining Company said talks continue. Staff of the Brask mining company were not told.');
    expect(found.filter((e) => e.type === 'organization').map((e) => e.name)).toEqual(['Brask Mining Company', 'Brask mining company']);
  });

  it('does not take a sentence-opening common word or a title for a name', () => {
    const found = entities('Rescue teams worked through the night. Doctors said the Envoy had left. Families gathered outside.');
    expect(found).toEqual([]);
  });

  it('leaves out the dateline, whose city and outlet are not part of the story', () => {
    const text = 'HARLOW, March 5 (Coast Courier) — Mayor Ines Dahl said the harbour reopened.';
    const found = entities(text, '2025-03-05');
    expect(found.map((e) => e.name)).toEqual(['Ines Dahl']);
    expect(found.every((e) => text.slice(e.start, e.end) === e.quote)).toBe(true);
  });
});
