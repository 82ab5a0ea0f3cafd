/**
 * What the review screens read from the store for the flags the engine reports: all decisions, and the
 * annotations behind the evidence (for the evidence fingerprint, speakers and entity names) with their
 * entities. Two live queries, so that a decision (the common write while triaging) re-reads decisions only:
 * the fingerprints of 5,000 flags depend on the evidence, not on decisions, and are kept until it changes.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contradiction } from '../../shared/detect/contradiction';
import type { Annotation, Decision, Entity } from '../../shared/model';
import { evidenceHash } from '../../shared/review/evidence-hash';
import type { CrosscheckDatabase } from '../store/database';

export interface EvidenceRecords {
  /** Evidence annotations by id; null for an id that is no longer stored. */
  annotations: Map<string, Annotation | null>;
  /** Entities named by those annotations (mentions and speakers). */
  entities: Map<string, Entity>;
}

export interface ReviewRecords extends EvidenceRecords {
  decisions: Map<string, Decision>;
  /** Evidence fingerprint per flag id; undefined while an annotation it needs has not been read yet. */
  hashes: Map<string, string | undefined>;
}

/** Undefined until the engine has reported and the store has answered. */
export function useReviewRecords(db: CrosscheckDatabase, contradictions: readonly Contradiction[] | undefined): ReviewRecords | undefined {
  const decisions = useLiveQuery(async () => new Map((await db.decisions.toArray()).map((decision) => [decision.contradictionId, decision])), [db]);
  const evidence = useLiveQuery(async (): Promise<EvidenceRecords | undefined> => {
    if (!contradictions) return undefined;
    const annotationIds = new Set<string>();
    for (const contradiction of contradictions) for (const item of contradiction.evidence) if (item.annotationId) annotationIds.add(item.annotationId);
    const ids = [...annotationIds];
    const found = await db.annotations.bulkGet(ids);
    const entityIds = new Set<string>();
    for (const annotation of found) {
      if (annotation?.entityId) entityIds.add(annotation.entityId);
      if (annotation?.speaker) entityIds.add(annotation.speaker);
    }
    const entityList = await db.entities.bulkGet([...entityIds]);
    return {
      annotations: new Map(ids.map((id, index) => [id, found[index] ?? null])),
      entities: new Map(entityList.flatMap((entity) => (entity ? [[entity.id, entity] as const] : []))),
    };
  }, [db, contradictions]);
  // While the query for a new engine list runs, the previous answer stands in: an annotation it lacks reads
  // as "not loaded yet" (hash undefined), which keeps a decision as it is rather than flashing "changed".
  const hashes = useMemo(() => {
    const map = new Map<string, string | undefined>();
    if (!contradictions || !evidence) return map;
    for (const contradiction of contradictions) map.set(contradiction.id, evidenceHash(contradiction.evidence, (id) => evidence.annotations.get(id)));
    return map;
  }, [contradictions, evidence]);
  return useMemo(() => (decisions && evidence ? { decisions, ...evidence, hashes } : undefined), [decisions, evidence, hashes]);
}
