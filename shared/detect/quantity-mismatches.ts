/**
 * Quantity mismatches: the same quantity key (counted noun and states) with figures that disagree beyond
 * their hedges. "some 130" and "130" agree, "at least 30" and 40 agree, 20 and 130 do not. Figures dated
 * differently are still reported, with a lower score and a note that the count may have changed.
 */
import type { AnnotationOrigin, Approximation } from '../model';
import { describeQuantityKey } from '../extract/quantity-key';
import { groupConflicts, type ConflictGroup, type Observation } from './conflict-groups';
import type { ConflictRules } from './conflict-index';
import { byPosition, contradictionId, roundScore, tidyEvidence, type Contradiction, type Evidence, type QuantityReading, toEvidence } from './contradiction';
import { spokenDate, spokenDocuments, spokenFigure, spokenList } from './plain-words';

export interface QuantityObservation extends Observation {
  annotationId?: string;
  origin: AnnotationOrigin;
  start: number;
  end: number;
  quote: string;
  key: string;
  value: number;
  upper?: number;
  approximation: Approximation;
  asOf?: string;
}

/** How far "about" stretches a figure: a tenth, and at least one. */
const ABOUT_TOLERANCE = 0.1;
const DIFFERENT_DATES_FACTOR = 0.6;

/** The range of values a hedged figure allows. */
export function figureRange(value: number, approximation: Approximation = 'exact', upper?: number): [number, number] {
  const high = upper ?? value;
  switch (approximation) {
    case 'about': {
      const slack = Math.max(1, value * ABOUT_TOLERANCE);
      return [value - slack, high + Math.max(1, high * ABOUT_TOLERANCE)];
    }
    case 'at-least':
    case 'more-than':
      return [value, Infinity];
    case 'at-most':
    case 'less-than':
      return [0, high];
    case 'exact':
      return [value, high];
  }
}

/** Whether two hedged figures can both be true. */
export function figuresAgree(a: Pick<QuantityObservation, 'value' | 'upper' | 'approximation'>, b: Pick<QuantityObservation, 'value' | 'upper' | 'approximation'>): boolean {
  const [loA, hiA] = figureRange(a.value, a.approximation, a.upper);
  const [loB, hiB] = figureRange(b.value, b.approximation, b.upper);
  return loA <= hiB && loB <= hiA;
}

function readingOf(item: QuantityObservation): string {
  return `${item.approximation}|${item.value}|${item.upper ?? ''}`;
}

/** How far apart two figures are, relative to their size (0 when they touch). */
function relativeGap(a: QuantityObservation, b: QuantityObservation): number {
  const [loA, hiA] = figureRange(a.value, a.approximation, a.upper);
  const [loB, hiB] = figureRange(b.value, b.approximation, b.upper);
  const gap = Math.max(0, loB - hiA, loA - hiB);
  return gap / Math.max(1, a.upper ?? a.value, b.upper ?? b.value);
}

/**
 * The quantity mismatches among observations of one key, grouped by document. `documentPairs` are the
 * related documents to compare; `titleOf` names a document in the explanation.
 */
export function detectQuantityMismatches(
  key: string,
  byDocument: ReadonlyMap<string, readonly QuantityObservation[]>,
  documentPairs: Iterable<readonly [string, string]>,
  titleOf: (documentId: string) => string,
): Contradiction[] {
  return quantityMismatchesFrom(key, groupConflicts(byDocument, documentPairs, QUANTITY_RULES.disagree, QUANTITY_RULES.reading), titleOf);
}

/** How quantity observations are keyed, compared and told apart. */
export const QUANTITY_RULES: ConflictRules<QuantityObservation> = {
  keyOf: (item) => item.key,
  disagree: (a, b) => !figuresAgree(a, b),
  reading: readingOf,
};

/** Quantity-mismatch contradictions from grouped disagreements of one key. */
export function quantityMismatchesFrom(key: string, groups: ReadonlyArray<ConflictGroup<QuantityObservation>>, titleOf: (documentId: string) => string): Contradiction[] {
  const description = describeQuantityKey(key);
  const contradictions: Contradiction[] = [];
  for (const group of groups) {
    const sameDate = group.pairs.some(([a, b]) => !a.asOf || !b.asOf || a.asOf === b.asOf);
    const gap = Math.max(...group.pairs.map(([a, b]) => relativeGap(a, b)));
    const score = roundScore((0.55 + 0.45 * Math.min(1, gap * 2)) * (sameDate ? 1 : DIFFERENT_DATES_FACTOR));

    const sides = group.readings.map((reading) => group.observations.filter((item) => readingOf(item) === reading));
    // The figure fewer documents give is named first: it is the one to check.
    sides.sort((x, y) => new Set(x.map((i) => i.documentId)).size - new Set(y.map((i) => i.documentId)).size);
    const readings: QuantityReading[] = sides.map((items) => {
      const first = items[0]!;
      const dates = [...new Set(items.map((item) => item.asOf).filter((d): d is string => Boolean(d)))].sort();
      return {
        value: first.value,
        ...(first.upper !== undefined ? { upper: first.upper } : {}),
        approximation: first.approximation,
        ...(dates.length === 1 ? { asOf: dates[0] } : {}),
        documentIds: [...new Set(items.map((item) => item.documentId))].sort(),
      };
    });
    const [outlier, other] = readings as [QuantityReading, QuantityReading];
    const [outlierItems, otherItems] = sides as [QuantityObservation[], QuantityObservation[]];
    const outlierKeys = new Set(outlierItems.map((item) => `${item.documentId}:${item.start}`));
    const sideOf = (evidence: Evidence): number => (outlierKeys.has(`${evidence.documentId}:${evidence.start}`) ? 0 : 1);
    let explanation =
      `Articles give different numbers of ${description}: ${spokenFigure(outlier.value, outlier.approximation, outlier.upper)} in ${spokenDocuments(outlier.documentIds, titleOf)}` +
      ` but ${spokenFigure(other.value, other.approximation, other.upper)} in ${spokenDocuments(other.documentIds, titleOf, outlier.documentIds)}`;
    if (!sameDate) {
      const datesOf = (items: QuantityObservation[]): string => spokenList([...new Set(items.map((i) => i.asOf!))].sort().map(spokenDate));
      explanation += `; the figures are dated ${datesOf(outlierItems)} and ${datesOf(otherItems)}, so the difference may reflect a change over time`;
    }
    const evidence = tidyEvidence([...outlierItems, ...otherItems].map(toEvidence).sort(byPosition).sort((a, b) => sideOf(a) - sideOf(b)));
    contradictions.push({
      id: contradictionId('quantity-mismatch', evidence),
      kind: 'quantity-mismatch',
      score,
      explanation: `${explanation}.`,
      evidence,
      details: { key, description, readings, datesDiffer: !sameDate },
    });
  }
  return contradictions;
}
