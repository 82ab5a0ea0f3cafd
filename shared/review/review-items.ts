/**
 * The review queue's rows: each flag the engine reports, joined with the reviewer's decision and what the
 * filters need (documents, people and organisations involved, newest evidence date, searchable text).
 * Decisions whose flag the engine no longer reports (merged entities, names ruled different, evidence that
 * moved) stay visible as rows of their own, so a resolved flag does not silently vanish.
 */
import { CONTRADICTION_KINDS, type Contradiction, type ContradictionKind, involvedDocumentIds } from '../detect/contradiction';
import type { Decision } from '../model';
import { nameKey } from '../text/name-key';
import { evidenceHash, type EvidenceAnnotationLookup } from './evidence-hash';
import { reviewStatus, type ReviewStatus } from './review-status';

/** What the queue needs of a document. `SourceDocument` fits. */
export interface ReviewDocument {
  title: string;
  outlet?: string;
  publishedAt?: string;
  importedAt: string;
}

/** A person or organisation a flag involves; `key` compares names the way the store does. */
export interface InvolvedEntity {
  key: string;
  name: string;
}

export interface ReviewItem {
  id: string;
  kind: ContradictionKind;
  /** The engine's finding; null when the engine no longer reports it and only the decision remains. */
  contradiction: Contradiction | null;
  /** Null when no longer reported. */
  score: number | null;
  status: ReviewStatus;
  decision?: Decision;
  /** The evidence fingerprint now; undefined while loading or when no longer reported. */
  evidenceHash?: string;
  documentIds: string[];
  entities: InvolvedEntity[];
  /** The latest publication (else import) date among the documents involved, for "newest evidence first". */
  newestEvidenceAt?: string;
  /** Titles of the documents involved (searched by the free-text filter). */
  documentTitles: string[];
}

export interface ReviewSources {
  decisions: ReadonlyMap<string, Decision>;
  annotationOf: EvidenceAnnotationLookup;
  /**
   * The evidence fingerprint of a flag, when the caller keeps them (they depend on the evidence and its
   * annotations only, not on decisions, so a decision need not recompute 5,000 of them); computed otherwise.
   */
  evidenceHashOf?(contradiction: Contradiction): string | undefined;
  entityNameOf(entityId: string): string | undefined;
  documentOf(documentId: string): ReviewDocument | undefined;
}

/** The kind encoded in a contradiction id (`kind:hash`), for decisions that outlived their flag. */
export function kindOfContradictionId(id: string): ContradictionKind | undefined {
  const kind = id.slice(0, id.indexOf(':'));
  return (CONTRADICTION_KINDS as readonly string[]).includes(kind) ? (kind as ContradictionKind) : undefined;
}

function addEntity(list: InvolvedEntity[], name: string | undefined): void {
  if (!name) return;
  const key = nameKey(name);
  // A handful per flag: a scan beats a Map here (this runs for every flag on every store change).
  if (key && !list.some((entity) => entity.key === key)) list.push({ key, name });
}

function involvedEntities(contradiction: Contradiction, sources: ReviewSources): InvolvedEntity[] {
  const list: InvolvedEntity[] = [];
  if (contradiction.kind === 'name-variant') for (const form of contradiction.details.forms) addEntity(list, form.name);
  for (const evidence of contradiction.evidence) {
    const annotation = evidence.annotationId ? sources.annotationOf(evidence.annotationId) : undefined;
    if (!annotation) continue;
    if (annotation.entityId) addEntity(list, sources.entityNameOf(annotation.entityId));
    if (annotation.speaker) addEntity(list, sources.entityNameOf(annotation.speaker));
  }
  return list;
}

const searchTexts = new WeakMap<ReviewItem, string>();

/**
 * The lower-case text the free-text filter searches: explanation, quotes, document titles, names, and the
 * decision's reason and reviewer. Built on first search and kept per row, so rows that are never searched
 * never pay for it.
 */
export function searchTextOf(item: ReviewItem): string {
  let text = searchTexts.get(item);
  if (text === undefined) {
    const parts = [...item.documentTitles, ...item.entities.map((entity) => entity.name), item.decision?.reason ?? '', item.decision?.reviewer ?? ''];
    if (item.contradiction) parts.push(item.contradiction.explanation, ...item.contradiction.evidence.map((evidence) => evidence.quote));
    text = parts.join('\n').toLowerCase();
    searchTexts.set(item, text);
  }
  return text;
}

function itemOf(contradiction: Contradiction, sources: ReviewSources): ReviewItem {
  const decision = sources.decisions.get(contradiction.id);
  const hash = sources.evidenceHashOf ? sources.evidenceHashOf(contradiction) : evidenceHash(contradiction.evidence, sources.annotationOf);
  const documentIds: string[] = [];
  const titles: string[] = [];
  let newest: string | undefined;
  // Evidence is a capped sample; the details name every document (every article using a spelling).
  for (const documentId of involvedDocumentIds(contradiction)) {
    documentIds.push(documentId);
    const document = sources.documentOf(documentId);
    if (!document) continue;
    titles.push(document.title);
    const date = document.publishedAt ?? document.importedAt;
    if (newest === undefined || date > newest) newest = date;
  }
  // Every row has the same shape (optional fields present, maybe undefined): 5,000 rows stay fast to build.
  return {
    id: contradiction.id,
    kind: contradiction.kind,
    contradiction,
    score: contradiction.score,
    status: reviewStatus(decision, hash),
    decision,
    evidenceHash: hash,
    documentIds,
    entities: involvedEntities(contradiction, sources),
    newestEvidenceAt: newest,
    documentTitles: titles,
  };
}

/**
 * One row per reported contradiction, then one per decision whose contradiction is no longer reported.
 * A no-longer-reported flag keeps its decision's status: there is no evidence left to compare.
 */
export function reviewItems(contradictions: readonly Contradiction[], sources: ReviewSources): ReviewItem[] {
  const items = contradictions.map((contradiction) => itemOf(contradiction, sources));
  const reported = new Set(contradictions.map((contradiction) => contradiction.id));
  for (const decision of sources.decisions.values()) {
    if (reported.has(decision.contradictionId)) continue;
    const kind = kindOfContradictionId(decision.contradictionId);
    if (!kind) continue;
    items.push({
      id: decision.contradictionId,
      kind,
      contradiction: null,
      score: null,
      status: decision.status,
      decision,
      evidenceHash: undefined,
      documentIds: [],
      entities: [],
      newestEvidenceAt: undefined,
      documentTitles: [],
    });
  }
  return items;
}
