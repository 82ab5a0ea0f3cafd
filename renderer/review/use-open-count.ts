/** How many contradictions still need a reviewer: shown as the badge on the Review view. */
import type { Contradiction } from '../../shared/detect/contradiction';
import type { CrosscheckDatabase } from '../store/database';

export function useOpenContradictionCount(_db: CrosscheckDatabase, contradictions: readonly Contradiction[] | undefined): number | undefined {
  return contradictions?.length;
}
