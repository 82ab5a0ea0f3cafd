import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteAnnotation, tagSpan, updateAnnotation } from '../../../../renderer/store/annotation-commands';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { followStore, type MirrorSnapshot, type StoreMirror } from '../../../../renderer/store/store-mirror';
import { discardDatabase, importText, openFreshDatabase } from './fresh-database';

type Followed = 'documents' | 'annotations';

/** Follows the store and lets a test wait for the state after its next write. */
function mirror(db: CrosscheckDatabase): { next(): Promise<{ snapshot: MirrorSnapshot<Followed>; changed: ReadonlySet<Followed> }>; stop: StoreMirror } {
  const waiting: Array<(value: { snapshot: MirrorSnapshot<Followed>; changed: ReadonlySet<Followed> }) => void> = [];
  const arrived: Array<{ snapshot: MirrorSnapshot<Followed>; changed: ReadonlySet<Followed> }> = [];
  const stop = followStore(db, {
    tables: ['documents', 'annotations'],
    onChange: (snapshot, changed) => {
      const resolve = waiting.shift();
      if (resolve) resolve({ snapshot, changed });
      else arrived.push({ snapshot, changed });
    },
    onError: (error) => {
      throw error;
    },
  });
  return {
    next: () => (arrived.length > 0 ? Promise.resolve(arrived.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    stop,
  };
}

describe('followStore: a copy of tables that re-reads only what changed', () => {
  let db: CrosscheckDatabase;
  let follower: ReturnType<typeof mirror> | null = null;
  beforeEach(async () => {
    db = await openFreshDatabase();
  });
  afterEach(async () => {
    follower?.stop.close();
    follower = null;
    await discardDatabase(db);
  });

  it('starts with what the store holds and follows tags, edits and deletions', async () => {
    const doc = await importText(db, 'The envoy arrived on Monday. Talks began at noon.');
    follower = mirror(db);
    const first = await follower.next();
    expect(first.snapshot.documents.map((d) => d.id)).toEqual([doc.id]);
    expect(first.snapshot.annotations).toEqual([]);

    const tagged = await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 28, author: 'Ana' });
    const afterTag = await follower.next();
    expect(afterTag.snapshot.annotations.map((a) => a.quote)).toEqual(['The envoy arrived on Monday.']);
    expect([...afterTag.changed]).toEqual(['annotations']);

    await updateAnnotation(db, tagged.id, { note: 'which Monday?' });
    expect((await follower.next()).snapshot.annotations[0]!.note).toBe('which Monday?');

    await deleteAnnotation(db, tagged.id);
    expect((await follower.next()).snapshot.annotations).toEqual([]);
  });

  it('reads a whole table again after a write Dexie describes only as a range', async () => {
    const doc = await importText(db, 'The envoy arrived on Monday. Talks began at noon.');
    await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 28, author: 'Ana' });
    follower = mirror(db);
    expect((await follower.next()).snapshot.annotations).toHaveLength(1);
    await db.annotations.clear();
    expect((await follower.next()).snapshot.annotations).toEqual([]);
  });

  it('applies writes made close together as one batch that ends in the latest state', async () => {
    const doc = await importText(db, 'The envoy arrived on Monday. Talks began at noon.');
    follower = mirror(db);
    await follower.next();
    const a = await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 28, author: 'Ana' });
    await tagSpan(db, { documentId: doc.id, kind: 'fact', start: 29, end: 49, author: 'Ana' });
    await updateAnnotation(db, a.id, { note: 'check' });
    let state = await follower.next();
    while (state.snapshot.annotations.length < 2 || !state.snapshot.annotations.some((x) => x.note === 'check')) state = await follower.next();
    expect(state.snapshot.annotations.map((x) => x.kind).sort()).toEqual(['claim', 'fact']);
  });
});
