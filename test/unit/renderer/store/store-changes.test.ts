import Dexie, { type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedKeys } from '../../../../renderer/store/store-changes';
import { deleteAnnotation, tagSpan, updateAnnotation } from '../../../../renderer/store/annotation-commands';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { discardDatabase, importText, openFreshDatabase } from './fresh-database';

/** Runs `write` and returns what Dexie reported as changed by it. */
async function changesOf(write: () => Promise<unknown>): Promise<ObservabilitySet> {
  const seen: ObservabilitySet[] = [];
  const listener = (parts: ObservabilitySet): void => void seen.push(parts);
  Dexie.on('storagemutated', listener);
  try {
    await write();
  } finally {
    Dexie.on.storagemutated.unsubscribe(listener);
  }
  return seen.reduce<ObservabilitySet>((all, parts) => ({ ...all, ...parts }), {});
}

describe('changedKeys: what a write changed, from Dexie’s storagemutated event', () => {
  let db: CrosscheckDatabase;
  beforeEach(async () => {
    db = await openFreshDatabase();
  });
  afterEach(async () => {
    await discardDatabase(db);
  });

  it('names the tagged annotation and its document, and nothing in untouched tables', async () => {
    const doc = await importText(db, 'The envoy arrived on Monday. Talks began at noon.');
    let id = '';
    const parts = await changesOf(async () => {
      id = (await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 28, author: 'Ana' })).id;
    });
    expect(changedKeys(parts, db.name, 'annotations')).toEqual(new Set([id]));
    expect(changedKeys(parts, db.name, 'annotations', 'documentId')).toEqual(new Set([doc.id]));
    expect(changedKeys(parts, db.name, 'links')).toBeNull();
    expect(changedKeys(parts, 'another-database', 'annotations')).toBeNull();
  });

  it('names an updated and a deleted annotation', async () => {
    const doc = await importText(db, 'The envoy arrived on Monday. Talks began at noon.');
    const first = await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 28, author: 'Ana' });
    const second = await tagSpan(db, { documentId: doc.id, kind: 'fact', start: 29, end: 49, author: 'Ana' });
    const updated = await changesOf(() => updateAnnotation(db, first.id, { note: 'check the date' }));
    expect(changedKeys(updated, db.name, 'annotations')).toEqual(new Set([first.id]));
    const deleted = await changesOf(() => deleteAnnotation(db, second.id));
    const keys = changedKeys(deleted, db.name, 'annotations');
    expect(keys).not.toBeNull();
    expect(keys === 'all' || keys!.has(second.id)).toBe(true);
    expect(keys === 'all' || !keys!.has(first.id)).toBe(true);
  });

  it('says "all" when only a range is known, so readers fall back to reading the table', async () => {
    const doc = await importText(db, 'The envoy arrived on Monday.');
    await tagSpan(db, { documentId: doc.id, kind: 'claim', start: 0, end: 28, author: 'Ana' });
    const cleared = await changesOf(() => db.annotations.clear());
    expect(changedKeys(cleared, db.name, 'annotations')).toBe('all');
    expect(changedKeys(cleared, db.name, 'annotations', 'documentId')).toBe('all');
  });

  it('reads trees that lost their prototype crossing a BroadcastChannel', () => {
    const plain = JSON.parse(
      JSON.stringify({
        'idb://library/annotations/': { from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null },
        'idb://library/annotations/:dels': { d: 0 },
      }),
    ) as ObservabilitySet;
    expect(changedKeys(plain, 'library', 'annotations')).toEqual(new Set(['a', 'b']));
    expect(changedKeys(plain, 'library', 'annotations', 'documentId')).toBe('all');
  });
});
