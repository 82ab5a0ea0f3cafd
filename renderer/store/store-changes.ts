/**
 * What a committed write changed, read from Dexie's `storagemutated` event (fired in this context for its
 * own writes and, through a BroadcastChannel, for writes made by other windows and workers).
 *
 * Dexie describes a change as an ObservabilitySet: one interval tree per `idb://<db>/<table>/<index>` part,
 * with single keys as intervals whose ends are equal. Small writes list exact keys; bulk writes, clears and
 * range deletes list ranges. Readers that keep copies use exact keys to re-read only those records, and fall
 * back to reading the whole table when Dexie could only say "somewhere in this range" — so a change in
 * Dexie's bookkeeping can cost speed, never correctness.
 */
import { cmp, type IndexableType, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';

/** Exact keys that changed (added, updated or deleted), or 'all' when only a range is known. */
export type PartChange = ReadonlySet<IndexableType> | 'all';

function isNode(tree: IntervalTree | null | undefined): tree is IntervalTreeNode {
  return !!tree && 'from' in tree;
}

/** Every key of the tree, or 'all' when any interval is wider than one key. */
export function keysOfTree(tree: IntervalTree): PartChange {
  const keys = new Set<IndexableType>();
  // Iterative in-order walk: works on Dexie's RangeSet and on the plain objects a BroadcastChannel delivers.
  const stack: IntervalTreeNode[] = [];
  let node: IntervalTreeNode | null | undefined = isNode(tree) ? tree : null;
  while (node || stack.length > 0) {
    while (node) {
      stack.push(node);
      node = isNode(node.l) ? node.l : null;
    }
    const current = stack.pop()!;
    if (cmp(current.from, current.to) !== 0) return 'all';
    keys.add(current.from);
    node = isNode(current.r) ? current.r : null;
  }
  return keys;
}

/**
 * What changed in `table` (primary keys, or the values of `index` when given): null when the write did not
 * touch the table, an empty set when it touched the table but not that index, 'all' when only ranges are
 * known or Dexie kept no account of the index (it skips that for bulk writes).
 */
export function changedKeys(parts: ObservabilitySet, databaseName: string, table: string, index = ''): PartChange | null {
  // Dexie signals "everything may have changed" (e.g. a page restored from the back/forward cache) with 'all'.
  if ('all' in parts) return 'all';
  const prefix = `idb://${databaseName}/${table}/`;
  const primary = parts[prefix];
  if (!primary || !isNode(primary)) return null;
  const followed = index === '' ? [primary, parts[`${prefix}:dels`]] : [parts[`${prefix}${index}`]];
  if (followed[0] === undefined) return 'all';
  const keys = new Set<IndexableType>();
  for (const tree of followed) {
    if (!tree || !isNode(tree)) continue;
    const found = keysOfTree(tree);
    if (found === 'all') return 'all';
    for (const key of found) keys.add(key);
  }
  return keys;
}
