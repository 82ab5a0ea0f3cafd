import { describe, expect, it } from 'vitest';
import { ContradictionEngine } from '../../../../shared/detect/contradiction-engine';
import type { Contradiction } from '../../../../shared/detect/contradiction';
import { extractDocument } from '../../../../shared/extract/extract-document';
import { entity, fixtureDocuments, link, userAnnotation } from './engine-fixtures';

async function engineOver(...names: string[]): Promise<ContradictionEngine> {
  const engine = new ContradictionEngine();
  for (const document of await fixtureDocuments(...names)) engine.upsertDocument(document, extractDocument(document));
  return engine;
}

function ofKind(items: Contradiction[], kind: Contradiction['kind']): Contradiction[] {
  return items.filter((item) => item.kind === kind);
}

function quotes(item: Contradiction): string[] {
  return item.evidence.map((evidence) => evidence.quote);
}

describe('ContradictionEngine on extraction (suggested annotations)', () => {
  it('finds the bridge story’s misspelt engineer, death toll, collapse date and denied inspection', async () => {
    const engine = await engineOver('bridge-collapse-wire-dateline.md', 'bridge-collapse-ledger-mistranslated.txt', 'bridge-collapse-gazette-denial.txt');
    const found = engine.contradictions();

    const [variant, ...otherVariants] = ofKind(found, 'name-variant');
    expect(otherVariants).toEqual([]);
    expect(variant!.kind === 'name-variant' && variant!.details.suspect).toBe('Halvard Pelkekamp');
    expect(variant!.kind === 'name-variant' && variant!.details.expected).toBe('Halvard Pelkoff');
    expect(variant!.explanation).toMatch(/^“Halvard Pelkekamp” \(1 document\) looks like a misspelling of “Halvard Pelkoff” \(2 documents\)/);

    const deaths = ofKind(found, 'quantity-mismatch').find((item) => item.kind === 'quantity-mismatch' && item.details.key === 'person|dead');
    expect(deaths && quotes(deaths)).toEqual(['19 people died', '12 people died', 'Twelve people died']);

    const [date] = ofKind(found, 'date-mismatch');
    expect(date!.explanation).toBe('Articles date the collapse differently: 13 May 2024 in “Engineer insists Vellmar bridge was sound” but 12 May 2024 in 2 other documents.');

    const [claim] = ofKind(found, 'claim-conflict');
    expect(quotes(claim!)).toContain('the Ferris Street bridge was never inspected');
    expect(claim!.evidence.every((e) => e.origin === 'suggested' && e.annotationId === undefined)).toBe(true);
  });

  it('keeps the mayor and the residents’ spokeswoman, who share a first name, apart', async () => {
    const engine = await engineOver('bridge-collapse-wire-dateline.md', 'bridge-collapse-ledger-mistranslated.txt', 'bridge-collapse-gazette-denial.txt');
    const names = ofKind(engine.contradictions(), 'name-variant').flatMap((item) => (item.kind === 'name-variant' ? item.details.forms.map((f) => f.name) : []));
    expect(names).not.toContain('Ilona Varga');
    expect(names).not.toContain('Ilona Petrak');
  });

  it('finds nothing where the figures agree within their hedges and states differ (live / deceased)', async () => {
    const engine = await engineOver('hostage-counts-live-and-deceased.md', 'hostage-counts-agreeing.md');
    expect(ofKind(engine.contradictions(), 'quantity-mismatch')).toEqual([]);
  });

  it('quotes evidence exactly from the canonical text', async () => {
    const documents = await fixtureDocuments();
    const engine = new ContradictionEngine();
    for (const document of documents) engine.upsertDocument(document, extractDocument(document));
    const text = new Map(documents.map((d) => [d.id, d.text]));
    const found = engine.contradictions();
    expect(found.length).toBeGreaterThan(3);
    for (const item of found) for (const e of item.evidence) expect(text.get(e.documentId)!.slice(e.start, e.end)).toBe(e.quote);
  });
});

describe('ContradictionEngine on user annotations', () => {
  it('raises a name variant from two user-tagged entities alone, using the roles in the texts', () => {
    const a = { id: 'a', title: 'Wire report', text: 'U.S. envoy Steve Witkoff arrived in Doha on Monday for the talks.' };
    const b = { id: 'b', title: 'Translated report', text: 'The American envoy Steve Weitekamp met negotiators in Doha.' };
    const engine = new ContradictionEngine();
    engine.upsertDocument(a);
    engine.upsertDocument(b);
    engine.upsertEntity(entity('e1', 'Steve Witkoff'));
    engine.upsertEntity(entity('e2', 'Steve Weitekamp'));
    engine.upsertAnnotation(userAnnotation(a, 'Steve Witkoff', { kind: 'entity', entityId: 'e1' }));
    engine.upsertAnnotation(userAnnotation(b, 'Steve Weitekamp', { kind: 'entity', entityId: 'e2' }));
    const [variant, ...rest] = engine.contradictions();
    expect(rest).toEqual([]);
    expect(variant!.kind).toBe('name-variant');
    expect(variant!.evidence.map((e) => [e.documentId, e.quote, e.origin])).toEqual([
      ['a', 'Steve Witkoff', 'user'],
      ['b', 'Steve Weitekamp', 'user'],
    ]);
    expect(variant!.kind === 'name-variant' && variant!.details.reasons).toContain('both are described as envoy');
    // One document each: neither spelling is the more common.
    expect(variant!.kind === 'name-variant' && variant!.details.suspect).toBeUndefined();
  });

  it('does not raise it when the two users’ entities are a person and an organisation', () => {
    const a = { id: 'a', text: 'Odell Brask spoke to the press.' };
    const b = { id: 'b', text: 'Odell Brask Holdings issued a statement.' };
    const engine = new ContradictionEngine();
    engine.upsertDocument(a);
    engine.upsertDocument(b);
    engine.upsertEntity(entity('p', 'Odell Brask', 'person'));
    engine.upsertEntity(entity('o', 'Odell Brask Holdings', 'organization'));
    engine.upsertAnnotation(userAnnotation(a, 'Odell Brask', { kind: 'entity', entityId: 'p' }));
    engine.upsertAnnotation(userAnnotation(b, 'Odell Brask Holdings', { kind: 'entity', entityId: 'o' }));
    expect(engine.contradictions()).toEqual([]);
  });

  it('compares user quantities by key: same key disagreeing, and live / deceased never', () => {
    const a = { id: 'a', text: 'There are 20 live hostages and 18 deceased hostages.', publishedAt: '2024-02-01' };
    const b = { id: 'b', text: 'Some 130 hostages are held, and 40 deceased hostages.', publishedAt: '2024-02-01' };
    const engine = new ContradictionEngine();
    engine.upsertDocument(a);
    engine.upsertDocument(b);
    engine.upsertAnnotation(userAnnotation(a, '20 live hostages', { kind: 'quantity', quantity: { value: 20, key: 'hostage|live' } }));
    engine.upsertAnnotation(userAnnotation(b, 'Some 130 hostages', { kind: 'quantity', quantity: { value: 130, approximation: 'about', key: 'hostage|held' } }));
    expect(engine.contradictions()).toEqual([]);
    engine.upsertAnnotation(userAnnotation(a, '18 deceased hostages', { kind: 'quantity', quantity: { value: 18, key: 'hostage|dead' } }));
    engine.upsertAnnotation(userAnnotation(b, '40 deceased hostages', { kind: 'quantity', quantity: { value: 40, key: 'hostage|dead' } }));
    const [mismatch, ...rest] = engine.contradictions();
    expect(rest).toEqual([]);
    expect(mismatch!.kind === 'quantity-mismatch' && mismatch!.details.key).toBe('hostage|dead');
    expect(mismatch!.evidence.every((e) => e.origin === 'user' && e.annotationId)).toBe(true);
  });

  it('turns a contradicts link into a claim conflict, and removes it with the link', () => {
    const a = { id: 'a', text: 'The minister said the dam was safe.' };
    const b = { id: 'b', text: 'Engineers said the dam was cracked.' };
    const engine = new ContradictionEngine();
    engine.upsertDocument(a);
    engine.upsertDocument(b);
    const x = userAnnotation(a, 'the dam was safe', { kind: 'claim' });
    const y = userAnnotation(b, 'the dam was cracked', { kind: 'claim' });
    engine.upsertAnnotation(x);
    engine.upsertAnnotation(y);
    engine.upsertLink(link('l1', x.id, y.id, 'contradicts'));
    const [conflict] = engine.contradictions();
    expect(conflict).toMatchObject({ kind: 'claim-conflict', score: 1 });
    expect(conflict!.explanation).toContain('marked “the dam was safe”');
    engine.removeLink('l1');
    expect(engine.contradictions()).toEqual([]);
  });

  it('pairs user claims of opposite polarity about the same subject', () => {
    const a = { id: 'a', text: 'Officials said the levee was inspected last year.' };
    const b = { id: 'b', text: 'Residents said the levee was never inspected.' };
    const engine = new ContradictionEngine();
    engine.upsertDocument(a);
    engine.upsertDocument(b);
    engine.upsertAnnotation(userAnnotation(a, 'the levee was inspected last year', { kind: 'claim' }));
    engine.upsertAnnotation(userAnnotation(b, 'the levee was never inspected', { kind: 'claim' }));
    const [conflict] = engine.contradictions();
    expect(conflict!.kind === 'claim-conflict' && conflict!.details.key).toBe('levee|inspect');
  });
});

describe('ContradictionEngine incremental updates', () => {
  it('adds and removes a contradiction as one annotation comes and goes, leaving others untouched', () => {
    const a = { id: 'a', text: 'Officials counted 14 trapped miners.', publishedAt: '2025-03-05' };
    const b = { id: 'b', text: 'Officials counted 30 trapped miners.', publishedAt: '2025-03-05' };
    const c = { id: 'c', text: 'Envoy Ines Dahl arrived. Envoy Ines Dhal left.', publishedAt: '2025-03-05' };
    const engine = new ContradictionEngine();
    for (const d of [a, b, c]) engine.upsertDocument(d);
    const first = userAnnotation(a, '14 trapped miners', { kind: 'quantity', quantity: { value: 14, key: 'miner|trapped' } });
    engine.upsertAnnotation(first);
    expect(engine.refresh().added).toEqual([]);

    const second = userAnnotation(b, '30 trapped miners', { kind: 'quantity', quantity: { value: 30, key: 'miner|trapped' } });
    engine.upsertAnnotation(second);
    const added = engine.refresh();
    expect(added.added.map((item) => item.kind)).toEqual(['quantity-mismatch']);
    const id = added.added[0]!.id;

    // An unrelated annotation changes nothing that exists.
    engine.upsertEntity(entity('e', 'Ines Dahl'));
    engine.upsertAnnotation(userAnnotation(c, 'Ines Dahl', { kind: 'entity', entityId: 'e' }));
    const unrelated = engine.refresh();
    expect(unrelated.removed).toEqual([]);
    expect(unrelated.updated).toEqual([]);

    engine.removeAnnotation(second.id);
    expect(engine.refresh().removed).toEqual([id]);
    expect(engine.contradictions()).toEqual([]);
  });

  it('gives the same ids and results incrementally as in a full scan, in any order', async () => {
    const documents = await fixtureDocuments();
    const extractions = new Map(documents.map((d) => [d.id, extractDocument(d)]));
    const forward = new ContradictionEngine();
    for (const d of documents) forward.upsertDocument(d, extractions.get(d.id));
    const backward = new ContradictionEngine();
    for (const d of [...documents].reverse()) {
      backward.upsertDocument(d, extractions.get(d.id));
      backward.refresh();
    }
    const ids = (items: Contradiction[]) => items.map((item) => item.id).sort();
    expect(ids(backward.contradictions())).toEqual(ids(forward.contradictions()));
    const progress: string[] = [];
    expect(ids(forward.fullScan((p) => progress.push(p.phase)))).toEqual(ids(forward.contradictions()));
    expect(progress).toContain('done');
  });

  it('forgets a removed document’s contradictions', async () => {
    const engine = await engineOver('bridge-collapse-wire-dateline.md', 'bridge-collapse-ledger-mistranslated.txt');
    expect(ofKind(engine.contradictions(), 'name-variant')).toHaveLength(1);
    engine.removeDocument('bridge-collapse-ledger-mistranslated');
    expect(engine.contradictions()).toEqual([]);
  });
});
