/** How the review screens name statuses, sorts and score thresholds. Kinds are named by ContradictionList. */
import type { ReviewSort } from '../../shared/review/review-filters';
import type { ReviewStatus } from '../../shared/review/review-status';

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  open: 'Open',
  'needs-follow-up': 'Needs follow-up',
  changed: 'Changed',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
};

export const SORT_LABELS: Record<ReviewSort, string> = {
  score: 'Highest score first',
  kind: 'Kind',
  newest: 'Newest evidence first',
};

/** "Any score", "50% or more". */
export function thresholdLabel(threshold: number): string {
  return threshold === 0 ? 'Any score' : `${Math.round(threshold * 100)}% or more`;
}

/** "6 Mar 2025" from an ISO date or date-time; the input unchanged when it is not one. */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(match[3])} ${months[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}
