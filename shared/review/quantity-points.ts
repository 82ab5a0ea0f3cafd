/**
 * The points of a quantity-mismatch chart: each figure by the date it refers to. A reading the detector
 * could date (all its mentions share an as-of date) is one point; otherwise its documents are placed by their
 * own dates, since a figure's as-of date defaults to its document's date.
 */
import type { QuantityMismatchDetails } from '../detect/contradiction';
import type { Approximation } from '../model';

export interface QuantityPoint {
  value: number;
  /** Upper end of a range ("20 to 25"). */
  upper?: number;
  approximation: Approximation;
  /** ISO day (YYYY-MM-DD); undefined when neither the figure nor its documents are dated. */
  date?: string;
  documentIds: string[];
}

/** Chart points for a quantity mismatch, by date (undated last), then value. */
export function quantityPoints(details: QuantityMismatchDetails, documentDateOf: (documentId: string) => string | undefined): QuantityPoint[] {
  const points: QuantityPoint[] = [];
  for (const reading of details.readings) {
    const figure = {
      value: reading.value,
      ...(reading.upper !== undefined ? { upper: reading.upper } : {}),
      approximation: reading.approximation,
    };
    if (reading.asOf) {
      points.push({ ...figure, date: reading.asOf.slice(0, 10), documentIds: [...reading.documentIds] });
      continue;
    }
    const byDate = new Map<string | undefined, string[]>();
    for (const id of reading.documentIds) {
      const date = documentDateOf(id)?.slice(0, 10);
      const list = byDate.get(date) ?? [];
      list.push(id);
      byDate.set(date, list);
    }
    for (const [date, documentIds] of byDate) points.push({ ...figure, ...(date ? { date } : {}), documentIds });
  }
  return points.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return 1;
      if (b.date === undefined) return -1;
      return a.date < b.date ? -1 : 1;
    }
    return a.value - b.value;
  });
}
