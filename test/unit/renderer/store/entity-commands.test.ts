import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, SourceDocument } from '../../../../shared/model';
import type { CrosscheckDatabase } from '../../../../renderer/store/database';
import { discardDatabase, openFreshDatabase, importText } from './fresh-database';
import { tagSpan, updateAnnotation } from '../../../../renderer/store/annotation-commands';
import {
  declareDistinctNames,
  mergeEntities,
  renameEntity,
  setEntityKind,
  splitAlias,
  withdrawNameDistinction,
} from '../../../../renderer/store/entity-commands';

// Two reports of one envoy, the second spelling his name wrong.
const firstReport = 'Talks resume at the quarry\n\nEnvoy Mara Ostrova said the talks had resumed. Ostrova will stay.';
const secondReport = 'Quarry talks collapse\n\nEnvoy Mara Ostrowa said the talks have collapsed. Mara Ostrowa left early.';

let db: CrosscheckDatabase;

beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(async () => {
  await discardDatabase(db);
});


async function tag(doc: SourceDocument, needle: string, kind: Annotation['kind'] = 'entity', occurrence = 0): Promise<Annotation> {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = doc.text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`${needle} is not in the fixture`);
  return tagSpan(db, { documentId: doc.id, kind, start, end: start + needle.length, author: 'tester' });
}

/** One article spelling the envoy right, one spelling her wrong twice and quoting her in a claim. */
async function envoyUnderTwoSpellings() {
  const first = await importText(db, firstReport);
  const second = await importText(db, secondReport);
  const right = await tag(first, 'Mara Ostrova');
  const wrong = await tag(second, 'Mara Ostrowa');
  const wrongAgain = await tag(second, 'Mara Ostrowa', 'entity', 1);
  const claim = await tag(second, 'the talks have collapsed', 'claim');
  await updateAnnotation(db, claim.id, { speakerName: 'Mara Ostrowa' });
  return { first, second, right, wrong, wrongAgain, claim, keptId: right.entityId!, mergedId: wrong.entityId! };
}

describe('mergeEntities', () => {
  it('re-points mentions and speakers to the kept entity, joins the names and deletes the merged one', async () => {
    const { right, wrong, wrongAgain, claim, keptId, mergedId } = await envoyUnderTwoSpellings();
    expect(keptId).not.toBe(mergedId);
    expect((await db.annotations.get(claim.id))?.speaker).toBe(mergedId);

    const kept = await mergeEntities(db, keptId, mergedId, { now: new Date('2025-03-08T12:00:00Z') });

    expect(kept).toMatchObject({ id: keptId, name: 'Mara Ostrova', aliases: ['Mara Ostrowa'] });
    expect(kept.misspellings).toBeUndefined();
    expect(await db.entities.get(mergedId)).toBeUndefined();
    const mentions = await db.annotations.where('entityId').equals(keptId).primaryKeys();
    expect(mentions.sort()).toEqual([right.id, wrong.id, wrongAgain.id].sort());
    expect((await db.annotations.get(claim.id))?.speaker).toBe(keptId);
    // Re-pointed annotations count as changed, so the contradiction engine re-reads them.
    expect((await db.annotations.bulkGet([wrong.id, wrongAgain.id, claim.id])).map((a) => a?.updatedAt)).toEqual(
      Array(3).fill('2025-03-08T12:00:00.000Z'),
    );
    expect((await db.annotations.get(right.id))?.updatedAt).toBe(right.updatedAt);
  });

  it('records the merged name as a misspelling when asked, and keeps misspellings either side already had', async () => {
    const { keptId, mergedId } = await envoyUnderTwoSpellings();
    // A second spelling error that someone already recorded on the merged entity.
    await db.entities.update(mergedId, { aliases: ['M. Ostrova'], misspellings: ['M. Ostrova'] });

    const kept = await mergeEntities(db, keptId, mergedId, { misspellings: ['Mara Ostrowa', 'Someone Else'] });

    expect(kept.aliases).toEqual(['Mara Ostrowa', 'M. Ostrova']);
    // Only names the entity carries can be misspellings of it.
    expect(kept.misspellings).toEqual(['M. Ostrova', 'Mara Ostrowa']);
    expect(await db.entities.get(keptId)).toEqual(kept);
  });

  it('refuses to merge an entity into itself and changes nothing', async () => {
    const { keptId } = await envoyUnderTwoSpellings();
    const before = await db.entities.toArray();
    await expect(mergeEntities(db, keptId, keptId)).rejects.toThrow('An entity cannot be merged into itself.');
    expect(await db.entities.toArray()).toEqual(before);
  });

  it('refuses when one side is gone, and leaves every mention where it was', async () => {
    const { wrong, keptId } = await envoyUnderTwoSpellings();
    await expect(mergeEntities(db, keptId, 'no-such-entity')).rejects.toThrow(/deleted meanwhile/);
    expect((await db.annotations.get(wrong.id))?.entityId).toBe(wrong.entityId);
  });

  it('withdraws an earlier ruling that the two names are different people', async () => {
    const { keptId, mergedId } = await envoyUnderTwoSpellings();
    await declareDistinctNames(db, 'Mara Ostrova', 'Mara Ostrowa', 'tester');
    await declareDistinctNames(db, 'Mara Ostrova', 'Mara Ostrovsky', 'tester');
    await mergeEntities(db, keptId, mergedId);
    expect((await db.nameDistinctions.toArray()).map((ruling) => ruling.names)).toEqual([['Mara Ostrova', 'Mara Ostrovsky']]);
  });
});

describe('splitAlias', () => {
  it('gives the alias an entity of its own, taking exactly the mentions written that way', async () => {
    const { right, wrong, wrongAgain, keptId, mergedId } = await envoyUnderTwoSpellings();
    await mergeEntities(db, keptId, mergedId, { misspellings: ['Mara Ostrowa'] });

    const created = await splitAlias(db, keptId, 'mara ostrowa', new Date('2025-03-09T08:00:00Z'));

    expect(created).toMatchObject({ name: 'Mara Ostrowa', type: 'person', aliases: [] });
    const kept = await db.entities.get(keptId);
    expect(kept?.aliases).toEqual([]);
    expect(kept?.misspellings ?? []).toEqual([]);
    expect((await db.annotations.get(right.id))?.entityId).toBe(keptId);
    expect((await db.annotations.get(wrong.id))?.entityId).toBe(created.id);
    expect((await db.annotations.get(wrongAgain.id))?.entityId).toBe(created.id);
    expect((await db.annotations.get(wrong.id))?.updatedAt).toBe('2025-03-09T08:00:00.000Z');
  });

  it('refuses a name that is not an alias of the entity', async () => {
    const { keptId } = await envoyUnderTwoSpellings();
    await expect(splitAlias(db, keptId, 'Mara Ostrova')).rejects.toThrow('“Mara Ostrova” is not an alias of Mara Ostrova.');
    expect(await db.entities.count()).toBe(2);
  });
});

describe('renameEntity', () => {
  it('keeps the old name as an alias so mentions written that way still belong to the entity', async () => {
    const { keptId } = await envoyUnderTwoSpellings();
    await renameEntity(db, keptId, '  Mara   Ostrova-Lind ');
    expect(await db.entities.get(keptId)).toMatchObject({ name: 'Mara Ostrova-Lind', aliases: ['Mara Ostrova'] });
    // Tagging the old spelling again finds the renamed entity instead of creating a new one.
    const first = (await db.documents.toArray()).find((d) => d.title === 'Talks resume at the quarry')!;
    expect((await tag(first, 'Mara Ostrova')).entityId).toBe(keptId);
  });

  it('promoting an alias to the name takes it out of the aliases and the misspellings', async () => {
    const { keptId, mergedId } = await envoyUnderTwoSpellings();
    await mergeEntities(db, keptId, mergedId, { misspellings: ['Mara Ostrowa'] });
    await renameEntity(db, keptId, 'Mara Ostrowa');
    const renamed = await db.entities.get(keptId);
    expect(renamed).toMatchObject({ name: 'Mara Ostrowa', aliases: ['Mara Ostrova'] });
    expect(renamed?.misspellings).toBeUndefined();
  });

  it('refuses an empty name', async () => {
    const { keptId } = await envoyUnderTwoSpellings();
    await expect(renameEntity(db, keptId, '   ')).rejects.toThrow('An entity needs a name.');
    expect((await db.entities.get(keptId))?.name).toBe('Mara Ostrova');
  });
});

describe('setEntityKind', () => {
  it('changes the type', async () => {
    const { keptId } = await envoyUnderTwoSpellings();
    await setEntityKind(db, keptId, 'organization');
    expect((await db.entities.get(keptId))?.type).toBe('organization');
  });
});

describe('name rulings', () => {
  it('stores one ruling per pair of names, whichever order they come in, and withdraws it', async () => {
    const ruling = await declareDistinctNames(db, 'Mara Ostrowa', 'Mara Ostrova', 'tester', new Date('2025-03-07T10:00:00Z'));
    const again = await declareDistinctNames(db, 'mara ostrova', 'Mara Ostrowa', 'tester');
    expect(again.id).toBe(ruling.id);
    expect(await db.nameDistinctions.count()).toBe(1);
    expect(ruling).toMatchObject({ names: ['Mara Ostrova', 'Mara Ostrowa'], reviewer: 'tester', decidedAt: '2025-03-07T10:00:00.000Z' });
    await withdrawNameDistinction(db, ruling.id);
    expect(await db.nameDistinctions.count()).toBe(0);
  });

  it('refuses to rule a name different from itself', async () => {
    await expect(declareDistinctNames(db, 'Mara Ostrova', ' mara  ostrova', 'tester')).rejects.toThrow(/itself/);
  });
});
