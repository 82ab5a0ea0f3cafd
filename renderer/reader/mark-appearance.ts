/**
 * How a mark looks: marks in the editor carry ids only; this gives their DOM element the kinds of those
 * annotations. One kind paints one colour; overlapping kinds paint stacked bands, so overlaps are visible.
 */
import type { Annotation } from '../../shared/model';

/** Covering annotations ordered innermost (shortest) first. */
export function orderInnermostFirst(ids: readonly string[], byId: ReadonlyMap<string, Annotation>): Annotation[] {
  return ids
    .map((id) => byId.get(id))
    .filter((a): a is Annotation => a !== undefined)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

export function decorateMarkElement(element: HTMLElement, ids: readonly string[], byId: ReadonlyMap<string, Annotation>): void {
  const covering = orderInnermostFirst(ids, byId);
  const kinds = [...new Set(covering.map((a) => a.kind))];
  element.dataset.annotationIds = ids.join(' ');
  element.dataset.kinds = kinds.join(' ');
  element.classList.toggle('mark-overlap', ids.length > 1);
  for (const name of [...element.classList]) if (name.startsWith('mark-kind-')) element.classList.remove(name);
  if (kinds[0]) element.classList.add(`mark-kind-${kinds[0]}`);
  const bands = kinds.map((kind, i) => {
    const from = (i * 100) / kinds.length;
    const to = ((i + 1) * 100) / kinds.length;
    return `var(--kind-${kind}-bg) ${from}% ${to}%`;
  });
  element.style.setProperty('background-image', bands.length > 1 ? `linear-gradient(to bottom, ${bands.join(', ')})` : 'none');
}
