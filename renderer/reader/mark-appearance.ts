/**
 * How a mark looks: marks in the editor carry ids only; this gives their DOM element the kinds of those
 * annotations. One kind paints one colour; overlapping kinds paint stacked bands, so overlaps are visible.
 */
import type { Annotation } from '../../shared/model';

/** Finds an annotation by id: a Map, or a Map with a few more (marks not yet saved) in front of it. */
export type AnnotationLookup = Pick<ReadonlyMap<string, Annotation>, 'get'>;

/** Covering annotations ordered innermost (shortest) first. */
export function orderInnermostFirst(ids: readonly string[], byId: AnnotationLookup): Annotation[] {
  return ids
    .map((id) => byId.get(id))
    .filter((a): a is Annotation => a !== undefined)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** The id of the transient mark that shows a piece of evidence which is not a stored annotation. */
export const FOCUS_SPAN_ID = 'focus';

/**
 * Gives a mark element its kinds. `pending` holds ids of suggestions not yet accepted: drawn dashed, so the
 * user tells a proposal from a decision.
 */
export function decorateMarkElement(
  element: HTMLElement,
  ids: readonly string[],
  byId: AnnotationLookup,
  pending: ReadonlySet<string> = new Set(),
): void {
  const covering = orderInnermostFirst(ids, byId);
  element.classList.toggle('mark-focus', ids.includes(FOCUS_SPAN_ID));
  element.classList.toggle('mark-suggested', ids.length > 0 && ids.every((id) => pending.has(id) || id === FOCUS_SPAN_ID) && ids.some((id) => pending.has(id)));
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
