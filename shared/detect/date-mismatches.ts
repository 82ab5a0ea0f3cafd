/**
 * Date mismatches: one event ("the collapse") dated differently by related documents. Events are matched
 * by their event word and, when both texts give one, its subject ("the shaft collapsed").
 */
import type { AnnotationOrigin } from '../model';
import { groupConflicts, type ConflictGroup, type Observation } from './conflict-groups';
import type { ConflictRules } from './conflict-index';
import { byPosition, contradictionId, roundScore, tidyEvidence, type Contradiction, type Evidence } from './contradiction';
import { spokenDate, spokenDocuments } from './plain-words';

export interface EventObservation extends Observation {
  origin: AnnotationOrigin;
  start: number;
  end: number;
  quote: string;
  event: string;
  subject?: string;
  date: string;
  precision: 'day' | 'weekday';
}

function evidenceOf(item: EventObservation): Evidence {
  return { documentId: item.documentId, start: item.start, end: item.end, quote: item.quote, origin: item.origin };
}

function disagree(a: EventObservation, b: EventObservation): boolean {
  if (a.date === b.date) return false;
  return !a.subject || !b.subject || a.subject === b.subject;
}

/** The date mismatches among observations of one event word, grouped by document. */
export function detectDateMismatches(
  event: string,
  byDocument: ReadonlyMap<string, readonly EventObservation[]>,
  documentPairs: Iterable<readonly [string, string]>,
  titleOf: (documentId: string) => string,
): Contradiction[] {
  return dateMismatchesFrom(event, groupConflicts(byDocument, documentPairs, EVENT_RULES.disagree, EVENT_RULES.reading), titleOf);
}

/** How dated events are keyed, compared and told apart. */
export const EVENT_RULES: ConflictRules<EventObservation> = {
  keyOf: (item) => item.event,
  disagree,
  reading: (item) => item.date,
};

/** Date-mismatch contradictions from grouped disagreements about one event word. */
export function dateMismatchesFrom(event: string, groups: ReadonlyArray<ConflictGroup<EventObservation>>, titleOf: (documentId: string) => string): Contradiction[] {
  const contradictions: Contradiction[] = [];
  for (const group of groups) {
    const sides = group.readings.map((date) => group.observations.filter((item) => item.date === date));
    sides.sort((x, y) => new Set(x.map((i) => i.documentId)).size - new Set(y.map((i) => i.documentId)).size);
    const dates = sides.map((items) => ({
      date: items[0]!.date,
      precision: items.every((item) => item.precision === 'day') ? ('day' as const) : ('weekday' as const),
      documentIds: [...new Set(items.map((item) => item.documentId))].sort(),
    }));
    // A weekday alone ("on Tuesday") is resolved against the publication date and may be off by a week.
    const weekdayOnly = dates.some((date) => date.precision === 'weekday');
    const bothNamed = group.pairs.some(([a, b]) => a.subject !== undefined && a.subject === b.subject);
    const score = roundScore((bothNamed ? 0.85 : 0.75) * (weekdayOnly ? 0.75 : 1));
    const subject = group.observations.find((item) => item.subject)?.subject;
    const [first, second] = dates as [(typeof dates)[number], (typeof dates)[number]];
    const explanation =
      `Articles date the ${event} differently: ${spokenDate(first.date)} in ${spokenDocuments(first.documentIds, titleOf)}` +
      ` but ${spokenDate(second.date)} in ${spokenDocuments(second.documentIds, titleOf, first.documentIds)}.`;
    const evidence = tidyEvidence(sides.flatMap((items) => items.map(evidenceOf).sort(byPosition)));
    contradictions.push({
      id: contradictionId('date-mismatch', evidence),
      kind: 'date-mismatch',
      score,
      explanation,
      evidence,
      details: { event, ...(subject ? { subject } : {}), dates },
    });
  }
  return contradictions;
}
