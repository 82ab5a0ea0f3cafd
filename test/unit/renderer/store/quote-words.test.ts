/**
 * The quote word index follows the annotations table through every kind of write, whoever makes it, and
 * commits or rolls back with it: after each step the index holds exactly one entry per annotation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../../shared/bundles/write-bundle';
import type { SuggestedAnnotation } from '../../../../shared/extract/suggest-annotations';
import type { Annotation, SourceDocument } from '../../../../shared/model';
import { sha256Hex } from '../../../../shared/text/sha256';
import { deleteAnnotation, restoreAnnotation, tagSpan } from '../../../../renderer/store/annotation-commands';
import { importBundle } from '../../../../renderer/store/bundle-commands';
import { searchWords, type CrosscheckDatabase } from '../../../../renderer/store/database';
import { deleteDocument } from '../../../../renderer/store/document-commands';
import { mergeEntities } from '../../../../renderer/store/entity-commands';
import { acceptSuggestion } from '../../../../renderer/store/suggestion-commands';
import { discardDatabase, importText, openFreshDatabase } from './fresh-database';

let db: CrosscheckDatabase;
beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(async () => {
  await discardDatabase(db);
});

const QUARRY = 'Quarry expansion approved\n\nThe planning board under Zoë Marchetti approved the Fenwick quarry expansion by 5 votes to 2.';

async function tag(document: SourceDocument, quote: string, kind: Annotation['kind'] = 'claim'): Promise<Annotation> {
  const start = document.text.indexOf(quote);
  return tagSpan(db, { documentId: document.id, kind, start, end: start + quote.length, author: 'Ines' });
}

/** The index as id → words, and a check that it covers the annotations exactly. */
async function indexMatchesAnnotations(): Promise<Map<string, string[]>> {
  const annotations = await db.annotations.toArray();
  const rows = await db.quoteWords.toArray();
  expect(rows.map((row) => row.id).sort()).toEqual(annotations.map((annotation) => annotation.id).sort());
  for (const annotation of annotations) {
    expect(rows.find((row) => row.id === annotation.id)).toEqual({ id: annotation.id, documentId: annotation.documentId, words: searchWords(annotation.quote) });
  }
  return new Map(rows.map((row) => [row.id, row.words]));
}

describe('searchWords', () => {
  it('folds case and accents and splits at anything that is not a letter or digit', () => {
    expect(searchWords('Zoë Marchetti’s board: 5 votes to 2')).toEqual(['zoe', 'marchetti', 's', 'board', '5', 'votes', 'to', '2']);
    expect(searchWords('São Tomé — São Tomé')).toEqual(['sao', 'tome']);
  });

  it('indexes each character of unspaced scripts as a word', () => {
    expect(searchWords('東京で会議')).toEqual(['東', '京', 'で', '会', '議']);
  });

  it('drops Arabic short vowels and Hebrew points, but keeps the signs that change a letter', () => {
    expect(searchWords('قالَ الوزيرُ')).toEqual(['قال', 'الوزير']);
    expect(searchWords('שָׁלוֹם')).toEqual(['שלום']);
    expect(searchWords('किसान')).toEqual(['किसान']);
  });
});

describe('the quote word index', () => {
  it('follows tagging, deleting and undoing a delete', async () => {
    const quarry = await importText(db, QUARRY);
    const claim = await tag(quarry, 'approved the Fenwick quarry expansion');
    const person = await tag(quarry, 'Zoë Marchetti', 'entity');
    expect((await indexMatchesAnnotations()).get(person.id)).toEqual(['zoe', 'marchetti']);

    const deleted = await deleteAnnotation(db, claim.id);
    expect((await indexMatchesAnnotations()).has(claim.id)).toBe(false);
    await restoreAnnotation(db, deleted!);
    expect((await indexMatchesAnnotations()).get(claim.id)).toEqual(['approved', 'the', 'fenwick', 'quarry', 'expansion']);
  });

  it('follows writers outside the annotation commands: accepted suggestions, merges and bundle imports', async () => {
    const quarry = await importText(db, QUARRY);
    const start = quarry.text.indexOf('5 votes');
    const suggestion: SuggestedAnnotation = {
      id: `suggested:${quarry.id}:quantity:${start}-${start + 7}`,
      documentId: quarry.id,
      kind: 'quantity',
      start,
      end: start + 7,
      quote: '5 votes',
      prefix: quarry.text.slice(start - 32, start),
      suffix: quarry.text.slice(start + 7, start + 39),
      origin: 'suggested',
      status: 'unverified',
      quantity: { value: 5, key: 'vote' },
    };
    await acceptSuggestion(db, suggestion, 'Ines');
    expect((await indexMatchesAnnotations()).get(suggestion.id)).toEqual(['5', 'votes']);

    // A merge rewrites annotations with modify(): the index stays whole.
    const first = await tag(quarry, 'Zoë Marchetti', 'entity');
    const other = await db.entities.add({ id: 'ent-other', name: 'Z. Marchetti', type: 'person', aliases: [] });
    await db.annotations.update(first.id, { entityId: other });
    await mergeEntities(db, first.entityId!, other);
    await indexMatchesAnnotations();

    // A bundle written elsewhere brings its own annotations, in the bundle import's one transaction.
    const text = 'Ferry fares rise\n\nFares on the Penhallow ferry rise by 12 percent in June.';
    const ferry: SourceDocument = { id: 'doc-ferry', title: 'Ferry fares rise', text, format: 'text', sha256: await sha256Hex(text), language: 'en', importedAt: '2025-05-01T09:00:00.000Z' };
    const quote = 'rise by 12 percent';
    const at = text.indexOf(quote);
    const fare: Annotation = { id: 'ann-fare', documentId: ferry.id, kind: 'quantity', start: at, end: at + quote.length, quote, prefix: text.slice(at - 32, at), suffix: text.slice(at + quote.length, at + quote.length + 32), origin: 'user', status: 'unverified', quantity: { value: 12, unit: 'percent', key: 'fare|rise' }, author: 'Mara', createdAt: '2025-05-01T09:00:00.000Z', updatedAt: '2025-05-01T09:00:00.000Z' };
    const bytes = await writeBundle({ documents: [ferry], annotations: [fare], entities: [], links: [], decisions: [], decisionHistory: [] }, { appVersion: '0.1.0', createdBy: 'Mara', createdAt: '2025-05-01T10:00:00.000Z' });
    await importBundle(db, bytes);
    expect((await indexMatchesAnnotations()).get('ann-fare')).toEqual(['rise', 'by', '12', 'percent']);
  });

  it('loses a document’s entries when the document is deleted, and every entry when the table is cleared', async () => {
    const quarry = await importText(db, QUARRY);
    const kept = await importText(db, 'Road closed\n\nThe coast road stays closed until Friday.');
    await tag(quarry, 'Zoë Marchetti', 'entity');
    await tag(quarry, 'by 5 votes to 2', 'fact');
    const road = await tag(kept, 'stays closed until Friday');
    await deleteDocument(db, quarry.id);
    expect([...(await indexMatchesAnnotations()).keys()]).toEqual([road.id]);

    await db.annotations.clear();
    expect(await db.quoteWords.count()).toBe(0);
  });

  it('rolls back with the annotations when their transaction fails', async () => {
    const quarry = await importText(db, QUARRY);
    await tag(quarry, 'Zoë Marchetti', 'entity');
    const before = await indexMatchesAnnotations();
    await expect(
      db.transaction('rw', db.annotations, async () => {
        const [template] = await db.annotations.toArray();
        await db.annotations.bulkPut([1, 2, 3].map((n) => ({ ...template!, id: `copy-${n}` })));
        await db.annotations.delete(template!.id);
        throw new Error('stopped halfway');
      }),
    ).rejects.toThrow('stopped halfway');
    expect(await indexMatchesAnnotations()).toEqual(before);
  });
});
