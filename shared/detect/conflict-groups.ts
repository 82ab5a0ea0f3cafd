/**
 * Groups pairwise disagreements into contradictions: observations of one key (a quantity, an event, a
 * statement) are compared across related documents; disagreeing pairs with the same two readings and
 * connected through their documents become one contradiction, so "14" in four articles against "about 30"
 * in one is one finding, not four.
 */

export interface Observation {
  documentId: string;
}

export interface ConflictGroup<T> {
  /** The two readings, in a stable order. */
  readings: [string, string];
  /** Every observation that disagrees with one of the other reading. */
  observations: T[];
  /** The disagreeing pairs. */
  pairs: Array<[T, T]>;
}

/**
 * Compares observations in each related document pair (and, when `withinDocuments`, inside one document)
 * and returns the disagreements grouped by pair of readings and by connected documents.
 */
export function groupConflicts<T extends Observation>(
  byDocument: ReadonlyMap<string, readonly T[]>,
  documentPairs: Iterable<readonly [string, string]>,
  disagree: (a: T, b: T) => boolean,
  reading: (item: T) => string,
  withinDocuments = false,
): Array<ConflictGroup<T>> {
  const pairs: Array<[T, T]> = [];
  const compare = (xs: readonly T[], ys: readonly T[], same: boolean): void => {
    for (let i = 0; i < xs.length; i++) {
      for (let j = same ? i + 1 : 0; j < ys.length; j++) if (disagree(xs[i]!, ys[j]!)) pairs.push([xs[i]!, ys[j]!]);
    }
  };
  for (const [a, b] of documentPairs) compare(byDocument.get(a) ?? [], byDocument.get(b) ?? [], false);
  if (withinDocuments) for (const items of byDocument.values()) compare(items, items, true);
  return groupPairs(pairs, reading);
}

/**
 * Groups disagreeing pairs by their two readings and, within that, by connected documents: the same two
 * figures in two unrelated stories are two findings.
 */
export function groupPairs<T extends Observation>(pairs: ReadonlyArray<readonly [T, T]>, reading: (item: T) => string): Array<ConflictGroup<T>> {
  const found = new Map<string, { readings: [string, string]; pairs: Array<[T, T]> }>();
  for (const [x, y] of pairs) {
    const rx = reading(x);
    const ry = reading(y);
    const ordered: [string, string] = rx < ry ? [rx, ry] : [ry, rx];
    const key = `${ordered[0]}\u0000${ordered[1]}`;
    let entry = found.get(key);
    if (!entry) found.set(key, (entry = { readings: ordered, pairs: [] }));
    entry.pairs.push([x, y]);
  }
  const groups: Array<ConflictGroup<T>> = [];
  for (const { readings, pairs: readingPairs } of found.values()) {
    const parent = new Map<string, string>();
    const find = (id: string): string => {
      let root = id;
      while ((parent.get(root) ?? root) !== root) root = parent.get(root)!;
      parent.set(id, root);
      return root;
    };
    for (const [x, y] of readingPairs) {
      const rx = find(x.documentId);
      const ry = find(y.documentId);
      if (rx !== ry) parent.set(rx < ry ? ry : rx, rx < ry ? rx : ry);
    }
    const byRoot = new Map<string, Array<[T, T]>>();
    for (const pair of readingPairs) {
      const root = find(pair[0].documentId);
      let list = byRoot.get(root);
      if (!list) byRoot.set(root, (list = []));
      list.push(pair);
    }
    for (const componentPairs of byRoot.values()) {
      const observations = new Set<T>();
      for (const [x, y] of componentPairs) {
        observations.add(x);
        observations.add(y);
      }
      groups.push({ readings, observations: [...observations], pairs: componentPairs });
    }
  }
  return groups;
}
