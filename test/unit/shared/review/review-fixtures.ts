// Small flags about a river bridge closure, as the engine would report them, and decisions on them.
import { contradictionId, type Contradiction, type Evidence } from '../../../../shared/detect/contradiction';
import type { Decision } from '../../../../shared/model';
import type { EvidenceAnnotation } from '../../../../shared/review/evidence-hash';
import type { ReviewDocument, ReviewSources } from '../../../../shared/review/review-items';

export const DOCUMENTS: Record<string, ReviewDocument> = {
  gazette: { title: 'Old bridge shut after inspection', outlet: 'Kessel Gazette', publishedAt: '2025-04-02', importedAt: '2025-04-10T08:00:00Z' },
  courier: { title: 'Bridge closure to last months', outlet: 'Valley Courier', publishedAt: '2025-04-04', importedAt: '2025-04-10T08:00:00Z' },
  notes: { title: 'Council meeting notes', importedAt: '2025-04-09T12:00:00Z' },
};

export function evidence(documentId: string, start: number, quote: string, annotationId?: string): Evidence {
  return { documentId, start, end: start + quote.length, quote, origin: annotationId ? 'user' : 'suggested', ...(annotationId ? { annotationId } : {}) };
}

export function nameVariant(score = 0.95): Extract<Contradiction, { kind: 'name-variant' }> {
  const items = [evidence('courier', 40, 'Marta Ilves', 'a-courier-name'), evidence('gazette', 12, 'Marta Ilvess', 'a-gazette-name')];
  return {
    id: contradictionId('name-variant', items),
    kind: 'name-variant',
    score,
    explanation: '“Marta Ilves” (1 document) looks like a misspelling of “Marta Ilvess” (2 documents), the same person.',
    evidence: items,
    details: {
      entityType: 'person',
      forms: [
        { name: 'Marta Ilvess', documents: [{ documentId: 'gazette', mentions: 2 }, { documentId: 'notes', mentions: 1 }], mentions: 3 },
        { name: 'Marta Ilves', documents: [{ documentId: 'courier', mentions: 1 }], mentions: 1 },
      ],
      expected: 'Marta Ilvess',
      suspect: 'Marta Ilves',
      reasons: ['same first name (Marta)', 'surnames sound alike'],
    },
  };
}

export function closureDays(score = 0.7): Extract<Contradiction, { kind: 'quantity-mismatch' }> {
  const items = [evidence('courier', 80, 'about 90 days', 'a-courier-days'), evidence('gazette', 60, '30 days')];
  return {
    id: contradictionId('quantity-mismatch', items),
    kind: 'quantity-mismatch',
    score,
    explanation: 'Articles give different numbers of closure days: about 90 in “Bridge closure to last months” but 30 in “Old bridge shut after inspection”.',
    evidence: items,
    details: {
      key: 'day|closure',
      description: 'closure days',
      readings: [
        { value: 90, approximation: 'about', documentIds: ['courier'] },
        { value: 30, approximation: 'exact', asOf: '2025-04-01', documentIds: ['gazette'] },
      ],
      datesDiffer: false,
    },
  };
}

export function inspectionClaims(score = 0.4): Extract<Contradiction, { kind: 'claim-conflict' }> {
  const items = [evidence('gazette', 100, 'the bridge passed its last inspection', 'a-gazette-claim'), evidence('notes', 20, 'the bridge never passed an inspection')];
  return {
    id: contradictionId('claim-conflict', items),
    kind: 'claim-conflict',
    score,
    explanation: '“the bridge passed its last inspection” is contradicted by “the bridge never passed an inspection”.',
    evidence: items,
    details: {
      source: 'polarity',
      key: 'bridge|pass',
      statements: [
        { documentId: 'gazette', quote: 'the bridge passed its last inspection', polarity: 'affirmed' },
        { documentId: 'notes', quote: 'the bridge never passed an inspection', polarity: 'denied' },
      ],
    },
  };
}

export function decision(contradictionIdValue: string, status: Decision['status'], evidenceHash: string, reason?: string): Decision {
  return { contradictionId: contradictionIdValue, status, reviewer: 'Ines Calloway', decidedAt: '2025-04-11T09:30:00.000Z', evidenceHash, ...(reason ? { reason } : {}) };
}

/** Sources over the fixtures: the stored annotations behind the evidence, the entities they name. */
export function sources(decisions: Decision[] = []): ReviewSources {
  const annotations: Record<string, EvidenceAnnotation> = {
    'a-courier-name': { kind: 'entity', status: 'unverified', entityId: 'e-ilves' },
    'a-gazette-name': { kind: 'entity', status: 'unverified', entityId: 'e-ilvess' },
    'a-courier-days': { kind: 'quantity', status: 'unverified', quantity: { value: 90, approximation: 'about', key: 'day|closure' } },
    'a-gazette-claim': { kind: 'claim', status: 'disputed', speaker: 'e-council' },
  };
  const names: Record<string, string> = { 'e-ilves': 'Marta Ilves', 'e-ilvess': 'Marta Ilvess', 'e-council': 'Kessel Town Council' };
  return {
    decisions: new Map(decisions.map((d) => [d.contradictionId, d])),
    annotationOf: (id) => annotations[id] ?? null,
    entityNameOf: (id) => names[id],
    documentOf: (id) => DOCUMENTS[id],
  };
}
