/**
 * Libraries written by earlier versions of the schema open with every record in place and the upgrade
 * applied; a library written by a newer Crosscheck is refused untouched, with a message that says what to do.
 * Each earlier version is written here with plain Dexie and its schema frozen as it shipped.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation, Decision, DecisionHistoryEntry, Entity, Link, NameDistinction, SourceDocument } from '../../../../shared/model';
import { NewerLibraryError, openCrosscheckDatabase, SCHEMA_VERSION, type CrosscheckDatabase, type RejectedSuggestion, type Setting } from '../../../../renderer/store/database';
import { describeOpenFailure } from '../../../../renderer/store/storage-errors';
import { findLinkTargets } from '../../../../renderer/links/link-targets';
import { describeTextQuote } from '../../../../shared/anchoring/text-anchor';

/** Version 1 as it shipped. Never edit: libraries in this shape exist on people's machines. */
const SCHEMA_V1 = {
  documents: 'id, &sha256, title, importedAt, publishedAt',
  annotations: 'id, documentId, kind, [documentId+kind], entityId, speaker, quantity.key, origin, [documentId+start]',
  entities: 'id, name, type, *aliases',
  links: 'id, fromId, toId, relation',
  decisions: 'contradictionId, status, decidedAt',
  decisionHistory: 'id, contradictionId, decidedAt',
  settings: 'key',
  rejectedSuggestions: 'id, documentId',
  nameDistinctions: 'id',
} as const;

const AT = '2025-04-02T08:30:00.000Z';
const FERRY_TEXT = 'Ferry strike enters second day\n\nThe harbour master José Okonkwo said 212 passengers were stranded at Penhallow.';
const BRIDGE_TEXT = 'Bridge inspection delayed\n\nCouncillor Ana Brisco said the inspection would wait until May.';

function annotation(id: string, document: SourceDocument, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = document.text.indexOf(quote);
  if (start < 0) throw new Error(`fixture: “${quote}” is not in ${document.id}`);
  return {
    id,
    documentId: document.id,
    kind: 'claim',
    start,
    end: start + quote.length,
    ...describeTextQuote(document.text, start, start + quote.length),
    origin: 'user',
    status: 'unverified',
    author: 'Rhea',
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

/** A small library with a record in every version 1 table, and enough annotations to take several upgrade pages. */
function versionOneLibrary() {
  const ferry: SourceDocument = { id: 'doc-ferry', title: 'Ferry strike enters second day', text: FERRY_TEXT, format: 'text', sha256: 'a'.repeat(64), outlet: 'Penhallow Post', publishedAt: '2025-04-01', language: 'en', importedAt: AT };
  const bridge: SourceDocument = { id: 'doc-bridge', title: 'Bridge inspection delayed', text: BRIDGE_TEXT, format: 'markdown', sha256: 'b'.repeat(64), language: 'en', importedAt: AT };
  const harbourMaster: Entity = { id: 'ent-jose', name: 'José Okonkwo', type: 'person', aliases: ['J. Okonkwo'], misspellings: ['Jose Okonkow'] };
  const councillor: Entity = { id: 'ent-ana', name: 'Ana Brisco', type: 'person', aliases: [] };
  const annotations: Annotation[] = [
    annotation('ann-name', ferry, 'José Okonkwo', { kind: 'entity', entityId: harbourMaster.id }),
    annotation('ann-count', ferry, '212 passengers', { kind: 'quantity', origin: 'suggested', quantity: { value: 212, key: 'passenger|stranded', asOf: '2025-04-01' } }),
    annotation('ann-claim', ferry, '212 passengers were stranded at Penhallow', { speaker: harbourMaster.id, status: 'disputed', note: 'Port office says 190.' }),
    annotation('ann-delay', bridge, 'the inspection would wait until May', { speaker: councillor.id }),
  ];
  // Filler annotations over the bridge report: more than one page of the version 2 upgrade (2,000).
  for (let i = 0; i < 2345; i++) annotations.push(annotation(`ann-fill-${String(i).padStart(4, '0')}`, bridge, 'inspection', { kind: 'fact' }));
  const links: Link[] = [{ id: 'link-1', fromId: 'ann-delay', toId: 'ann-claim', relation: 'refers-to', note: 'Same council meeting.', author: 'Rhea', createdAt: AT }];
  const decisions: Decision[] = [{ contradictionId: 'quantity-mismatch:ann-count|ann-other', status: 'dismissed', reason: 'Different days.', reviewer: 'Rhea', decidedAt: AT, evidenceHash: 'ev-1' }];
  const decisionHistory: DecisionHistoryEntry[] = [{ ...decisions[0]!, id: 'history-1', status: 'needs-follow-up', decidedAt: '2025-04-01T10:00:00.000Z', supersededAt: AT }];
  const settings: Setting[] = [{ key: 'reviewer-name', value: 'Rhea' }];
  const rejectedSuggestions: RejectedSuggestion[] = [{ id: 'suggestion-1', documentId: bridge.id, kind: 'entity', start: 0, end: 6, quote: 'Bridge', rejectedAt: AT }];
  const nameDistinctions: NameDistinction[] = [{ id: 'ana brisco\u241fana briscoe', names: ['Ana Brisco', 'Ana Briscoe'], reviewer: 'Rhea', decidedAt: AT }];
  return { documents: [ferry, bridge], annotations, entities: [harbourMaster, councillor], links, decisions, decisionHistory, settings, rejectedSuggestions, nameDistinctions };
}

type Library = ReturnType<typeof versionOneLibrary>;

const names: string[] = [];
function databaseName(): string {
  const name = `upgrade-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Writes `library` the way Crosscheck with schema version 1 did, and closes the database. */
async function writeVersionOne(name: string, library: Library): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, records] of Object.entries(library)) await old.table(table).bulkAdd(records);
  });
  old.close();
}

async function open(name: string): Promise<CrosscheckDatabase> {
  const db = await openCrosscheckDatabase(name);
  opened.push(db);
  return db;
}

const byKey = <T>(records: T[], key: (record: T) => string): T[] => [...records].sort((a, b) => key(a).localeCompare(key(b)));

describe('a library written by schema version 1', () => {
  it('opens at the current version with every record of every table unchanged', async () => {
    const name = databaseName();
    const library = versionOneLibrary();
    await writeVersionOne(name, library);

    const db = await open(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(byKey(await db.documents.toArray(), (d) => d.id)).toEqual(byKey(library.documents, (d) => d.id));
    expect(await db.annotations.count()).toBe(library.annotations.length);
    expect(byKey(await db.annotations.toArray(), (a) => a.id)).toEqual(byKey(library.annotations, (a) => a.id));
    expect(byKey(await db.entities.toArray(), (e) => e.id)).toEqual(byKey(library.entities, (e) => e.id));
    expect(await db.links.toArray()).toEqual(library.links);
    expect(await db.decisions.toArray()).toEqual(library.decisions);
    expect(await db.decisionHistory.toArray()).toEqual(library.decisionHistory);
    expect(await db.settings.toArray()).toEqual(library.settings);
    expect(await db.rejectedSuggestions.toArray()).toEqual(library.rejectedSuggestions);
    expect(await db.nameDistinctions.toArray()).toEqual(library.nameDistinctions);
  });

  it('keeps the version 1 indexes working', async () => {
    const name = databaseName();
    await writeVersionOne(name, versionOneLibrary());
    const db = await open(name);
    expect((await db.annotations.where('quantity.key').equals('passenger|stranded').toArray()).map((a) => a.id)).toEqual(['ann-count']);
    expect(await db.annotations.where('[documentId+kind]').equals(['doc-bridge', 'fact']).count()).toBe(2345);
    expect((await db.entities.where('aliases').equals('J. Okonkwo').first())?.id).toBe('ent-jose');
    expect((await db.documents.where('sha256').equals('b'.repeat(64)).first())?.title).toBe('Bridge inspection delayed');
  });

  it('gains a word index over every annotation quote, so link search finds annotations written before the upgrade', async () => {
    const name = databaseName();
    const library = versionOneLibrary();
    await writeVersionOne(name, library);
    const db = await open(name);

    // One index entry per annotation, across all upgrade pages, with its quote's words folded.
    expect(await db.quoteWords.count()).toBe(library.annotations.length);
    expect(await db.quoteWords.get('ann-name')).toEqual({ id: 'ann-name', documentId: 'doc-ferry', words: ['jose', 'okonkwo'] });
    expect(await db.quoteWords.get('ann-fill-2344')).toEqual({ id: 'ann-fill-2344', documentId: 'doc-bridge', words: ['inspection'] });

    const documents = new Map(library.documents.map((d) => [d.id, d]));
    expect((await findLinkTargets(db, documents, 'Jose', 'none')).map((a) => a.id)).toEqual(['ann-name']);
    expect((await findLinkTargets(db, documents, 'stranded penhallow', 'none')).map((a) => a.id)).toEqual(['ann-claim']);
    expect((await findLinkTargets(db, documents, 'wait may', 'none')).map((a) => a.id)).toEqual(['ann-delay']);
  });

  it('says it is upgrading only when it is, and opens again without a second upgrade', async () => {
    const name = databaseName();
    const library = versionOneLibrary();
    await writeVersionOne(name, library);
    const upgrades: string[] = [];
    const onUpgrading = () => upgrades.push(name);
    const first = await openCrosscheckDatabase(name, { onUpgrading });
    first.close();
    expect(upgrades).toHaveLength(1);
    const db = await openCrosscheckDatabase(name, { onUpgrading });
    opened.push(db);
    expect(upgrades).toHaveLength(1);
    const fresh = await openCrosscheckDatabase(databaseName(), { onUpgrading });
    opened.push(fresh);
    expect(upgrades).toHaveLength(1);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.quoteWords.count()).toBe(library.annotations.length);
    expect(await db.annotations.count()).toBe(library.annotations.length);
  });
});

describe('a library written by a newer Crosscheck', () => {
  /** A future version 3 that adds a table of its own (and keeps version 1's). */
  async function writeVersionThree(name: string): Promise<void> {
    const newer = new Dexie(name);
    newer.version(1).stores(SCHEMA_V1);
    newer.version(3).stores({ highlights: 'id, documentId' });
    await newer.open();
    await newer.table('documents').add(versionOneLibrary().documents[0]);
    await newer.table('highlights').add({ id: 'hl-1', documentId: 'doc-ferry' });
    newer.close();
  }

  it('is refused with a message that says why and what to do', async () => {
    const name = databaseName();
    await writeVersionThree(name);
    const failure = await openCrosscheckDatabase(name).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NewerLibraryError);
    const message = describeOpenFailure(failure);
    expect(message).toContain('newer version of Crosscheck');
    expect(message).toContain('format 3');
    expect(message).toContain(`up to format ${SCHEMA_VERSION}`);
    expect(message).toContain('Nothing in it was changed');
    expect(message).toContain('Install the newer Crosscheck');
  });

  it('is left exactly as the newer version wrote it', async () => {
    const name = databaseName();
    await writeVersionThree(name);
    await expect(openCrosscheckDatabase(name)).rejects.toThrow(NewerLibraryError);
    // Opened as it is installed: still version 3, its own table and records intact, nothing of version 2 added.
    const asInstalled = new Dexie(name);
    opened.push(asInstalled);
    await asInstalled.open();
    expect(asInstalled.verno).toBe(3);
    expect(asInstalled.tables.map((table) => table.name).sort()).toEqual([...Object.keys(SCHEMA_V1), 'highlights'].sort());
    expect(await asInstalled.table('highlights').toArray()).toEqual([{ id: 'hl-1', documentId: 'doc-ferry' }]);
    expect(await asInstalled.table('documents').count()).toBe(1);
  });
});
