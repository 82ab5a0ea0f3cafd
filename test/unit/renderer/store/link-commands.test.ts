import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, SourceDocument } from '../../../../shared/model';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { discardDatabase, openFreshDatabase, importText } from './fresh-database';
import { deleteAnnotation, tagSpan } from '../../../../renderer/store/annotation-commands';
import { createLink, deleteLink } from '../../../../renderer/store/link-commands';

let db: CrosscheckDatabase;

beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(async () => {
  await discardDatabase(db);
});


async function tagClaim(doc: SourceDocument, needle: string): Promise<Annotation> {
  const start = doc.text.indexOf(needle);
  return tagSpan(db, { documentId: doc.id, kind: 'claim', start, end: start + needle.length, author: 'tester' });
}

/** The same talks, resumed in one report and collapsed in the other. */
async function twoReports() {
  const first = await importText(db, 'Talks resume\n\nThe envoy said the talks had resumed on Tuesday.');
  const second = await importText(db, 'Talks collapse\n\nThe envoy said the talks have collapsed for good.');
  return { resumed: await tagClaim(first, 'the talks had resumed'), collapsed: await tagClaim(second, 'the talks have collapsed') };
}

describe('createLink', () => {
  it('links annotations in two documents, with relation, trimmed note, author and time', async () => {
    const { resumed, collapsed } = await twoReports();
    const link = await createLink(
      db,
      { fromId: collapsed.id, toId: resumed.id, relation: 'contradicts', note: '  Same day, opposite outcome. ', author: 'tester' },
      new Date('2025-03-07T09:00:00Z'),
    );
    expect(await db.links.get(link.id)).toEqual({
      id: link.id,
      fromId: collapsed.id,
      toId: resumed.id,
      relation: 'contradicts',
      note: 'Same day, opposite outcome.',
      author: 'tester',
      createdAt: '2025-03-07T09:00:00.000Z',
    });
  });

  it('stores no note when the note is blank', async () => {
    const { resumed, collapsed } = await twoReports();
    const link = await createLink(db, { fromId: collapsed.id, toId: resumed.id, relation: 'supports', note: '   ', author: 'tester' });
    expect(await db.links.get(link.id)).not.toHaveProperty('note');
  });

  it('refuses to link an annotation to itself', async () => {
    const { resumed } = await twoReports();
    await expect(createLink(db, { fromId: resumed.id, toId: resumed.id, relation: 'supports', author: 't' })).rejects.toThrow(
      'An annotation cannot be linked to itself.',
    );
    expect(await db.links.count()).toBe(0);
  });

  it('refuses a link to an annotation that was deleted', async () => {
    const { resumed, collapsed } = await twoReports();
    await deleteAnnotation(db, resumed.id);
    await expect(createLink(db, { fromId: collapsed.id, toId: resumed.id, relation: 'contradicts', author: 't' })).rejects.toThrow(
      /deleted meanwhile/,
    );
    expect(await db.links.count()).toBe(0);
  });

  it('refuses the same relation twice between one pair, also drawn the other way for contradicts', async () => {
    const { resumed, collapsed } = await twoReports();
    await createLink(db, { fromId: collapsed.id, toId: resumed.id, relation: 'contradicts', author: 't' });
    await expect(createLink(db, { fromId: collapsed.id, toId: resumed.id, relation: 'contradicts', author: 't' })).rejects.toThrow(
      '“the talks have collapsed” already contradicts “the talks had resumed”.',
    );
    await expect(createLink(db, { fromId: resumed.id, toId: collapsed.id, relation: 'contradicts', author: 't' })).rejects.toThrow(
      /already contradicts/,
    );
    expect(await db.links.count()).toBe(1);
  });

  it('allows a different relation between the same pair, and support drawn back the other way', async () => {
    const { resumed, collapsed } = await twoReports();
    await createLink(db, { fromId: collapsed.id, toId: resumed.id, relation: 'refers-to', author: 't' });
    await createLink(db, { fromId: collapsed.id, toId: resumed.id, relation: 'supports', author: 't' });
    await createLink(db, { fromId: resumed.id, toId: collapsed.id, relation: 'supports', author: 't' });
    expect((await db.links.toArray()).map((link) => link.relation).sort()).toEqual(['refers-to', 'supports', 'supports']);
  });
});

describe('deleteLink', () => {
  it('removes the link, returns it for undo, and leaves both annotations', async () => {
    const { resumed, collapsed } = await twoReports();
    const link = await createLink(db, { fromId: collapsed.id, toId: resumed.id, relation: 'contradicts', author: 't' });
    expect(await deleteLink(db, link.id)).toEqual(link);
    expect(await db.links.count()).toBe(0);
    expect(await db.annotations.count()).toBe(2);
    expect(await deleteLink(db, link.id)).toBeUndefined();
  });
});
