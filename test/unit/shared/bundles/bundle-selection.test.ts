import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleContents } from '../../../../shared/bundles/bundle-format';
import { selectBundleContents } from '../../../../shared/bundles/bundle-selection';
import { readBundle } from '../../../../shared/bundles/read-bundle';
import { writeBundle } from '../../../../shared/bundles/write-bundle';
import { ferryStrikeContradictions, ferryStrikeLibrary, IDS } from '../../../fixtures/bundles/ferry-strike';

let library: BundleContents;
beforeAll(async () => {
  library = await ferryStrikeLibrary();
});

const ids = (records: ReadonlyArray<{ id: string }>): string[] => records.map((record) => record.id).sort();

describe('selectBundleContents', () => {
  it('takes the whole library', () => {
    expect(selectBundleContents(library, { kind: 'library' })).toEqual(library);
  });

  it('takes chosen documents with exactly their annotations, the entities these use and the links inside them', () => {
    const chosen = selectBundleContents(library, { kind: 'documents', documentIds: [IDS.ledger, IDS.gazette] });
    expect(ids(chosen.documents)).toEqual([IDS.gazette, IDS.ledger].sort());
    expect(chosen.annotations.every((annotation) => annotation.documentId !== IDS.wire)).toBe(true);
    expect(chosen.annotations).toHaveLength(5);
    // The company speaks in the ledger (a deal was close), Lindqvist is tagged there.
    expect(ids(chosen.entities)).toEqual([IDS.company, IDS.lindqvist].sort());
    // The contradicts link reaches into the wire story: left out. The same-as link stays inside.
    expect(ids(chosen.links)).toEqual([IDS.sameAsLink]);
    expect(chosen.decisions).toEqual([]);
  });

  it('takes the decisions of contradictions whose evidence lies wholly in the chosen documents', () => {
    const contradictions = ferryStrikeContradictions(library);
    const all = selectBundleContents(library, { kind: 'documents', documentIds: [IDS.ledger, IDS.wire, IDS.gazette], contradictions });
    expect(all.decisions.map((decision) => decision.contradictionId)).toEqual([IDS.ferryCount]);
    expect(all.decisionHistory).toHaveLength(1);
    const some = selectBundleContents(library, { kind: 'documents', documentIds: [IDS.ledger, IDS.wire], contradictions });
    expect(some.decisions).toEqual([]);
  });

  it('takes contradiction evidence: the annotations named, their documents, and documents named without an annotation', () => {
    const evidence = selectBundleContents(library, {
      kind: 'evidence',
      annotationIds: [IDS.ledgerFerries, IDS.wireFerries],
      documentIds: [IDS.gazette],
      contradictionIds: [IDS.ferryCount],
    });
    expect(ids(evidence.annotations)).toEqual([IDS.ledgerFerries, IDS.wireFerries].sort());
    expect(ids(evidence.documents)).toEqual([IDS.gazette, IDS.ledger, IDS.wire].sort());
    expect(ids(evidence.links)).toEqual([IDS.contradictsLink]);
    expect(evidence.entities).toEqual([]);
    expect(evidence.decisions.map((decision) => decision.contradictionId)).toEqual([IDS.ferryCount]);
  });

  it('always makes a bundle that reads back', async () => {
    for (const selection of [
      { kind: 'documents', documentIds: [IDS.wire] } as const,
      { kind: 'evidence', annotationIds: [IDS.talksCollapsed], documentIds: [] } as const,
    ]) {
      const contents = selectBundleContents(library, selection);
      const { contents: read } = await readBundle(await writeBundle(contents, { appVersion: '0.1.0', createdBy: 'Ines' }));
      expect(read.annotations.length).toBe(contents.annotations.length);
    }
  });
});
