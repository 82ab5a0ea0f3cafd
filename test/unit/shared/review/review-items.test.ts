import { describe, expect, it } from 'vitest';
import { evidenceHash } from '../../../../shared/review/evidence-hash';
import { kindOfContradictionId, reviewItems, searchTextOf } from '../../../../shared/review/review-items';
import { needsReview, reviewStatus } from '../../../../shared/review/review-status';
import { closureDays, decision, inspectionClaims, nameVariant, sources } from './review-fixtures';

const hashNow = (flag: ReturnType<typeof closureDays>) => evidenceHash(flag.evidence, sources().annotationOf)!;

describe('reviewStatus', () => {
  it('is open without a decision, the decision’s status while the evidence is unchanged, and changed after', () => {
    expect(reviewStatus(undefined, 'h1')).toBe('open');
    expect(reviewStatus({ status: 'dismissed', evidenceHash: 'h1' }, 'h1')).toBe('dismissed');
    expect(reviewStatus({ status: 'confirmed', evidenceHash: 'h1' }, 'h2')).toBe('changed');
    expect(reviewStatus({ status: 'needs-follow-up', evidenceHash: 'h1' }, 'h2')).toBe('changed');
  });

  it('keeps the decision while the evidence cannot be compared yet, instead of flashing “changed”', () => {
    expect(reviewStatus({ status: 'dismissed', evidenceHash: 'h1' }, undefined)).toBe('dismissed');
  });

  it('counts open, follow-up and changed flags as needing review, not confirmed or dismissed ones', () => {
    expect(['open', 'needs-follow-up', 'changed', 'confirmed', 'dismissed'].map((s) => needsReview(s as never))).toEqual([true, true, true, false, false]);
  });
});

describe('reviewItems', () => {
  it('joins each flag with its decision and marks it changed when the evidence differs from the decided one', () => {
    const days = closureDays();
    const claims = inspectionClaims();
    const items = reviewItems([days, claims], sources([decision(days.id, 'dismissed', hashNow(days), 'different scope'), decision(claims.id, 'confirmed', 'evidence-v1:stale')]));
    expect(items.map((item) => [item.kind, item.status])).toEqual([
      ['quantity-mismatch', 'dismissed'],
      ['claim-conflict', 'changed'],
    ]);
    expect(items[0]!.decision?.reason).toBe('different scope');
  });

  it('lists the people and organisations involved: name spellings, tagged mentions and speakers, once each', () => {
    const [names, claims] = reviewItems([nameVariant(), inspectionClaims()], sources());
    expect(names!.entities.map((entity) => entity.name).sort()).toEqual(['Marta Ilves', 'Marta Ilvess']);
    expect(claims!.entities.map((entity) => entity.name)).toEqual(['Kessel Town Council']);
  });

  it('dates a flag by its newest document (publication date, else import date) and searches its titles and quotes', () => {
    const [claims] = reviewItems([inspectionClaims()], sources());
    // The council notes have no publication date; their import date is the newest.
    expect(claims!.newestEvidenceAt).toBe('2025-04-09T12:00:00Z');
    expect(searchTextOf(claims!)).toContain('council meeting notes');
    expect(searchTextOf(claims!)).toContain('never passed an inspection');
  });

  it('keeps a decision whose flag is no longer reported as a row of its own, with its kind and reason', () => {
    const merged = decision(nameVariant().id, 'confirmed', 'evidence-v1:x', 'Treated as the same entity');
    const items = reviewItems([closureDays()], sources([merged, decision('not-a-kind:abc', 'dismissed', 'h')]));
    expect(items).toHaveLength(2);
    const row = items[1]!;
    expect(row).toMatchObject({ kind: 'name-variant', status: 'confirmed', contradiction: null, score: null });
    expect(searchTextOf(row)).toContain('treated as the same entity');
  });

  it('reads the kind from a contradiction id', () => {
    expect(kindOfContradictionId(closureDays().id)).toBe('quantity-mismatch');
    expect(kindOfContradictionId('nonsense')).toBeUndefined();
  });
});
