import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_FILTERS, normaliseReviewFilters, reviewQueue, sortReviewItems, type ReviewFilters } from '../../../../shared/review/review-filters';
import { evidenceHash } from '../../../../shared/review/evidence-hash';
import { reviewItems } from '../../../../shared/review/review-items';
import { closureDays, decision, inspectionClaims, nameVariant, sources } from './review-fixtures';

const names = nameVariant(0.95);
const days = closureDays(0.7);
const claims = inspectionClaims(0.4);
// The claims were dismissed on the evidence as it is: hidden by default.
const items = reviewItems([claims, days, names], sources([decision(claims.id, 'dismissed', evidenceHash(claims.evidence, sources().annotationOf)!, 'different scope')]));
const filters = (changes: Partial<ReviewFilters> = {}): ReviewFilters => ({ ...DEFAULT_REVIEW_FILTERS, ...changes });
const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('reviewQueue', () => {
  it('shows open, follow-up and changed flags by default, best score first, and hides dismissed ones', () => {
    const { items: shown, counts } = reviewQueue(items, filters());
    expect(ids(shown)).toEqual([names.id, days.id]);
    expect(counts.total).toBe(3);
    expect(counts.shown).toBe(2);
    expect(counts.statuses).toEqual({ open: 2, 'needs-follow-up': 0, changed: 0, confirmed: 0, dismissed: 1 });
  });

  it('counts each filter value given the other filters, so each count is what choosing it would show', () => {
    const { counts } = reviewQueue(items, filters({ kind: 'quantity-mismatch' }));
    // Kinds are counted as if no kind were chosen (but the status filter still applies).
    expect(counts.kinds).toMatchObject({ all: 2, 'name-variant': 1, 'quantity-mismatch': 1, 'claim-conflict': 0 });
    // Statuses are counted within the chosen kind.
    expect(counts.statuses.open).toBe(1);
    expect(counts.statuses.dismissed).toBe(0);
    expect(counts.documents.get('courier')).toBe(1);
    expect(counts.documents.get('notes')).toBe(0);
    expect(counts.anyDocument).toBe(1);
    expect(counts.minScores.get(0.9)).toBe(0);
    expect(counts.minScores.get(0.5)).toBe(1);
  });

  it('filters by document, person or organisation, minimum score and status, each with matching counts', () => {
    const all = filters({ statuses: ['open', 'dismissed'] });
    // The name variant involves the notes too: one of its spellings is used there, though the evidence
    // (a capped sample of quotes) holds none from it.
    const byDocument = reviewQueue(items, { ...all, documentId: 'notes' });
    expect(ids(byDocument.items)).toEqual([names.id, claims.id]);
    expect(byDocument.counts.documents.get('notes')).toBe(2);

    const ilves = reviewItems([names], sources())[0]!.entities.find((entity) => entity.name === 'Marta Ilves')!;
    const byEntity = reviewQueue(items, { ...all, entityKey: ilves.key });
    expect(ids(byEntity.items)).toEqual([names.id]);
    expect(byEntity.counts.entities.get(ilves.key)).toEqual({ name: 'Marta Ilves', count: 1 });
    expect(byEntity.counts.anyEntity).toBe(3);

    const byScore = reviewQueue(items, { ...all, minScore: 0.7 });
    expect(ids(byScore.items)).toEqual([names.id, days.id]);
    expect([...byScore.counts.minScores.entries()]).toEqual([
      [0, 3],
      [0.5, 2],
      [0.7, 2],
      [0.9, 1],
    ]);
  });

  it('finds flags by free text: every word, in explanations, quotes, titles, names and decisions, any case', () => {
    const all = filters({ statuses: ['open', 'dismissed'] });
    expect(ids(reviewQueue(items, { ...all, text: 'ilves' }).items)).toEqual([names.id]);
    expect(ids(reviewQueue(items, { ...all, text: 'NEVER Passed' }).items)).toEqual([claims.id]);
    expect(ids(reviewQueue(items, { ...all, text: 'different scope' }).items)).toEqual([claims.id]);
    expect(reviewQueue(items, { ...all, text: 'bridge ferry' }).counts.shown).toBe(0);
  });

  it('shows nothing when no status is ticked, and says how many each status would show', () => {
    const { items: shown, counts } = reviewQueue(items, filters({ statuses: [] }));
    expect(shown).toEqual([]);
    expect(counts.statuses.open).toBe(2);
  });
});

describe('sortReviewItems', () => {
  it('sorts by score, by kind, or by the newest evidence with undated flags last', () => {
    expect(ids(sortReviewItems(items, 'score'))).toEqual([names.id, days.id, claims.id]);
    expect(ids(sortReviewItems(items, 'kind'))).toEqual([names.id, days.id, claims.id]);
    // Claims and the name variant involve the council notes (imported 9 April; the higher score first),
    // the figures only articles of 2 and 4 April.
    expect(ids(sortReviewItems(items, 'newest'))).toEqual([names.id, claims.id, days.id]);
    const undated = { ...items[1]!, newestEvidenceAt: undefined };
    expect(ids(sortReviewItems([undated, items[2]!], 'newest'))).toEqual([names.id, days.id]);
  });

  it('puts flags no longer reported last when sorting by score', () => {
    const gone = reviewItems([], sources([decision('name-variant:gone', 'confirmed', 'h')]));
    expect(ids(sortReviewItems([...gone, ...items], 'score')).at(-1)).toBe('name-variant:gone');
  });
});

describe('normaliseReviewFilters', () => {
  it('restores saved filters and fills in what is missing or invalid, field by field', () => {
    expect(normaliseReviewFilters(undefined)).toEqual(DEFAULT_REVIEW_FILTERS);
    expect(normaliseReviewFilters({ kind: 'name-variant', sort: 'newest', text: 'ilves' })).toEqual({ ...DEFAULT_REVIEW_FILTERS, kind: 'name-variant', sort: 'newest', text: 'ilves' });
    expect(normaliseReviewFilters({ kind: 'rumour', statuses: ['open', 'bogus'], minScore: 0.33, sort: 'random', documentId: 7 })).toEqual({
      ...DEFAULT_REVIEW_FILTERS,
      statuses: DEFAULT_REVIEW_FILTERS.statuses,
    });
    expect(normaliseReviewFilters({ statuses: ['dismissed', 'open'] }).statuses).toEqual(['open', 'dismissed']);
    expect(normaliseReviewFilters('garbage')).toEqual(DEFAULT_REVIEW_FILTERS);
  });
});
