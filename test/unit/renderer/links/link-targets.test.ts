/**
 * Finding the other end of a link: every word typed must begin a word of the annotation's quote or of its
 * document's title; case and accents do not matter; results come in story order, without the annotation
 * being linked from.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, SourceDocument } from '../../../../shared/model';
import { tagSpan } from '../../../../renderer/store/annotation-commands';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { updateDocumentDetails } from '../../../../renderer/store/document-commands';
import { findLinkTargets } from '../../../../renderer/links/link-targets';
import { discardDatabase, importText, openFreshDatabase } from '../store/fresh-database';

let db: CrosscheckDatabase;
beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(async () => {
  await discardDatabase(db);
});

async function tag(document: SourceDocument, quote: string): Promise<Annotation> {
  const start = document.text.indexOf(quote);
  return tagSpan(db, { documentId: document.id, kind: 'claim', start, end: start + quote.length, author: 'Ines' });
}

async function dated(document: SourceDocument, publishedAt: string): Promise<SourceDocument> {
  await updateDocumentDetails(db, document.id, { title: document.title, outlet: '', author: '', url: '', publishedAt, language: 'en' });
  return (await db.documents.get(document.id))!;
}

/** Two reports of a dam inspection, the later one first in the library. */
async function damReports() {
  const later = await dated(await importText(db, 'Dam inspection report\n\nInspector Zoë Haddad said the cracks had widened to 4 centimetres.'), '2025-06-03');
  const earlier = await dated(await importText(db, 'Dam declared safe\n\nThe water board said the Harlow dam was safe and the cracks were cosmetic.'), '2025-06-01');
  const annotations = {
    widened: await tag(later, 'the cracks had widened to 4 centimetres'),
    inspector: await tag(later, 'Inspector Zoë Haddad'),
    safe: await tag(earlier, 'the Harlow dam was safe'),
    cosmetic: await tag(earlier, 'the cracks were cosmetic'),
  };
  return { documents: new Map([later, earlier].map((d) => [d.id, d])), ...annotations };
}

const ids = (found: Annotation[]) => found.map((annotation) => annotation.id);

describe('findLinkTargets', () => {
  it('finds quotes by the beginnings of their words, ignoring case and accents, in story order', async () => {
    const { documents, widened, cosmetic } = await damReports();
    expect(ids(await findLinkTargets(db, documents, 'CRACK', 'none'))).toEqual([cosmetic.id, widened.id]);
    expect(ids(await findLinkTargets(db, documents, 'zoe hadd', 'none'))).toHaveLength(1);
    expect(ids(await findLinkTargets(db, documents, 'centimetres widened', 'none'))).toEqual([widened.id]);
  });

  it('lets words of the document title narrow the quotes', async () => {
    const { documents, widened, cosmetic } = await damReports();
    // "declared" is only in the earlier report's title, "widen" only in a quote of the later one.
    expect(ids(await findLinkTargets(db, documents, 'declared cracks', 'none'))).toEqual([cosmetic.id]);
    expect(ids(await findLinkTargets(db, documents, 'widen cracks', 'none'))).toEqual([widened.id]);
  });

  it('finds every annotation of a document by a title word alone', async () => {
    const { documents, safe, cosmetic } = await damReports();
    expect(ids(await findLinkTargets(db, documents, 'safe', 'none')).sort()).toEqual([safe.id, cosmetic.id].sort());
  });

  it('never offers the annotation being linked from, and finds nothing for a word nobody wrote', async () => {
    const { documents, widened, cosmetic } = await damReports();
    expect(ids(await findLinkTargets(db, documents, 'cracks', cosmetic.id))).toEqual([widened.id]);
    expect(await findLinkTargets(db, documents, 'spillway', 'none')).toEqual([]);
    expect(await findLinkTargets(db, documents, 'racks', 'none')).toEqual([]);
    expect(await findLinkTargets(db, documents, '  ', 'none')).toEqual([]);
  });

  it('stops at the limit', async () => {
    const report = await importText(db, `Flood log\n\n${Array.from({ length: 30 }, (_, i) => `Gauge ${i} rose overnight.`).join(' ')}`);
    for (let i = 0; i < 30; i++) await tag(report, `Gauge ${i} rose`);
    const documents = new Map([[report.id, report]]);
    expect(await findLinkTargets(db, documents, 'gauge', 'none')).toHaveLength(20);
    expect(await findLinkTargets(db, documents, 'gauge rose', 'none', 5)).toHaveLength(5);
  });
});
