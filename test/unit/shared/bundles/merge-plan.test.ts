import { beforeAll, describe, expect, it } from 'vitest';
import { emptyContents, type BundleContents } from '../../../../shared/bundles/bundle-format';
import { describeMergeReport } from '../../../../shared/bundles/bundle-report';
import { applyMergePlan, decisionHistoryId, planBundleMerge } from '../../../../shared/bundles/merge-plan';
import { draftFromPlainText } from '../../../../shared/importers/source-document';
import type { Annotation } from '../../../../shared/model';
import { ferryStrikeLibrary, IDS, WIRE_TEXT } from '../../../fixtures/bundles/ferry-strike';

let library: BundleContents;
beforeAll(async () => {
  library = await ferryStrikeLibrary();
});

function annotation(contents: BundleContents, id: string): Annotation {
  return contents.annotations.find((item) => item.id === id)!;
}

describe('planBundleMerge into an empty library', () => {
  it('adds everything and names what it added', () => {
    const { writes, report } = planBundleMerge(emptyContents(), library);
    expect(writes.annotations).toHaveLength(8);
    expect(report.byType.documents.added.map((record) => record.name)).toContain('“Ferry crews walk out at Port Veyra”');
    expect(report.byType.entities.added.map((record) => record.name)).toContain('Mara Lindqvist (person)');
    expect(report.byType.annotations.added.map((record) => record.name)).toContain('claim “The talks have collapsed” in “Ferry crews walk out at Port Veyra”');
    expect(report.changed).toBe(true);
  });

  it('changes nothing the second time: everything is skipped', () => {
    const once = applyMergePlan(emptyContents(), planBundleMerge(emptyContents(), library).writes);
    const { writes, report } = planBundleMerge(once, library);
    expect(report.changed).toBe(false);
    for (const type of Object.keys(report.byType) as Array<keyof typeof report.byType>) {
      expect(writes[type], type).toEqual([]);
      expect(report.byType[type].added, type).toEqual([]);
      expect(report.byType[type].updated, type).toEqual([]);
      expect(report.byType[type].conflicts, type).toEqual([]);
      expect(report.byType[type].skipped.length, type).toBe(library[type].length);
    }
    expect(describeMergeReport(report)).toMatch(/Nothing changed/);
  });
});

describe('planBundleMerge: documents match by text', () => {
  it('maps a bundle document whose text the library has under another id onto it, re-pointing its annotations', async () => {
    const local = { ...(await draftFromPlainText(WIRE_TEXT, 'wire.txt')), id: 'my-copy-of-the-wire', importedAt: '2025-03-05T07:00:00.000Z', title: 'Wire: 28 ferries' };
    const existing = { ...emptyContents(), documents: [local] };
    const { writes, report } = planBundleMerge(existing, library);
    expect(writes.documents.map((document) => document.id)).not.toContain(IDS.wire);
    expect(report.matchedDocuments).toEqual([{ bundleId: IDS.wire, libraryId: 'my-copy-of-the-wire', name: '“Wire: 28 ferries”' }]);
    const wireFerries = writes.annotations.find((item) => item.id === IDS.wireFerries)!;
    expect(wireFerries.documentId).toBe('my-copy-of-the-wire');
    expect(report.byType.documents.conflicts[0]).toMatchObject({ problem: "same text, but the bundle's title, outlet and publishedAt differ", kept: 'library' });
  });

  it('keeps both texts when the library uses the bundle document’s id for another text', async () => {
    const other = { ...(await draftFromPlainText('Harbour master retires\n\nAfter 31 years.', 'other.txt')), id: IDS.gazette, importedAt: '2025-01-01T00:00:00.000Z' };
    const { writes, report } = planBundleMerge({ ...emptyContents(), documents: [other] }, library);
    const moved = writes.documents.find((document) => document.title.startsWith('Islanders'))!;
    expect(moved.id).toMatch(/^doc-gazette~[0-9a-f]{12}$/);
    expect(annotation(writes, IDS.gazetteUnionFerries).documentId).toBe(moved.id);
    expect(report.byType.documents.conflicts[0]).toMatchObject({ kept: 'both', resolution: expect.stringContaining(moved.id) });
    // Merging again finds the text under its new id and adds nothing.
    const after = applyMergePlan({ ...emptyContents(), documents: [other] }, writes);
    expect(planBundleMerge(after, library).report.changed).toBe(false);
  });

  // Found by fuzzing (test/unit/fuzz/merge-plan.test.ts): the id given to a clashing document was used even
  // when a document already had it, and the merge replaced that document, text and all.
  it('gives a clashing document an id that no other document has, in the library or the bundle', async () => {
    const document = async (id: string, text: string) => ({ ...(await draftFromPlainText(text, `${id}.txt`)), id, importedAt: '2025-03-06T08:00:00.000Z' });
    const forty = await document('b', 'Forty ferries sat idle.');
    const derived = `b~${forty.sha256.slice(0, 12)}`;
    const local = { ...emptyContents(), documents: [await document('b', 'Strike enters day two.'), await document(derived, 'Only 28 ferries were idle.')] };
    const fromLibrary = planBundleMerge(local, { ...emptyContents(), documents: [forty] }).writes;
    expect(fromLibrary.documents.map((added) => added.id)).toEqual([`${derived}-2`]);
    const merged = applyMergePlan(local, fromLibrary);
    expect(merged.documents.map((kept) => kept.text).sort()).toEqual(['Forty ferries sat idle.', 'Only 28 ferries were idle.', 'Strike enters day two.']);

    const inBundle = { ...emptyContents(), documents: [forty, await document(derived, 'Talks have collapsed.')] };
    const fromBundle = planBundleMerge({ ...emptyContents(), documents: [local.documents[0]!] }, inBundle).writes;
    expect(fromBundle.documents.map((added) => added.id).sort()).toEqual([derived, `${derived}-2`]);
  });
});

describe('planBundleMerge: records with the same id and different content', () => {
  it('keeps the newer annotation and reports the conflict either way', () => {
    const mine = structuredClone(library);
    annotation(mine, IDS.talksCollapsed).status = 'disputed';
    annotation(mine, IDS.talksCollapsed).updatedAt = '2025-03-08T00:00:00.000Z';
    const newer = planBundleMerge(mine, library);
    expect(newer.writes.annotations).toEqual([]);
    expect(newer.report.byType.annotations.conflicts).toEqual([
      expect.objectContaining({ id: IDS.talksCollapsed, kept: 'library', problem: expect.stringMatching(/^changed in both places: status differs/) }),
    ]);

    annotation(mine, IDS.talksCollapsed).updatedAt = '2025-03-01T00:00:00.000Z';
    const older = planBundleMerge(mine, library);
    expect(older.writes.annotations).toEqual([annotation(library, IDS.talksCollapsed)]);
    expect(older.report.byType.annotations.updated.map((record) => record.id)).toEqual([IDS.talksCollapsed]);
    expect(older.report.byType.annotations.conflicts[0]!.kept).toBe('bundle');
  });

  it('unites entity aliases, keeps the local name and reports the different name', () => {
    const mine = structuredClone(library);
    mine.entities[0] = { ...mine.entities[0]!, name: 'Mara Lindquist', aliases: ['Lindqvist'] };
    const { writes, report } = planBundleMerge(mine, library);
    expect(writes.entities).toEqual([{ id: IDS.lindqvist, name: 'Mara Lindquist', type: 'person', aliases: ['Lindqvist', 'M. Lindqvist'] }]);
    expect(report.byType.entities.conflicts[0]).toMatchObject({ name: 'Mara Lindquist (person)', problem: 'the bundle calls it Mara Lindqvist (person)', kept: 'library' });
  });

  it('keeps the local link and reports a different one', () => {
    const mine = structuredClone(library);
    mine.links[0] = { ...mine.links[0]!, relation: 'supports' };
    const { writes, report } = planBundleMerge(mine, library);
    expect(writes.links).toEqual([]);
    expect(report.byType.links.conflicts[0]).toMatchObject({ id: IDS.contradictsLink, kept: 'library', problem: expect.stringMatching(/relation differs/) });
  });
});

describe('planBundleMerge: decisions', () => {
  const incoming = (): BundleContents => ({
    ...emptyContents(),
    decisions: [{ contradictionId: IDS.ferryCount, status: 'dismissed', reason: 'Different days after all.', reviewer: 'Tom', decidedAt: '2025-03-07T08:00:00.000Z', evidenceHash: 'ev-ferries-1' }],
  });

  it('keeps the newest decision per contradiction and files the other in the history under a derived id', () => {
    const { writes, report } = planBundleMerge(library, incoming());
    expect(writes.decisions).toEqual(incoming().decisions);
    const superseded = library.decisions[0]!;
    expect(writes.decisionHistory).toEqual([{ ...superseded, id: decisionHistoryId(superseded), supersededAt: '2025-03-07T08:00:00.000Z' }]);
    expect(report.byType.decisions.conflicts[0]!.problem).toMatch(/confirmed by Ines .* in the library, .*dismissed by Tom .* in the bundle/);
    const merged = applyMergePlan(library, writes);
    expect(planBundleMerge(merged, incoming()).report.changed).toBe(false);
  });

  it('files an older incoming decision in the history without replacing the current one', () => {
    const older = incoming();
    older.decisions[0]!.decidedAt = '2025-03-06T07:00:00.000Z';
    const { writes } = planBundleMerge(library, older);
    expect(writes.decisions).toEqual([]);
    expect(writes.decisionHistory.map((entry) => entry.id)).toEqual([decisionHistoryId(older.decisions[0]!)]);
    expect(writes.decisionHistory[0]!.supersededAt).toBe(library.decisions[0]!.decidedAt);
  });

  it('derives the same history id on every machine, and different ids for different decisions', () => {
    const decision = library.decisions[0]!;
    expect(decisionHistoryId(decision)).toBe(decisionHistoryId({ ...decision }));
    expect(decisionHistoryId(decision)).not.toBe(decisionHistoryId({ ...decision, reviewer: 'Tom' }));
    expect(decisionHistoryId({ contradictionId: 'a:b', reviewer: 'c', decidedAt: 't' })).not.toBe(decisionHistoryId({ contradictionId: 'a', reviewer: 'b:c', decidedAt: 't' }));
  });

  // Found by fuzzing (test/unit/fuzz/bundle-import.test.ts): a bundle may carry a reviewer name with a lone
  // surrogate, and superseding that decision threw encodeURIComponent's "URI malformed" out of the import.
  it('supersedes a decision whose reviewer holds a lone surrogate, with an id of its own', () => {
    const odd = { ...incoming().decisions[0]!, reviewer: '\ud800', decidedAt: '2025-03-06T07:00:00.000Z' };
    const { writes } = planBundleMerge(library, { ...emptyContents(), decisions: [odd] });
    expect(writes.decisionHistory.map((entry) => entry.id)).toEqual(['decision:quantity-mismatch%3Aferries0001:%uD800:2025-03-06T07%3A00%3A00.000Z']);
    expect(decisionHistoryId({ ...odd, reviewer: '\udfff' })).not.toBe(decisionHistoryId(odd));
    expect(decisionHistoryId({ ...odd, reviewer: 'Tom' })).toBe('decision:quantity-mismatch%3Aferries0001:Tom:2025-03-06T07%3A00%3A00.000Z');
  });
});
