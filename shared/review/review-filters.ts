/**
 * Filtering, counting and sorting the review queue. Every filter value carries the number of flags it would
 * show given the other filters (the usual faceted count), so a reviewer sees "Dismissed 3" before choosing it.
 * One pass over the items computes the result and all counts: with 5,000 flags it runs on each keystroke.
 */
import { z } from 'zod';
import { CONTRADICTION_KINDS, type ContradictionKind } from '../detect/contradiction';
import { searchTextOf, type ReviewItem } from './review-items';
import { REVIEW_STATUSES, STATUSES_NEEDING_REVIEW, type ReviewStatus } from './review-status';

export const REVIEW_SORTS = ['score', 'kind', 'newest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** The minimum scores offered (0 = any). */
export const SCORE_THRESHOLDS = [0, 0.5, 0.7, 0.9] as const;

export interface ReviewFilters {
  /** Null: every kind. */
  kind: ContradictionKind | null;
  /** The statuses shown; empty shows nothing, which the screen says. */
  statuses: ReviewStatus[];
  documentId: string | null;
  /** An `InvolvedEntity.key`. */
  entityKey: string | null;
  minScore: number;
  /** Free text; every word must occur. */
  text: string;
  sort: ReviewSort;
}

export const DEFAULT_REVIEW_FILTERS: ReviewFilters = {
  kind: null,
  statuses: [...STATUSES_NEEDING_REVIEW],
  documentId: null,
  entityKey: null,
  minScore: 0,
  text: '',
  sort: 'score',
};

// Each field falls back on its own: one bad value in saved settings does not throw the others away.
const savedFilters = z.object({
  kind: z.enum(CONTRADICTION_KINDS).nullable().catch(DEFAULT_REVIEW_FILTERS.kind),
  statuses: z
    .array(z.enum(REVIEW_STATUSES))
    .transform((list) => REVIEW_STATUSES.filter((status) => list.includes(status)))
    .catch([...DEFAULT_REVIEW_FILTERS.statuses]),
  documentId: z.string().nullable().catch(null),
  entityKey: z.string().nullable().catch(null),
  minScore: z
    .number()
    .refine((value) => (SCORE_THRESHOLDS as readonly number[]).includes(value))
    .catch(0),
  text: z.string().max(500).catch(''),
  sort: z.enum(REVIEW_SORTS).catch('score'),
});

/** Filters as saved in settings (any shape, any age) made whole; missing or invalid parts take defaults. */
export function normaliseReviewFilters(saved: unknown): ReviewFilters {
  const source = typeof saved === 'object' && saved !== null ? saved : {};
  const parsed = savedFilters.safeParse({ ...DEFAULT_REVIEW_FILTERS, ...source });
  return parsed.success ? parsed.data : { ...DEFAULT_REVIEW_FILTERS, statuses: [...DEFAULT_REVIEW_FILTERS.statuses] };
}

export interface ReviewCounts {
  /** Every row, before filtering. */
  total: number;
  /** Rows passing every filter. */
  shown: number;
  /** Per kind, and for "all kinds", given the other filters. */
  kinds: Record<ContradictionKind | 'all', number>;
  statuses: Record<ReviewStatus, number>;
  /** Every document any row involves, with its count given the other filters (0 included, so options stay put). */
  documents: Map<string, number>;
  /** Rows shown with no document filter, given the other filters. */
  anyDocument: number;
  entities: Map<string, { name: string; count: number }>;
  /** Rows shown with no person/organisation filter, given the other filters. */
  anyEntity: number;
  /** Per offered minimum score. */
  minScores: Map<number, number>;
}

export interface ReviewQueueResult {
  items: ReviewItem[];
  counts: ReviewCounts;
}

const KIND_ORDER = new Map<ContradictionKind, number>(CONTRADICTION_KINDS.map((kind, index) => [kind, index]));

function byId(a: ReviewItem, b: ReviewItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byScore(a: ReviewItem, b: ReviewItem): number {
  return (b.score ?? -1) - (a.score ?? -1);
}

const COMPARATORS: Record<ReviewSort, (a: ReviewItem, b: ReviewItem) => number> = {
  score: (a, b) => byScore(a, b) || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || byId(a, b),
  kind: (a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || byScore(a, b) || byId(a, b),
  newest: (a, b) => {
    if (a.newestEvidenceAt !== b.newestEvidenceAt) {
      if (a.newestEvidenceAt === undefined) return 1;
      if (b.newestEvidenceAt === undefined) return -1;
      return a.newestEvidenceAt > b.newestEvidenceAt ? -1 : 1;
    }
    return byScore(a, b) || byId(a, b);
  },
};

/** Sorts rows (a copy) by score (highest first), kind, or newest evidence (latest documents first). */
export function sortReviewItems(items: readonly ReviewItem[], sort: ReviewSort): ReviewItem[] {
  return [...items].sort(COMPARATORS[sort]);
}

function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

// The facets, as bit positions: an item's failures form a mask; it counts toward a facet when it fails
// nothing else.
const KIND = 1;
const STATUS = 2;
const DOCUMENT = 4;
const ENTITY = 8;
const SCORE = 16;
const TEXT = 32;

/** Filters, counts and sorts the queue in one pass over the rows. */
export function reviewQueue(items: readonly ReviewItem[], filters: ReviewFilters): ReviewQueueResult {
  const words = searchWords(filters.text);
  const statuses = new Set(filters.statuses);
  const counts: ReviewCounts = {
    total: items.length,
    shown: 0,
    kinds: { all: 0, ...(Object.fromEntries(CONTRADICTION_KINDS.map((kind) => [kind, 0])) as Record<ContradictionKind, number>) },
    statuses: Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as Record<ReviewStatus, number>,
    documents: new Map(),
    anyDocument: 0,
    entities: new Map(),
    anyEntity: 0,
    minScores: new Map(SCORE_THRESHOLDS.map((threshold) => [threshold, 0])),
  };
  const shown: ReviewItem[] = [];

  for (const item of items) {
    let failed = 0;
    if (filters.kind !== null && item.kind !== filters.kind) failed |= KIND;
    if (!statuses.has(item.status)) failed |= STATUS;
    if (filters.documentId !== null && !item.documentIds.includes(filters.documentId)) failed |= DOCUMENT;
    if (filters.entityKey !== null && !item.entities.some((entity) => entity.key === filters.entityKey)) failed |= ENTITY;
    if (filters.minScore > 0 && (item.score ?? 0) < filters.minScore) failed |= SCORE;
    if (words.length > 0 && !words.every((word) => searchTextOf(item).includes(word))) failed |= TEXT;

    // An item counts toward a facet's values when it passes every *other* filter.
    if ((failed & ~KIND) === 0) {
      counts.kinds[item.kind]++;
      counts.kinds.all++;
    }
    if ((failed & ~STATUS) === 0) counts.statuses[item.status]++;
    const documentCounts = (failed & ~DOCUMENT) === 0;
    if (documentCounts) counts.anyDocument++;
    for (const id of item.documentIds) counts.documents.set(id, (counts.documents.get(id) ?? 0) + (documentCounts ? 1 : 0));
    const entityCounts = (failed & ~ENTITY) === 0;
    if (entityCounts) counts.anyEntity++;
    for (const entity of item.entities) {
      const entry = counts.entities.get(entity.key);
      if (entry) entry.count += entityCounts ? 1 : 0;
      else counts.entities.set(entity.key, { name: entity.name, count: entityCounts ? 1 : 0 });
    }
    if ((failed & ~SCORE) === 0) {
      for (const threshold of SCORE_THRESHOLDS) {
        if (threshold === 0 || (item.score ?? 0) >= threshold) counts.minScores.set(threshold, counts.minScores.get(threshold)! + 1);
      }
    }
    if (failed === 0) shown.push(item);
  }
  counts.shown = shown.length;
  return { items: shown.sort(COMPARATORS[filters.sort]), counts };
}
