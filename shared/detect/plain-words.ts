/**
 * How explanations name things for a fact-checker: documents by title, dates as "4 March 2025", figures
 * with their hedges ("about 30", "at least 30", "20 to 25"), lists with "and".
 */
import type { Approximation } from '../model';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-03-04" → "4 March 2025". */
export function spokenDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

const HEDGE: Record<Approximation, string> = {
  exact: '',
  about: 'about ',
  'at-least': 'at least ',
  'more-than': 'more than ',
  'at-most': 'up to ',
  'less-than': 'fewer than ',
};

/** A figure as a reader would say it. */
export function spokenFigure(value: number, approximation: Approximation = 'exact', upper?: number): string {
  // Thousands separators by hand: toLocaleString is slow, and this runs for every finding.
  const number = (n: number): string => {
    const [whole, fraction] = String(n).split('.');
    const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction ? `${grouped}.${fraction}` : grouped;
  };
  const core = upper !== undefined ? `${number(value)} to ${number(upper)}` : number(value);
  return `${HEDGE[approximation]}${core}`;
}

/**
 * “Title” for one document, "3 documents" for several; "3 other documents" when `besides` (documents
 * named just before) are not among them.
 */
export function spokenDocuments(documentIds: readonly string[], titleOf: (id: string) => string, besides: readonly string[] = []): string {
  const unique = [...new Set(documentIds)];
  if (unique.length === 1) return `“${titleOf(unique[0]!)}”`;
  const other = besides.length > 0 && !unique.some((id) => besides.includes(id)) ? 'other ' : '';
  return `${unique.length} ${other}documents`;
}

/** "a, b and c". */
export function spokenList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
