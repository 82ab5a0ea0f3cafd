import { describe, expect, it } from 'vitest';
import type { QuantityMismatchDetails } from '../../../../shared/detect/contradiction';
import { quantityPoints } from '../../../../shared/review/quantity-points';

const dates: Record<string, string> = { wire: '2025-03-05', ledger: '2025-03-06', post: '2025-03-06T10:00:00Z', times: '2025-03-07' };

describe('quantityPoints', () => {
  it('places a dated reading at its as-of date and spreads an undated one over its documents’ dates', () => {
    const details: QuantityMismatchDetails = {
      key: 'miner|trapped',
      description: 'trapped miners',
      datesDiffer: false,
      readings: [
        { value: 30, approximation: 'about', asOf: '2025-03-06', documentIds: ['ledger'] },
        { value: 14, approximation: 'exact', documentIds: ['wire', 'post', 'times', 'blog'] },
      ],
    };
    expect(quantityPoints(details, (id) => dates[id])).toEqual([
      { value: 14, approximation: 'exact', date: '2025-03-05', documentIds: ['wire'] },
      { value: 14, approximation: 'exact', date: '2025-03-06', documentIds: ['post'] },
      { value: 30, approximation: 'about', date: '2025-03-06', documentIds: ['ledger'] },
      { value: 14, approximation: 'exact', date: '2025-03-07', documentIds: ['times'] },
      // A document with no date is plotted as undated, last.
      { value: 14, approximation: 'exact', documentIds: ['blog'] },
    ]);
  });

  it('keeps ranges and hedges so the chart can draw them as approximate', () => {
    const details: QuantityMismatchDetails = {
      key: 'worker|evacuated',
      description: 'evacuated workers',
      datesDiffer: true,
      readings: [
        { value: 20, upper: 25, approximation: 'exact', asOf: '2025-03-04', documentIds: ['wire'] },
        { value: 40, approximation: 'at-least', asOf: '2025-03-05', documentIds: ['ledger'] },
      ],
    };
    expect(quantityPoints(details, () => undefined)).toEqual([
      { value: 20, upper: 25, approximation: 'exact', date: '2025-03-04', documentIds: ['wire'] },
      { value: 40, approximation: 'at-least', date: '2025-03-05', documentIds: ['ledger'] },
    ]);
  });
});
