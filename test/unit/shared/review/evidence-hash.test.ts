import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../../shared/detect/contradiction';
import { evidenceHash, type EvidenceAnnotation } from '../../../../shared/review/evidence-hash';
import { evidence } from './review-fixtures';

const tagged: EvidenceAnnotation = { kind: 'quantity', status: 'unverified', quantity: { value: 90, approximation: 'about', key: 'day|closure' } };
const lookup =
  (annotation: EvidenceAnnotation | null | undefined) =>
  (): EvidenceAnnotation | null | undefined =>
    annotation;
const pieces: Evidence[] = [evidence('courier', 80, 'about 90 days', 'a1'), evidence('gazette', 60, '30 days')];

describe('evidenceHash', () => {
  it('is the same for the same evidence in any order', () => {
    expect(evidenceHash(pieces, lookup(tagged))).toBe(evidenceHash([...pieces].reverse(), lookup(tagged)));
  });

  it('changes when a quote or its span changes', () => {
    const base = evidenceHash(pieces, lookup(tagged));
    expect(evidenceHash([pieces[0]!, { ...pieces[1]!, quote: '31 days' }], lookup(tagged))).not.toBe(base);
    expect(evidenceHash([pieces[0]!, { ...pieces[1]!, start: 61, end: 68 }], lookup(tagged))).not.toBe(base);
  });

  it('changes when a span found by extraction is tagged (same span, same quote)', () => {
    const before = evidenceHash(pieces, lookup(tagged));
    const nowTagged = [pieces[0]!, { ...pieces[1]!, origin: 'user' as const, annotationId: 'a2' }];
    const annotation: EvidenceAnnotation = { kind: 'quantity', status: 'unverified', quantity: { value: 30, key: 'day|closure' } };
    expect(evidenceHash(nowTagged, (id) => (id === 'a1' ? tagged : annotation))).not.toBe(before);
  });

  it('changes when the stored figure, its date, a claim’s verdict, speaker or entity changes', () => {
    const base = evidenceHash(pieces, lookup(tagged));
    const variants: EvidenceAnnotation[] = [
      { ...tagged, quantity: { ...tagged.quantity!, value: 95 } },
      { ...tagged, quantity: { ...tagged.quantity!, asOf: '2025-04-03' } },
      { ...tagged, quantity: { ...tagged.quantity!, approximation: 'at-least' } },
      { ...tagged, status: 'refuted' },
      { ...tagged, speaker: 'e-council' },
      { ...tagged, entityId: 'e-other' },
    ];
    const hashes = variants.map((variant) => evidenceHash(pieces, lookup(variant)));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('ignores annotation ids, notes and edit times: re-tagging the same way or writing a note changes nothing', () => {
    const base = evidenceHash(pieces, lookup(tagged));
    const retagged = [{ ...pieces[0]!, annotationId: 'a-new-id' }, pieces[1]!];
    expect(evidenceHash(retagged, lookup(tagged))).toBe(base);
    const withNote = { ...tagged, note: 'Checked with the council press office.', updatedAt: '2025-05-01T00:00:00Z' } as EvidenceAnnotation;
    expect(evidenceHash(pieces, lookup(withNote))).toBe(base);
  });

  it('says "not yet" while an annotation is loading, and tells a deleted annotation from a stored one', () => {
    expect(evidenceHash(pieces, lookup(undefined))).toBeUndefined();
    expect(evidenceHash(pieces, lookup(null))).not.toBe(evidenceHash(pieces, lookup(tagged)));
    // Evidence with no stored annotation needs no lookup at all.
    expect(evidenceHash([pieces[1]!], lookup(undefined))).toMatch(/^evidence-v1:[0-9a-z]{11}$/);
  });
});
