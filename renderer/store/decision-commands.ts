/**
 * The reviewer's records: decisions on flags (confirm, dismiss with a reason, needs follow-up), their undo,
 * the name-variant rulings that go with a confirmation (treat as one entity / different entities), and the
 * review settings (reviewer name, queue filters). Each command runs one transaction. A decision keeps the
 * fingerprint of the evidence it was made on (shared/review/evidence-hash.ts); a replaced decision moves to
 * the decision history under the id bundles use.
 */
import { describeTextQuote } from '../../shared/anchoring/text-anchor';
import { decisionHistoryId } from '../../shared/bundles/merge-plan';
import type { Evidence } from '../../shared/detect/contradiction';
import { suggestionId } from '../../shared/extract/suggest-annotations';
import type { Annotation, Decision, DecisionStatus, Entity, NameDistinction } from '../../shared/model';
import { evidenceHash } from '../../shared/review/evidence-hash';
import type { ReviewFilters } from '../../shared/review/review-filters';
import { nameKey, namePairId } from '../../shared/text/name-key';
import { findOrCreateEntity } from './annotation-commands';
import type { CrosscheckDatabase } from './database';
import { declareDistinctNames, mergeEntities } from './entity-commands';

export const REVIEWER_NAME_KEY = 'reviewerName';
export const REVIEW_FILTERS_KEY = 'review.filters';

export interface DecisionRequest {
  contradictionId: string;
  /**
   * The flag's evidence as the engine reports it now; its fingerprint is taken from the store inside the
   * transaction. Omitted for a flag the engine no longer reports: the previous decision's fingerprint stays.
   */
  evidence?: readonly Evidence[];
  status: DecisionStatus;
  reason?: string;
  reviewer: string;
}

/** What a name-variant confirmation changed in entities and annotations, so that undo can put it back. */
export interface EntityChanges {
  /** The entities merged or edited, as they were before. */
  entitiesBefore: Entity[];
  createdEntityIds: string[];
  /** Entity annotations created for evidence that only extraction had found. */
  createdAnnotationIds: string[];
  /** Annotations re-pointed by the merge, with what they pointed to before. */
  repointed: Array<{ id: string; entityId?: string; speaker?: string }>;
  /** Rulings that the merged names were different, which the merge withdraws. */
  distinctionsBefore: NameDistinction[];
}

/** Everything one decision command did: enough to undo it. */
export interface DecisionReceipt {
  decision: Decision;
  /** The decision it replaced (now in the history), if any. */
  previous?: Decision;
  entityChanges?: EntityChanges;
  /** A ruling that two names are different people, and the ruling on the same pair it replaced. */
  distinction?: { made: NameDistinction; previous?: NameDistinction };
}

function cleanReviewer(reviewer: string): string {
  const name = reviewer.replace(/\s+/g, ' ').trim();
  if (!name) throw new Error('A decision needs the reviewer’s name.');
  return name;
}

/** The evidence fingerprint from the annotations as stored now. Call inside a transaction with annotations. */
async function storedEvidenceHash(db: CrosscheckDatabase, evidence: readonly Evidence[]): Promise<string> {
  const ids = [...new Set(evidence.flatMap((item) => (item.annotationId ? [item.annotationId] : [])))];
  const found = await db.annotations.bulkGet(ids);
  const byId = new Map(ids.map((id, index) => [id, found[index] ?? null]));
  // Every id was looked up, so nothing is "still loading" here.
  return evidenceHash(evidence, (id) => byId.get(id) ?? null)!;
}

/** Stores `request` as the current decision, moving the one it replaces into the history. In a transaction. */
async function replaceDecision(db: CrosscheckDatabase, request: DecisionRequest, now: Date, hashBefore?: string): Promise<DecisionReceipt> {
  const previous = await db.decisions.get(request.contradictionId);
  const hash = hashBefore ?? (request.evidence ? await storedEvidenceHash(db, request.evidence) : (previous?.evidenceHash ?? ''));
  const decision: Decision = {
    contradictionId: request.contradictionId,
    status: request.status,
    ...(request.reason?.trim() ? { reason: request.reason.trim() } : {}),
    reviewer: cleanReviewer(request.reviewer),
    decidedAt: now.toISOString(),
    evidenceHash: hash,
  };
  if (previous) {
    await db.decisionHistory.put({ ...previous, id: decisionHistoryId(previous), supersededAt: decision.decidedAt });
  }
  await db.decisions.put(decision);
  return { decision, ...(previous ? { previous } : {}) };
}

/** Confirms, dismisses or marks a flag for follow-up. */
export async function decideContradiction(db: CrosscheckDatabase, request: DecisionRequest, now = new Date()): Promise<DecisionReceipt> {
  return db.transaction('rw', [db.decisions, db.decisionHistory, db.annotations], () => replaceDecision(db, request, now));
}

export interface SameEntityRequest {
  /** The decision to record (status `confirmed`); its evidence is the name-variant flag's. */
  decision: Omit<DecisionRequest, 'status' | 'reason'>;
  /** The spelling to record as a misspelling, and its evidence. */
  variantName: string;
  variantEvidence: readonly Evidence[];
  /** The usual spelling (the entity kept), and its evidence. */
  expectedName: string;
  expectedEvidence: readonly Evidence[];
  entityType: Entity['type'];
}

function mostCommon(ids: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * Records `name` as a known misspelling of an entity, unless it is its name or already recorded. As in a
 * merge, a misspelling is an alias known to be wrong, so it becomes an alias too. In a transaction.
 */
async function recordMisspelling(db: CrosscheckDatabase, entityId: string, name: string): Promise<void> {
  const entity = (await db.entities.get(entityId))!;
  const key = nameKey(name);
  const misspellings = entity.misspellings ?? [];
  if (nameKey(entity.name) === key || misspellings.some((known) => nameKey(known) === key)) return;
  await db.entities.put({
    ...entity,
    aliases: entity.aliases.some((alias) => nameKey(alias) === key) ? entity.aliases : [...entity.aliases, name],
    misspellings: [...misspellings, name],
  });
}

/**
 * "Treat as the same entity": the variant spelling becomes a recorded misspelling of the usual spelling's
 * entity, so the engine stops flagging it, and the flag is confirmed. Entities come from the evidence's
 * entity annotations (kept = the usual spelling's most used entity; the variant's entities are merged into
 * it). Evidence only extraction found is stored first as accepted entity annotations of the kept entity
 * (creating it by name if no annotation names it), so that the ruling has something in the store to hold on to.
 */
export async function confirmSameEntity(db: CrosscheckDatabase, request: SameEntityRequest, now = new Date()): Promise<DecisionReceipt> {
  const reviewer = cleanReviewer(request.decision.reviewer);
  return db.transaction('rw', [db.documents, db.annotations, db.entities, db.nameDistinctions, db.decisions, db.decisionHistory], async () => {
    const allEvidence = [...request.variantEvidence, ...request.expectedEvidence];
    // The fingerprint of the evidence the reviewer looked at, before this command changes annotations.
    const hashBefore = await storedEvidenceHash(db, allEvidence);
    const stored = new Map<string, Annotation>();
    const ids = allEvidence.flatMap((item) => (item.annotationId ? [item.annotationId] : []));
    for (const annotation of await db.annotations.bulkGet(ids)) if (annotation) stored.set(annotation.id, annotation);
    const entityOf = (item: Evidence): string | undefined => (item.annotationId ? stored.get(item.annotationId)?.entityId : undefined);

    const changes: EntityChanges = { entitiesBefore: [], createdEntityIds: [], createdAnnotationIds: [], repointed: [], distinctionsBefore: [] };
    let keptId = mostCommon(request.expectedEvidence.flatMap((item) => entityOf(item) ?? []));
    if (!keptId) {
      // findOrCreateEntity does not say whether it created; the count does (nothing else writes meanwhile).
      const existing = await db.entities.count();
      const entity = await findOrCreateEntity(db, request.expectedName, request.entityType);
      if ((await db.entities.count()) > existing) changes.createdEntityIds.push(entity.id);
      keptId = entity.id;
    }
    const kept = (await db.entities.get(keptId))!;
    if (!changes.createdEntityIds.includes(kept.id)) changes.entitiesBefore.push(kept);

    const at = now.toISOString();
    for (const item of allEvidence) {
      if (entityOf(item)) continue;
      const document = await db.documents.get(item.documentId);
      if (!document || document.text.slice(item.start, item.end) !== item.quote) continue;
      const id = suggestionId(item.documentId, 'entity', item.start, item.end);
      if (await db.annotations.get(id)) continue;
      await db.annotations.add({
        id,
        documentId: item.documentId,
        kind: 'entity',
        start: item.start,
        end: item.end,
        ...describeTextQuote(document.text, item.start, item.end),
        origin: 'suggested',
        status: 'unverified',
        entityId: keptId,
        author: reviewer,
        createdAt: at,
        updatedAt: at,
      });
      changes.createdAnnotationIds.push(id);
    }

    const merged = [...new Set(request.variantEvidence.flatMap((item) => entityOf(item) ?? []))].filter((id) => id !== keptId);
    for (const mergedId of merged) {
      const entity = await db.entities.get(mergedId);
      if (!entity) continue;
      changes.entitiesBefore.push(entity);
      const byEntity = await db.annotations.where('entityId').equals(mergedId).toArray();
      const bySpeaker = await db.annotations.where('speaker').equals(mergedId).toArray();
      const before = new Map<string, { id: string; entityId?: string; speaker?: string }>();
      for (const annotation of byEntity) before.set(annotation.id, { id: annotation.id, entityId: mergedId });
      for (const annotation of bySpeaker) before.set(annotation.id, { ...before.get(annotation.id), id: annotation.id, speaker: mergedId });
      // The merge withdraws "different" rulings between the two entities' names; keep them for undo.
      const keptNow = (await db.entities.get(keptId))!;
      const pairs = [keptNow.name, ...keptNow.aliases].flatMap((a) => [entity.name, ...entity.aliases].map((b) => namePairId(a, b)));
      changes.distinctionsBefore.push(...(await db.nameDistinctions.bulkGet(pairs)).filter((d): d is NameDistinction => d !== undefined));
      await mergeEntities(db, keptId, mergedId, { misspellings: [request.variantName], now });
      changes.repointed.push(...before.values());
    }
    // The merge records the misspelling; this covers what it does not: nothing to merge (one entity already,
    // or only extraction's mentions), or a variant entity named otherwise (e.g. from a shorter quote).
    await recordMisspelling(db, keptId, request.variantName);
    const receipt = await replaceDecision(
      db,
      {
        ...request.decision,
        status: 'confirmed',
        reason: `Treated as the same entity: “${request.variantName}” recorded as a misspelling of “${request.expectedName}”`,
      },
      now,
      hashBefore,
    );
    return { ...receipt, entityChanges: changes };
  });
}

/**
 * "Different entities": rules that the two names belong to different referents (never flagged again) and
 * records the flag as dismissed with the reason "not the same entity".
 */
export async function confirmDifferentEntities(
  db: CrosscheckDatabase,
  request: { decision: Omit<DecisionRequest, 'status' | 'reason'>; names: [string, string] },
  now = new Date(),
): Promise<DecisionReceipt> {
  const reviewer = cleanReviewer(request.decision.reviewer);
  return db.transaction('rw', [db.nameDistinctions, db.decisions, db.decisionHistory, db.annotations], async () => {
    const previous = await db.nameDistinctions.get(namePairId(...request.names));
    const made = await declareDistinctNames(db, request.names[0], request.names[1], reviewer, now);
    const receipt = await replaceDecision(db, { ...request.decision, status: 'dismissed', reason: 'not the same entity' }, now);
    return { ...receipt, distinction: { made, ...(previous ? { previous } : {}) } };
  });
}

function sameDecision(a: Decision, b: Decision): boolean {
  return a.contradictionId === b.contradictionId && a.status === b.status && a.reviewer === b.reviewer && a.decidedAt === b.decidedAt;
}

/**
 * Undoes a decision: the previous decision comes back from the history (or the flag is undecided again),
 * and a name-variant ruling made with it is taken back. Returns false, changing nothing, when the flag has
 * been decided again since (by this reviewer or by an imported bundle).
 */
export async function undoDecision(db: CrosscheckDatabase, receipt: DecisionReceipt, now = new Date()): Promise<boolean> {
  return db.transaction('rw', [db.decisions, db.decisionHistory, db.entities, db.annotations, db.nameDistinctions], async () => {
    const current = await db.decisions.get(receipt.decision.contradictionId);
    if (!current || !sameDecision(current, receipt.decision)) return false;
    if (receipt.previous) {
      await db.decisions.put(receipt.previous);
      await db.decisionHistory.delete(decisionHistoryId(receipt.previous));
    } else {
      await db.decisions.delete(current.contradictionId);
    }
    const changes = receipt.entityChanges;
    if (changes) {
      const at = now.toISOString();
      await db.annotations.bulkDelete(changes.createdAnnotationIds);
      await db.entities.bulkPut(changes.entitiesBefore);
      await db.entities.bulkDelete(changes.createdEntityIds);
      await db.nameDistinctions.bulkPut(changes.distinctionsBefore);
      for (const { id, entityId, speaker } of changes.repointed) {
        const annotation = await db.annotations.get(id);
        if (!annotation) continue;
        await db.annotations.put({ ...annotation, ...(entityId ? { entityId } : {}), ...(speaker ? { speaker } : {}), updatedAt: at });
      }
    }
    if (receipt.distinction) {
      if (receipt.distinction.previous) await db.nameDistinctions.put(receipt.distinction.previous);
      else await db.nameDistinctions.delete(receipt.distinction.made.id);
    }
    return true;
  });
}

/** Remembers the reviewer's name for the decisions they make. */
export async function setReviewerName(db: CrosscheckDatabase, name: string): Promise<string> {
  const clean = cleanReviewer(name);
  await db.settings.put({ key: REVIEWER_NAME_KEY, value: clean });
  return clean;
}

/** Keeps the queue's filters and sort across restarts. */
export async function saveReviewFilters(db: CrosscheckDatabase, filters: ReviewFilters): Promise<void> {
  await db.settings.put({ key: REVIEW_FILTERS_KEY, value: filters });
}
