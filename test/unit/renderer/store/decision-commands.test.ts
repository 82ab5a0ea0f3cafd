// Decisions on flags: recorded with the reviewer and the evidence fingerprint, replaced into the history,
// undone; and the name-variant rulings that go with confirming one. The engine runs over what the store
// holds afterwards, to check what a reviewer would see: the flag gone, or back after undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionHistoryId } from '../../../../shared/bundles/merge-plan';
import type { Contradiction } from '../../../../shared/detect/contradiction';
import { ContradictionEngine } from '../../../../shared/detect/contradiction-engine';
import { extractDocument } from '../../../../shared/extract/extract-document';
import { draftFromPlainText } from '../../../../shared/importers/source-document';
import type { Annotation, SourceDocument } from '../../../../shared/model';
import { evidenceHash } from '../../../../shared/review/evidence-hash';
import { DEFAULT_REVIEW_FILTERS, normaliseReviewFilters } from '../../../../shared/review/review-filters';
import { nameVariantSides } from '../../../../shared/review/name-variant-sides';
import { reviewStatus } from '../../../../shared/review/review-status';
import { CrosscheckDatabase } from '../../../../renderer/store/database';
import { discardDatabase, openFreshDatabase } from './fresh-database';
import { importDocument } from '../../../../renderer/store/document-commands';
import { tagSpan, updateAnnotation } from '../../../../renderer/store/annotation-commands';
import {
  confirmDifferentEntities,
  confirmSameEntity,
  decideContradiction,
  REVIEW_FILTERS_KEY,
  REVIEWER_NAME_KEY,
  saveReviewFilters,
  setReviewerName,
  undoDecision,
} from '../../../../renderer/store/decision-commands';

// A harbour strike told twice; the second report misspells the negotiator's name.
const strikeReport = 'Dock strike enters second week\n\nUnion negotiator Ilse Marquardt said 40 ships were waiting. Marquardt will meet the port authority on Friday.';
const translatedReport = 'Harbour talks stall\n\nThe union negotiator Ilse Markwart told reporters that 25 ships were waiting outside the port.';
const REVIEWER = 'Ines Calloway';
const MONDAY = new Date('2025-03-10T09:00:00.000Z');
const TUESDAY = new Date('2025-03-11T09:00:00.000Z');

let db: CrosscheckDatabase;
let strike: SourceDocument;
let translated: SourceDocument;

beforeEach(async () => {
  db = await openFreshDatabase();
  strike = await importDocument(db, await draftFromPlainText(strikeReport, 'strike.txt'));
  translated = await importDocument(db, await draftFromPlainText(translatedReport, 'translated.txt'));
});
afterEach(async () => {
  await discardDatabase(db);
});

async function tag(doc: SourceDocument, needle: string, kind: Annotation['kind']): Promise<Annotation> {
  const start = doc.text.indexOf(needle);
  if (start < 0) throw new Error(`${needle} is not in the fixture`);
  return tagSpan(db, { documentId: doc.id, kind, start, end: start + needle.length, author: REVIEWER, ...(kind === 'entity' ? { entityType: 'person' as const } : {}) });
}

/** The flags the engine reports over the store as it is, optionally with extraction's findings too. */
async function flags(options: { extraction?: boolean } = {}): Promise<Contradiction[]> {
  const documents = await db.documents.toArray();
  const engine = new ContradictionEngine({ now: new Date('2025-03-12') });
  engine.setNameDistinctions((await db.nameDistinctions.toArray()).map((d) => d.names));
  engine.load({
    documents,
    entities: await db.entities.toArray(),
    annotations: await db.annotations.toArray(),
    links: await db.links.toArray(),
    ...(options.extraction ? { extractions: documents.map((document) => extractDocument(document)) } : {}),
  });
  return engine.contradictions();
}

const nameVariantOf = (list: Contradiction[]) => list.find((c): c is Extract<Contradiction, { kind: 'name-variant' }> => c.kind === 'name-variant');

/** The status a reviewer sees for a flag, from the store as it is now. */
async function statusNow(flag: Contradiction) {
  const annotations = new Map((await db.annotations.toArray()).map((a) => [a.id, a]));
  return reviewStatus(await db.decisions.get(flag.id), evidenceHash(flag.evidence, (id) => annotations.get(id) ?? null));
}

async function taggedFigures(): Promise<Contradiction> {
  await tag(strike, '40 ships', 'quantity');
  await tag(translated, '25 ships', 'quantity');
  // Tagged figures need a value and a key to be compared; give them as the reader's tagging would.
  for (const annotation of await db.annotations.toArray()) {
    await db.annotations.update(annotation.id, { quantity: { value: Number.parseInt(annotation.quote, 10), key: 'ship|waiting' } });
  }
  const flag = (await flags()).find((c) => c.kind === 'quantity-mismatch');
  if (!flag) throw new Error('the fixture should raise a quantity mismatch');
  return flag;
}

describe('decideContradiction', () => {
  it('records the decision with reviewer, time, reason and the fingerprint of the evidence as stored', async () => {
    const flag = await taggedFigures();
    const receipt = await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'dismissed', reason: 'different scope', reviewer: `  ${REVIEWER} ` }, MONDAY);
    const stored = await db.decisions.get(flag.id);
    expect(stored).toEqual(receipt.decision);
    expect(stored).toMatchObject({ status: 'dismissed', reason: 'different scope', reviewer: REVIEWER, decidedAt: MONDAY.toISOString() });
    expect(await statusNow(flag)).toBe('dismissed');
  });

  it('shows a dismissed flag as changed when its evidence changes under the same id, and not after a note', async () => {
    const flag = await taggedFigures();
    await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'dismissed', reason: 'different scope', reviewer: REVIEWER }, MONDAY);
    const figure = (await db.annotations.toArray()).find((a) => a.quote === '25 ships')!;
    await updateAnnotation(db, figure.id, { note: 'Port authority count pending.' });
    expect(await statusNow(flag)).toBe('dismissed');

    await db.annotations.update(figure.id, { quantity: { ...figure.quantity!, asOf: '2025-03-01' } });
    const again = (await flags()).find((c) => c.kind === 'quantity-mismatch')!;
    expect(again.id).toBe(flag.id);
    expect(await statusNow(again)).toBe('changed');
  });

  it('moves the decision it replaces into the history, under the id bundles use', async () => {
    const flag = await taggedFigures();
    const first = await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'needs-follow-up', reviewer: REVIEWER }, MONDAY);
    const second = await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'confirmed', reviewer: 'Tom Renn' }, TUESDAY);
    expect(second.previous).toEqual(first.decision);
    expect((await db.decisions.get(flag.id))?.status).toBe('confirmed');
    const history = await db.decisionHistory.toArray();
    expect(history).toEqual([{ ...first.decision, id: decisionHistoryId(first.decision), supersededAt: TUESDAY.toISOString() }]);
  });

  it('refuses a decision without a reviewer name', async () => {
    const flag = await taggedFigures();
    await expect(decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'confirmed', reviewer: '  ' })).rejects.toThrow('reviewer');
    expect(await db.decisions.count()).toBe(0);
  });

  it('keeps the previous fingerprint when deciding again on a flag the engine no longer reports', async () => {
    await db.decisions.put({ contradictionId: 'claim-conflict:gone', status: 'dismissed', reviewer: REVIEWER, decidedAt: MONDAY.toISOString(), evidenceHash: 'evidence-v1:old' });
    const receipt = await decideContradiction(db, { contradictionId: 'claim-conflict:gone', status: 'confirmed', reviewer: REVIEWER }, TUESDAY);
    expect(receipt.decision.evidenceHash).toBe('evidence-v1:old');
  });
});

describe('undoDecision', () => {
  it('brings back the previous decision and takes it out of the history', async () => {
    const flag = await taggedFigures();
    const first = await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'needs-follow-up', reviewer: REVIEWER }, MONDAY);
    const second = await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'dismissed', reason: 'extraction error', reviewer: REVIEWER }, TUESDAY);
    expect(await undoDecision(db, second)).toBe(true);
    expect(await db.decisions.get(flag.id)).toEqual(first.decision);
    expect(await db.decisionHistory.count()).toBe(0);
    expect(await undoDecision(db, first)).toBe(true);
    expect(await db.decisions.get(flag.id)).toBeUndefined();
    expect(await statusNow(flag)).toBe('open');
  });

  it('changes nothing when the flag was decided again since', async () => {
    const flag = await taggedFigures();
    const mine = await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'confirmed', reviewer: REVIEWER }, MONDAY);
    await decideContradiction(db, { contradictionId: flag.id, evidence: flag.evidence, status: 'dismissed', reason: 'different scope', reviewer: 'Tom Renn' }, TUESDAY);
    expect(await undoDecision(db, mine)).toBe(false);
    expect((await db.decisions.get(flag.id))?.reviewer).toBe('Tom Renn');
  });
});

describe('confirming a name variant', () => {
  async function taggedNames() {
    const marquardt = await tag(strike, 'Ilse Marquardt', 'entity');
    const markwart = await tag(translated, 'Ilse Markwart', 'entity');
    const flag = nameVariantOf(await flags());
    if (!flag) throw new Error('the fixture should raise a name variant');
    return { flag, marquardt, markwart };
  }

  it('“Treat as the same entity” merges the variant’s entity into the usual one, and the flag is gone until undone', async () => {
    const { flag, marquardt, markwart } = await taggedNames();
    const sides = nameVariantSides(flag);
    const receipt = await confirmSameEntity(db, {
      decision: { contradictionId: flag.id, evidence: flag.evidence, reviewer: REVIEWER },
      variantName: sides.variant.name,
      variantEvidence: sides.variantEvidence,
      expectedName: sides.expected.name,
      expectedEvidence: sides.expectedEvidence,
      entityType: 'person',
    });
    const kept = (await db.annotations.get(sides.expectedEvidence[0]!.annotationId!))!.entityId!;
    const entities = await db.entities.toArray();
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ id: kept, name: sides.expected.name, misspellings: [sides.variant.name] });
    expect((await db.annotations.get(marquardt.id))?.entityId).toBe(kept);
    expect((await db.annotations.get(markwart.id))?.entityId).toBe(kept);
    expect((await db.decisions.get(flag.id))?.status).toBe('confirmed');
    expect((await db.decisions.get(flag.id))?.reason).toContain(`“${sides.variant.name}” recorded as a misspelling`);
    expect(nameVariantOf(await flags())).toBeUndefined();

    expect(await undoDecision(db, receipt)).toBe(true);
    expect((await db.entities.toArray()).map((e) => e.name).sort()).toEqual(['Ilse Markwart', 'Ilse Marquardt']);
    expect((await db.entities.toArray()).every((e) => !e.misspellings?.length)).toBe(true);
    expect((await db.annotations.get(marquardt.id))?.entityId).toBe(marquardt.entityId);
    expect((await db.annotations.get(markwart.id))?.entityId).toBe(markwart.entityId);
    expect(await db.decisions.get(flag.id)).toBeUndefined();
    expect(nameVariantOf(await flags())?.id).toBe(flag.id);
  });

  it('stores mentions only extraction found, records the misspelling, and undo removes them again', async () => {
    const flag = nameVariantOf(await flags({ extraction: true }));
    if (!flag) throw new Error('extraction should find the two spellings');
    expect(flag.evidence.every((e) => !e.annotationId)).toBe(true);
    const sides = nameVariantSides(flag);
    const receipt = await confirmSameEntity(db, {
      decision: { contradictionId: flag.id, evidence: flag.evidence, reviewer: REVIEWER },
      variantName: sides.variant.name,
      variantEvidence: sides.variantEvidence,
      expectedName: sides.expected.name,
      expectedEvidence: sides.expectedEvidence,
      entityType: 'person',
    });
    const [entity] = await db.entities.toArray();
    expect(entity).toMatchObject({ name: sides.expected.name, misspellings: [sides.variant.name] });
    const stored = await db.annotations.toArray();
    expect(stored.map((a) => a.quote).sort()).toEqual(flag.evidence.map((e) => e.quote).sort());
    expect(stored.every((a) => a.kind === 'entity' && a.entityId === entity!.id && a.origin === 'suggested')).toBe(true);
    expect(nameVariantOf(await flags({ extraction: true }))).toBeUndefined();

    await undoDecision(db, receipt);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.entities.count()).toBe(0);
    expect(nameVariantOf(await flags({ extraction: true }))?.id).toBe(flag.id);
  });

  it('“Different entities” rules the names apart and dismisses the flag as not the same entity; undo takes the ruling back', async () => {
    const { flag } = await taggedNames();
    const sides = nameVariantSides(flag);
    const receipt = await confirmDifferentEntities(db, { decision: { contradictionId: flag.id, evidence: flag.evidence, reviewer: REVIEWER }, names: [sides.variant.name, sides.expected.name] });
    expect(await db.decisions.get(flag.id)).toMatchObject({ status: 'dismissed', reason: 'not the same entity', reviewer: REVIEWER });
    expect((await db.nameDistinctions.toArray()).map((d) => d.reviewer)).toEqual([REVIEWER]);
    expect(nameVariantOf(await flags())).toBeUndefined();

    await undoDecision(db, receipt);
    expect(await db.nameDistinctions.count()).toBe(0);
    expect(nameVariantOf(await flags())?.id).toBe(flag.id);
  });
});

describe('review settings', () => {
  it('keeps the reviewer’s name, tidied, and refuses an empty one', async () => {
    expect(await setReviewerName(db, '  Ines   Calloway ')).toBe(REVIEWER);
    expect((await db.settings.get(REVIEWER_NAME_KEY))?.value).toBe(REVIEWER);
    await expect(setReviewerName(db, ' ')).rejects.toThrow();
    expect((await db.settings.get(REVIEWER_NAME_KEY))?.value).toBe(REVIEWER);
  });

  it('keeps the queue’s filters so that they come back after a restart', async () => {
    const filters = { ...DEFAULT_REVIEW_FILTERS, kind: 'name-variant' as const, statuses: ['open' as const, 'dismissed' as const], text: 'markwart', sort: 'newest' as const };
    await saveReviewFilters(db, filters);
    db.close();
    const reopened = new CrosscheckDatabase(db.name);
    expect(normaliseReviewFilters((await reopened.settings.get(REVIEW_FILTERS_KEY))?.value)).toEqual(filters);
    reopened.close();
    await db.open();
  });
});
