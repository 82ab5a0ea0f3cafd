/**
 * Where a flag stands for the reviewer: derived from the stored decision (if any) and the evidence as it is
 * now. A decision holds only while the evidence it was made on is unchanged; otherwise the flag is `changed`
 * and goes back to the queue, whatever the decision was.
 */
import type { Decision } from '../model';

export const REVIEW_STATUSES = ['open', 'needs-follow-up', 'changed', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What the queue shows until the reviewer asks for more: everything that still needs someone. */
export const STATUSES_NEEDING_REVIEW: readonly ReviewStatus[] = ['open', 'needs-follow-up', 'changed'];

/**
 * The status of a flag. `currentHash` is the evidence hash now; undefined when it cannot be computed yet
 * (the annotations behind the evidence are still loading), in which case the decision is taken as it is
 * rather than flashing every decided flag as changed.
 */
export function reviewStatus(decision: Pick<Decision, 'status' | 'evidenceHash'> | undefined, currentHash: string | undefined): ReviewStatus {
  if (!decision) return 'open';
  if (currentHash !== undefined && decision.evidenceHash !== currentHash) return 'changed';
  return decision.status;
}

/** Whether a flag in this status still needs a reviewer (the Review badge counts these). */
export function needsReview(status: ReviewStatus): boolean {
  return STATUSES_NEEDING_REVIEW.includes(status);
}

/** The reasons offered when dismissing a flag, most common first; the first is the default. */
export const DISMISS_REASONS = ['same value at different times', 'different scope', 'not the same entity', 'extraction error'] as const;
