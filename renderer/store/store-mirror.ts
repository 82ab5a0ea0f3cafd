/**
 * An in-memory copy of some of the store's tables that follows every committed write by re-reading only the
 * records the write changed (see store-changes.ts). The engine worker keeps one: tagging one span in a
 * document with 10,000 annotations re-reads one annotation, not 10,000 plus every document's text.
 *
 * Writes arriving close together are applied as one batch, and batches never overlap, so the listener sees
 * each consistent state at most once and always ends up with the store's latest state.
 */
import Dexie, { type ObservabilitySet, type Table } from 'dexie';
import type { CrosscheckDatabase } from './database';
import { changedKeys, type PartChange } from './store-changes';

type TablesOf<D> = { [K in keyof D as D[K] extends Table<unknown, string> ? K : never]: D[K] };
export type MirroredTable = keyof TablesOf<CrosscheckDatabase> & string;
type RecordOf<T extends MirroredTable> = CrosscheckDatabase[T] extends Table<infer R, string> ? R : never;

export type MirrorSnapshot<T extends MirroredTable> = { [K in T]: RecordOf<K>[] };

export interface StoreMirrorOptions<T extends MirroredTable> {
  tables: readonly T[];
  /** Keeps only the records whose field equals a value (an indexed field), e.g. one document's annotations. */
  where?: { [K in T]?: { index: string & keyof RecordOf<K>; equals: string } };
  /** Called with the whole mirrored state after the first load and after each batch of changes. */
  onChange(snapshot: MirrorSnapshot<T>, changedTables: ReadonlySet<T>): void;
  onError(error: unknown): void;
  /** How long to wait for more writes before re-reading; 0 applies on the next task. */
  settleMs?: number;
}

export interface StoreMirror {
  /** Stops following the store. */
  close(): void;
}

function merge(a: PartChange | undefined, b: PartChange): PartChange {
  if (a === undefined) return b;
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

export function followStore<T extends MirroredTable>(db: CrosscheckDatabase, options: StoreMirrorOptions<T>): StoreMirror {
  const copies = new Map<T, Map<string, RecordOf<T>>>(options.tables.map((table) => [table, new Map()]));
  // Until the first load, every table counts as changed; writes during a load are applied after it.
  let pending = new Map<T, PartChange>(options.tables.map((table) => [table, 'all']));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let closed = false;

  const table = (name: T): Table<RecordOf<T>, string> => db.table(name);
  const inScope = (name: T, record: RecordOf<T>): boolean => {
    const where = options.where?.[name];
    return !where || (record as Record<string, unknown>)[where.index] === where.equals;
  };

  async function apply(): Promise<void> {
    timer = null;
    if (running || closed || pending.size === 0) return;
    running = true;
    const batch = pending;
    pending = new Map();
    try {
      await db.transaction('r', [...batch.keys()].map(table), async () => {
        for (const [name, change] of batch) {
          const copy = copies.get(name)!;
          if (change === 'all') {
            const where = options.where?.[name];
            const records = await (where ? table(name).where(where.index).equals(where.equals).toArray() : table(name).toArray());
            copy.clear();
            for (const record of records) copy.set((record as { id: string }).id, record);
            continue;
          }
          const keys = [...change].filter((key): key is string => typeof key === 'string');
          const records = await table(name).bulkGet(keys);
          keys.forEach((key, i) => {
            const record = records[i];
            if (record === undefined || !inScope(name, record)) copy.delete(key);
            else copy.set(key, record);
          });
        }
      });
      if (closed) return;
      const snapshot = Object.fromEntries([...copies].map(([name, copy]) => [name, [...copy.values()]])) as MirrorSnapshot<T>;
      options.onChange(snapshot, new Set(batch.keys()));
    } catch (error) {
      // Read again next time rather than keep a copy that may have missed this batch.
      for (const [name, change] of batch) pending.set(name, merge(pending.get(name), change));
      options.onError(error);
    } finally {
      running = false;
      if (pending.size > 0 && !closed) schedule();
    }
  }

  function schedule(): void {
    if (timer === null && !running) timer = setTimeout(() => void apply(), options.settleMs ?? 0);
  }

  const listener = (parts: ObservabilitySet): void => {
    for (const name of options.tables) {
      const change = changedKeys(parts, db.name, name);
      if (change === null) continue;
      if (change !== 'all' && change.size === 0) continue;
      pending.set(name, merge(pending.get(name), change));
    }
    if (pending.size > 0) schedule();
  };
  Dexie.on('storagemutated', listener);
  schedule();

  return {
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(listener);
    },
  };
}
