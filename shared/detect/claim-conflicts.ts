/**
 * Claim conflicts: two claims a person linked as contradicting, and statements about the same subject with
 * opposite polarity ("talks have collapsed" / "talks have not collapsed", "was inspected" / "was never
 * inspected"), within a document or across related ones.
 */
import type { Annotation, AnnotationOrigin, Link } from '../model';
import { groupConflicts, type ConflictGroup, type Observation } from './conflict-groups';
import type { ConflictRules } from './conflict-index';
import { byPosition, contradictionId, roundScore, tidyEvidence, type Contradiction, toEvidence } from './contradiction';
import { spokenDocuments } from './plain-words';

export interface ClaimObservation extends Observation {
  annotationId?: string;
  origin: AnnotationOrigin;
  start: number;
  end: number;
  quote: string;
  key: string;
  subject: string;
  predicate: string;
  modifiers: readonly string[];
  polarity: 'affirmed' | 'denied';
}

/** "ventilation shaft" and "shaft" may be one thing; "ventilation shaft" and "main shaft" are not. */
function modifiersCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((word) => b.includes(word));
}

/** Opposite statements among observations of one `subject|predicate` key, grouped by document. */
export function detectPolarityConflicts(
  key: string,
  byDocument: ReadonlyMap<string, readonly ClaimObservation[]>,
  documentPairs: Iterable<readonly [string, string]>,
  titleOf: (documentId: string) => string,
): Contradiction[] {
  return polarityConflictsFrom(key, groupConflicts(byDocument, documentPairs, CLAIM_RULES.disagree, CLAIM_RULES.reading, true), titleOf);
}

/** How statements are keyed, compared and told apart. */
export const CLAIM_RULES: ConflictRules<ClaimObservation> = {
  keyOf: (item) => item.key,
  disagree: (a, b) => a.polarity !== b.polarity && modifiersCompatible(a.modifiers, b.modifiers),
  reading: (item) => item.polarity,
  withinDocuments: true,
};

/** Claim-conflict contradictions from grouped opposite statements of one key. */
export function polarityConflictsFrom(key: string, groups: ReadonlyArray<ConflictGroup<ClaimObservation>>, titleOf: (documentId: string) => string): Contradiction[] {
  const contradictions: Contradiction[] = [];
  for (const group of groups) {
    const inOrder = (a: ClaimObservation, b: ClaimObservation): number => byPosition(toEvidence(a), toEvidence(b));
    const affirmed = group.observations.filter((item) => item.polarity === 'affirmed').sort(inOrder);
    const denied = group.observations.filter((item) => item.polarity === 'denied').sort(inOrder);
    const acrossDocuments = group.pairs.some(([a, b]) => a.documentId !== b.documentId);
    const sharedModifiers = group.pairs.some(([a, b]) => a.modifiers.length > 0 && a.modifiers.some((m) => b.modifiers.includes(m)));
    const byUser = group.observations.some((item) => item.origin === 'user');
    const score = roundScore(0.6 + (acrossDocuments ? 0.1 : 0) + (sharedModifiers ? 0.1 : 0) + (byUser ? 0.1 : 0));
    const quoteOf = (items: ClaimObservation[]): string => `“${items[0]!.quote}”`;
    const where = (items: ClaimObservation[]): string => spokenDocuments(items.map((item) => item.documentId), titleOf);
    const explanation = `${quoteOf(affirmed)} (${where(affirmed)}) is contradicted by ${quoteOf(denied)} (${where(denied)}).`;
    const evidence = tidyEvidence([...affirmed, ...denied].map(toEvidence));
    contradictions.push({
      id: contradictionId('claim-conflict', evidence),
      kind: 'claim-conflict',
      score,
      explanation,
      evidence,
      details: {
        source: 'polarity',
        key,
        statements: group.observations.map((item) => ({ documentId: item.documentId, quote: item.quote, polarity: item.polarity })),
      },
    });
  }
  return contradictions;
}

type LinkedAnnotation = Pick<Annotation, 'id' | 'documentId' | 'start' | 'end' | 'quote' | 'origin'>;

/** The contradiction a person asserted by linking two annotations with `contradicts`. */
export function linkedClaimConflict(link: Link, from: LinkedAnnotation, to: LinkedAnnotation, titleOf: (documentId: string) => string): Contradiction {
  const evidence = tidyEvidence(
    [from, to].map((annotation) => ({
      documentId: annotation.documentId,
      annotationId: annotation.id,
      start: annotation.start,
      end: annotation.end,
      quote: annotation.quote,
      origin: annotation.origin,
    })),
  );
  const note = link.note ? ` Note: ${link.note}` : '';
  return {
    id: contradictionId('claim-conflict', evidence),
    kind: 'claim-conflict',
    score: 1,
    explanation: `${link.author || 'A reviewer'} marked “${from.quote}” (${spokenDocuments([from.documentId], titleOf)}) as contradicting “${to.quote}” (${spokenDocuments([to.documentId], titleOf)}).${note}`,
    evidence,
    details: {
      source: 'link',
      linkId: link.id,
      ...(link.note ? { note: link.note } : {}),
      statements: [from, to].map((annotation) => ({ documentId: annotation.documentId, quote: annotation.quote })),
    },
  };
}
