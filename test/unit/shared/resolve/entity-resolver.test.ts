import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../../shared/model';
import { EntityResolver, type ResolverMention } from '../../../../shared/resolve/entity-resolver';

let counter = 0;
function mention(documentId: string, name: string, options: { type?: EntityType; role?: string; entityId?: string; start?: number } = {}): ResolverMention {
  const start = options.start ?? counter * 10;
  counter++;
  return {
    id: `m${counter}`,
    documentId,
    name,
    type: options.type ?? 'person',
    start,
    end: start + name.length,
    quote: name,
    origin: 'suggested',
    ...(options.entityId ? { entityId: options.entityId } : {}),
    roles: options.role ? [{ head: options.role, phrase: options.role }] : [],
  };
}

function clusterNames(resolver: EntityResolver, mentionId: string): string[] {
  const id = resolver.clusterOfMention(mentionId);
  return id === undefined ? [] : resolver.cluster(id)!.forms.map((form) => form.name).sort();
}

describe('EntityResolver', () => {
  it('joins one envoy spelled two ways and keeps the coordinator who shares his first name apart', () => {
    const resolver = new EntityResolver();
    const wendtner = mention('a', 'Tobias Wendtner', { role: 'envoy' });
    const renn = mention('a', 'Tobias Renn', { role: 'coordinator' });
    const vantner = mention('b', 'Tobias Vantner', { role: 'envoy' });
    resolver.setDocumentMentions('a', [wendtner, renn, mention('a', 'Marrow Creek', { type: 'place' })]);
    resolver.setDocumentMentions('b', [vantner, mention('b', 'Marrow Creek', { type: 'place' })]);
    resolver.refresh();
    expect(clusterNames(resolver, vantner.id)).toEqual(['Tobias Vantner', 'Tobias Wendtner']);
    expect(clusterNames(resolver, renn.id)).toEqual(['Tobias Renn']);
    const cluster = resolver.cluster(resolver.clusterOfMention(vantner.id)!)!;
    expect(cluster.links[0]!.reasons.join('; ')).toContain('both are described as envoy');
  });

  it('joins a lone surname to the full name before it in the same document', () => {
    const resolver = new EntityResolver();
    const full = mention('a', 'Petra Sollis', { start: 0 });
    const short = mention('a', 'Sollis', { start: 100 });
    resolver.setDocumentMentions('a', [full, short]);
    resolver.refresh();
    expect(resolver.clusterOfMention(short.id)).toBe(resolver.clusterOfMention(full.id));
    expect(resolver.cluster(resolver.clusterOfMention(full.id)!)!.forms).toHaveLength(1);
  });

  it('keeps two people who share only a first name apart, even in the same role', () => {
    const resolver = new EntityResolver();
    const a = mention('a', 'Maren Holt', { role: 'spokesperson' });
    const b = mention('b', 'Maren Oyelaran', { role: 'spokesperson' });
    resolver.setDocumentMentions('a', [a]);
    resolver.setDocumentMentions('b', [b]);
    resolver.refresh();
    expect(resolver.clusterOfMention(a.id)).not.toBe(resolver.clusterOfMention(b.id));
  });

  it('keeps similar names apart when their roles disagree', () => {
    const resolver = new EntityResolver();
    const a = mention('a', 'Ilse Brandauer', { role: 'judge' });
    const b = mention('b', 'Ilse Brandaur', { role: 'surgeon' });
    resolver.setDocumentMentions('a', [a]);
    resolver.setDocumentMentions('b', [b]);
    resolver.refresh();
    expect(resolver.clusterOfMention(a.id)).not.toBe(resolver.clusterOfMention(b.id));
  });

  it('never joins a person and an organisation with similar names', () => {
    const resolver = new EntityResolver();
    const person = mention('a', 'Odell Brask', { type: 'person' });
    const company = mention('b', 'Odell Brask', { type: 'organization' });
    resolver.setDocumentMentions('a', [person]);
    resolver.setDocumentMentions('b', [company]);
    resolver.refresh();
    expect(resolver.clusterOfMention(person.id)).not.toBe(resolver.clusterOfMention(company.id));
  });

  it('does not let a lone surname chain two different people together', () => {
    const resolver = new EntityResolver();
    const anna = mention('a', 'Anna Berg', { role: 'mayor' });
    const lukas = mention('b', 'Lukas Berg', { role: 'mayor' });
    const berg = mention('c', 'Berg', { role: 'mayor' });
    resolver.setDocumentMentions('a', [anna]);
    resolver.setDocumentMentions('b', [lukas]);
    resolver.setDocumentMentions('c', [berg]);
    resolver.refresh();
    expect(resolver.clusterOfMention(anna.id)).not.toBe(resolver.clusterOfMention(lukas.id));
  });

  it('ties mentions of one user entity together whatever their spelling', () => {
    const resolver = new EntityResolver();
    const a = mention('a', 'Halvard Quist', { entityId: 'e1' });
    const b = mention('b', 'Harold Twist', { entityId: 'e1' });
    resolver.setDocumentMentions('a', [a]);
    resolver.setDocumentMentions('b', [b]);
    resolver.refresh();
    expect(resolver.clusterOfMention(a.id)).toBe(resolver.clusterOfMention(b.id));
    expect(resolver.cluster(resolver.clusterOfMention(a.id)!)!.links[0]!.source).toBe('user');
  });

  it('updates only when asked, and undoes a match when a document goes', () => {
    const resolver = new EntityResolver();
    const a = mention('a', 'Tobias Wendtner', { role: 'envoy' });
    const b = mention('b', 'Tobias Vantner', { role: 'envoy' });
    resolver.setDocumentMentions('a', [a]);
    expect(resolver.refresh().changed).toHaveLength(1);
    expect(resolver.refresh().changed).toHaveLength(0);
    resolver.setDocumentMentions('b', [b]);
    const { changed } = resolver.refresh();
    expect(changed).toHaveLength(1);
    expect(resolver.clusterOfMention(a.id)).toBe(resolver.clusterOfMention(b.id));
    resolver.removeDocument('b');
    resolver.refresh();
    expect(resolver.clusterOfMention(b.id)).toBeUndefined();
    expect(resolver.cluster(resolver.clusterOfMention(a.id)!)!.forms).toHaveLength(1);
  });
});
