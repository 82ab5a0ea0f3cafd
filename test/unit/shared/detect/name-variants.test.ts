import { describe, expect, it } from 'vitest';
import { detectNameVariants } from '../../../../shared/detect/name-variants';
import { EntityResolver, type ResolverMention } from '../../../../shared/resolve/entity-resolver';

let next = 0;
function mention(documentId: string, name: string, role = 'envoy', start = 0): ResolverMention {
  next++;
  return { id: `m${next}`, documentId, name, type: 'person', start, end: start + name.length, quote: name, origin: 'suggested', roles: role ? [{ head: role, phrase: role }] : [] };
}

function variantsOf(documents: Record<string, ResolverMention[]>) {
  const resolver = new EntityResolver();
  for (const [id, mentions] of Object.entries(documents)) resolver.setDocumentMentions(id, mentions);
  const { changed } = resolver.refresh();
  return changed.flatMap((id) => detectNameVariants(resolver.cluster(id)!));
}

describe('detectNameVariants', () => {
  it('names the spelling used by fewer documents as the suspect', () => {
    const [variant, ...rest] = variantsOf({
      a: [mention('a', 'Tobias Wendtner')],
      b: [mention('b', 'Tobias Wendtner')],
      c: [mention('c', 'Tobias Vantner'), mention('c', 'Vantner', 'envoy', 100)],
    });
    expect(rest).toEqual([]);
    expect(variant!.kind === 'name-variant' && variant!.details).toMatchObject({ suspect: 'Tobias Vantner', expected: 'Tobias Wendtner' });
    expect(variant!.kind === 'name-variant' && variant!.details.forms.map((f) => [f.name, f.mentions])).toEqual([
      ['Tobias Wendtner', 2],
      ['Tobias Vantner', 2],
    ]);
    expect(variant!.evidence[0]).toMatchObject({ documentId: 'c', quote: 'Tobias Vantner' });
  });

  it('does not call a shorter form, a case change or missing accents a variant', () => {
    expect(
      variantsOf({
        a: [mention('a', 'José Núñez')],
        b: [mention('b', 'Jose Nunez')],
        c: [mention('c', 'Núñez')],
        d: [mention('d', 'JOSÉ NÚÑEZ')],
      }),
    ).toEqual([]);
  });

  it('is silent for a single spelling', () => {
    expect(variantsOf({ a: [mention('a', 'Petra Sollis')], b: [mention('b', 'Petra Sollis')] })).toEqual([]);
  });

  it('gives the same id for the same evidence, whatever the order of arrival', () => {
    const one = variantsOf({ a: [mention('a', 'Halvard Pelkoff', 'engineer')], b: [mention('b', 'Halvard Pelkekamp', 'engineer')] });
    const two = variantsOf({ b: [mention('b', 'Halvard Pelkekamp', 'engineer')], a: [mention('a', 'Halvard Pelkoff', 'engineer')] });
    expect(one.map((c) => c.id)).toEqual(two.map((c) => c.id));
    expect(one).toHaveLength(1);
  });
});
