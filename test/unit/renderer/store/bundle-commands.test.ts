import { unzipSync } from 'fflate';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundles/bundle-error';
import { PART_FILES, type BundleContents, type BundleProgress } from '../../../../shared/bundles/bundle-format';
import { readBundle } from '../../../../shared/bundles/read-bundle';
import { writeBundle } from '../../../../shared/bundles/write-bundle';
import { draftFromPlainText } from '../../../../shared/importers/source-document';
import { sha256Hex } from '../../../../shared/text/sha256';
import { exportLibraryBundle, importBundle, previewBundleImport } from '../../../../renderer/store/bundle-commands';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { discardDatabase, openFreshDatabase, storeSnapshot } from './fresh-database';
import { brokenBundles, type BrokenBundle } from '../../../fixtures/bundles/broken-bundles';
import { ferryStrikeContradictions, ferryStrikeLibrary, IDS, WIRE_TEXT } from '../../../fixtures/bundles/ferry-strike';

const META = { appVersion: '0.1.0', createdBy: 'Ines Calloway' };
let db: CrosscheckDatabase;
let library: BundleContents;
let libraryBundle: Uint8Array;

beforeAll(async () => {
  library = await ferryStrikeLibrary();
  libraryBundle = await writeBundle(library, { ...META, createdAt: '2025-03-07T12:00:00.000Z' });
});

beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(async () => {
  await discardDatabase(db);
});

async function wipe(): Promise<void> {
  await db.transaction('rw', [db.documents, db.annotations, db.entities, db.links, db.decisions, db.decisionHistory], async () => {
    await Promise.all([db.documents.clear(), db.annotations.clear(), db.entities.clear(), db.links.clear(), db.decisions.clear(), db.decisionHistory.clear()]);
  });
}

describe('export, wipe, import, export again', () => {
  it('gives the same content (only the export time differs)', async () => {
    await importBundle(db, libraryBundle);
    const first = await exportLibraryBundle(db, { kind: 'library' }, { ...META, createdAt: '2025-03-08T09:00:00.000Z' });
    await wipe();
    expect(await db.annotations.count()).toBe(0);
    const report = await importBundle(db, first.bytes);
    expect(report.byType.annotations.added).toHaveLength(8);
    const second = await exportLibraryBundle(db, { kind: 'library' }, { ...META, createdAt: '2025-03-09T17:30:00.000Z' });

    const a = unzipSync(first.bytes);
    const b = unzipSync(second.bytes);
    for (const file of Object.values(PART_FILES)) expect(new TextDecoder().decode(b[file]), file).toBe(new TextDecoder().decode(a[file]));
    const manifestA = JSON.parse(new TextDecoder().decode(a['manifest.json'])) as Record<string, unknown>;
    const manifestB = JSON.parse(new TextDecoder().decode(b['manifest.json'])) as Record<string, unknown>;
    expect({ ...manifestB, createdAt: undefined }).toEqual({ ...manifestA, createdAt: undefined });
    expect((await readBundle(second.bytes)).contents.annotations).toHaveLength(library.annotations.length);
  });

  it('offers a file name and says what was exported', async () => {
    await importBundle(db, libraryBundle);
    const exported = await exportLibraryBundle(db, { kind: 'library' }, { ...META, createdAt: '2025-03-08T09:00:00.000Z' });
    expect(exported.fileName).toBe('crosscheck-ines-calloway-2025-03-08.crosscheck');
    expect(exported.selection).toBe('the whole library (3 documents)');
    expect(exported.counts).toEqual({ documents: 3, entities: 2, annotations: 8, links: 2, decisions: 1, decisionHistory: 1 });
  });
});

describe('importBundle', () => {
  it('adds a bundle to an empty library and reports it by name', async () => {
    const seen = new Set<BundleProgress['stage']>();
    const report = await importBundle(db, libraryBundle, { onProgress: (progress) => seen.add(progress.stage) });
    expect(await db.documents.count()).toBe(3);
    expect(await db.annotations.where('documentId').equals(IDS.ledger).count()).toBe(4);
    expect(report.manifest.createdBy).toBe('Ines Calloway');
    expect(report.byType.documents.added.map((record) => record.name)).toEqual(
      expect.arrayContaining(['“Ferry crews walk out at Port Veyra”', '“Islanders stranded as strike enters second day”']),
    );
    expect([...seen]).toEqual(['unpacking', 'checking', 'merging', 'writing']);
  });

  it('changes nothing when the same bundle is imported twice: the second report skips everything', async () => {
    await importBundle(db, libraryBundle);
    const before = await storeSnapshot(db);
    const again = await importBundle(db, libraryBundle);
    expect(await storeSnapshot(db)).toEqual(before);
    expect(again.changed).toBe(false);
    for (const type of Object.keys(again.byType) as Array<keyof typeof again.byType>) {
      expect(again.byType[type].added.length + again.byType[type].updated.length + again.byType[type].conflicts.length, type).toBe(0);
      expect(again.byType[type].skipped.length, type).toBe(library[type].length);
    }
  });

  it('attaches annotations of a text already in the library to the local document', async () => {
    const local = await draftFromPlainText(WIRE_TEXT, 'wire.txt');
    await db.documents.add({ ...local, id: 'local-wire', importedAt: '2025-03-05T07:00:00.000Z' });
    const report = await importBundle(db, libraryBundle);
    expect(await db.documents.count()).toBe(3);
    expect(await db.documents.get(IDS.wire)).toBeUndefined();
    expect((await db.annotations.get(IDS.wireFerries))?.documentId).toBe('local-wire');
    expect(report.matchedDocuments).toEqual([expect.objectContaining({ bundleId: IDS.wire, libraryId: 'local-wire' })]);
  });

  it('keeps the newer of two edits, files the older decision in the history, and reports both', async () => {
    await importBundle(db, libraryBundle);
    const colleague = structuredClone(library);
    const claim = colleague.annotations.find((annotation) => annotation.id === IDS.talksCollapsed)!;
    Object.assign(claim, { status: 'disputed', note: 'The union now says talks are paused.', updatedAt: '2025-03-08T10:00:00.000Z' });
    colleague.decisions[0] = { ...colleague.decisions[0]!, status: 'dismissed', reviewer: 'Tom', decidedAt: '2025-03-08T11:00:00.000Z' };
    const report = await importBundle(db, await writeBundle(colleague, { ...META, createdBy: 'Tom' }));

    expect((await db.annotations.get(IDS.talksCollapsed))?.status).toBe('disputed');
    expect((await db.decisions.get(IDS.ferryCount))?.reviewer).toBe('Tom');
    expect((await db.decisionHistory.where('contradictionId').equals(IDS.ferryCount).toArray()).map((entry) => entry.reviewer).sort()).toEqual(['Ines', 'Tom']);
    expect(report.byType.annotations.updated.map((record) => record.name)).toEqual(['claim “The talks have collapsed” in “Ferry crews walk out at Port Veyra”']);
    expect(report.byType.annotations.conflicts[0]).toMatchObject({ kept: 'bundle', problem: expect.stringMatching(/status and note differ/) });
    expect(report.byType.decisions.conflicts).toHaveLength(1);
  });

  // The import looks stored records up by key range first; these libraries make that range empty of others,
  // a little fuller than the bundle, and much fuller, which the import reads in different ways.
  it.each([0, 10, 40])('finds the stored version of a bundle’s records among %i other annotations', async (others) => {
    await importBundle(db, libraryBundle);
    const filler = (await db.annotations.get(IDS.gazetteUnionFerries))!;
    // Ids between the bundle's lowest ('0b9e…') and highest ('wire-…'), so that they share its key range.
    await db.annotations.bulkAdd(Array.from({ length: others }, (_, i) => ({ ...filler, id: `3-other-${String(i).padStart(2, '0')}` })));
    const colleague = structuredClone(library);
    colleague.documents = colleague.documents.filter((document) => document.id !== IDS.gazette);
    colleague.annotations = colleague.annotations.filter((annotation) => annotation.documentId !== IDS.gazette);
    colleague.links = colleague.links.filter((link) => colleague.annotations.some((a) => a.id === link.fromId) && colleague.annotations.some((a) => a.id === link.toId));
    const claim = colleague.annotations.find((annotation) => annotation.id === IDS.talksCollapsed)!;
    Object.assign(claim, { status: 'disputed', updatedAt: '2025-03-08T10:00:00.000Z' });

    const report = await importBundle(db, await writeBundle(colleague, { ...META, createdBy: 'Tom' }));
    expect(report.byType.annotations.updated.map((record) => record.id)).toEqual([IDS.talksCollapsed]);
    expect(report.byType.annotations.added).toEqual([]);
    expect(report.byType.annotations.skipped).toHaveLength(colleague.annotations.length - 1);
    expect(report.byType.documents.skipped).toHaveLength(colleague.documents.length);
    expect((await db.annotations.get(IDS.talksCollapsed))?.status).toBe('disputed');
    expect(await db.annotations.count()).toBe(library.annotations.length + others);
  });

  it('previews an import without writing', async () => {
    const before = await storeSnapshot(db);
    const preview = await previewBundleImport(db, await readBundle(libraryBundle));
    expect(preview.byType.annotations.added).toHaveLength(8);
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('writes nothing when a write fails halfway: the import is one transaction', async () => {
    const before = await storeSnapshot(db);
    // The last table the import writes fails, after the others were written inside the transaction.
    db.decisionHistory.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.decisionHistory.bulkPut;
    await expect(importBundle(db, libraryBundle)).rejects.toThrow('disk full');
    expect(await storeSnapshot(db)).toEqual(before);
  });
});

describe('importBundle with clashing document ids', () => {
  async function documentBundle(documents: Array<{ id: string; text: string }>): Promise<Uint8Array> {
    const contents: BundleContents = { documents: [], annotations: [], entities: [], links: [], decisions: [], decisionHistory: [] };
    for (const { id, text } of documents) {
      contents.documents.push({ id, title: text, text, format: 'text', sha256: await sha256Hex(text), language: 'en', importedAt: '2025-03-06T08:00:00.000Z' });
    }
    return writeBundle(contents, { ...META, createdAt: '2025-03-07T12:00:00.000Z' });
  }

  it('never gives a clashing document an id the library already uses under a derived name', async () => {
    const incoming = 'Strike enters day two at the ferry port.';
    const derivedId = `a~${(await sha256Hex(incoming)).slice(0, 12)}`;
    await importBundle(db, await documentBundle([
      { id: 'a', text: 'Forty ferries sat idle.' },
      { id: derivedId, text: 'Talks have collapsed, the union said.' },
    ]));
    await importBundle(db, await documentBundle([{ id: 'a', text: incoming }]));
    const texts = (await db.documents.toArray()).map((document) => document.text).sort();
    expect(texts).toEqual(['Forty ferries sat idle.', incoming, 'Talks have collapsed, the union said.'].sort());
  });
});

describe('importBundle on the broken-bundle corpus', () => {
  let corpus: BrokenBundle[];
  beforeAll(async () => {
    corpus = await brokenBundles();
  });

  it('gives each its message and leaves the store exactly as it was', async () => {
    // A library with something in it, so that "unchanged" means more than "still empty".
    const small = await ferryStrikeLibrary();
    await importBundle(db, await writeBundle({ ...small, documents: small.documents.filter((d) => d.id === IDS.wire), annotations: small.annotations.filter((a) => a.documentId === IDS.wire), links: [], decisions: [], decisionHistory: [] }, META));
    await db.settings.put({ key: 'reviewer', value: 'Ines' });
    const before = await storeSnapshot(db);
    expect(before.documents).toHaveLength(1);
    for (const item of corpus) {
      const error = await importBundle(db, item.bytes, item.limits ? { limits: item.limits } : {}).then(
        () => new Error(`${item.name}: was imported`),
        (e: unknown) => e,
      );
      expect(error, item.name).toBeInstanceOf(BundleError);
      for (const fragment of item.says) expect((error as Error).message, item.name).toMatch(fragment);
      expect(await storeSnapshot(db), item.name).toEqual(before);
    }
  });
});

describe('exportLibraryBundle selections', () => {
  beforeEach(async () => {
    await importBundle(db, libraryBundle);
  });

  it('exports chosen documents with their decisions when the contradictions are given', async () => {
    const exported = await exportLibraryBundle(
      db,
      { kind: 'documents', documentIds: [IDS.ledger, IDS.wire, IDS.gazette], contradictions: ferryStrikeContradictions(library) },
      META,
    );
    expect(exported.counts).toMatchObject({ documents: 3, annotations: 8, decisions: 1, decisionHistory: 1 });
    const one = await exportLibraryBundle(db, { kind: 'documents', documentIds: [IDS.wire] }, META);
    expect(one.counts).toEqual({ documents: 1, entities: 2, annotations: 3, links: 0, decisions: 0, decisionHistory: 0 });
    expect(one.selection).toBe('1 document chosen');
  });

  it('exports the evidence of a contradiction', async () => {
    const exported = await exportLibraryBundle(
      db,
      { kind: 'evidence', annotationIds: [IDS.ledgerFerries, IDS.wireFerries], documentIds: [IDS.gazette], contradictionIds: [IDS.ferryCount] },
      META,
    );
    const { contents } = await readBundle(exported.bytes);
    expect(contents.annotations.map((annotation) => annotation.id).sort()).toEqual([IDS.ledgerFerries, IDS.wireFerries].sort());
    expect(contents.documents).toHaveLength(3);
    expect(contents.links.map((link) => link.id)).toEqual([IDS.contradictsLink]);
    expect(contents.decisions).toHaveLength(1);
  });
});
