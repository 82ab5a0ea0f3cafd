/** How many contradictions still need a reviewer: shown as the badge on the Review view. */
import { useMemo } from 'react';
import type { Contradiction } from '../../shared/detect/contradiction';
import { needsReview, reviewStatus } from '../../shared/review/review-status';
import type { CrosscheckDatabase } from '../store/database';
import { useReviewRecords } from './use-review-records';

/**
 * The flags the engine reports that are undecided, marked for follow-up, or whose evidence changed since
 * they were decided. Undefined until the engine and the store have answered.
 */
export function useOpenContradictionCount(db: CrosscheckDatabase, contradictions: readonly Contradiction[] | undefined): number | undefined {
  const records = useReviewRecords(db, contradictions);
  return useMemo(() => {
    if (!contradictions || !records) return undefined;
    let open = 0;
    for (const contradiction of contradictions) {
      if (needsReview(reviewStatus(records.decisions.get(contradiction.id), records.hashes.get(contradiction.id)))) open++;
    }
    return open;
  }, [contradictions, records]);
}
