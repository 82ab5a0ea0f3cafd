/**
 * Annotation counts per document and kind for the library, kept current without re-reading the whole
 * [documentId+kind] index after every tag: the first count walks the index once (keys only); after that a
 * write that names its documents re-counts only those (five native count() calls each), and only a write
 * Dexie describes as a range (an import, a clear) walks the index again.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import { changedKeys } from '../store/store-changes';

export type AnnotationCounts = ReadonlyMap<string, Record<AnnotationKind, number>>;

const BY_DOCUMENT_AND_KIND = '[documentId+kind]';
/** Beyond this many changed documents one walk of the index is cheaper than counting each. */
const MAX_RECOUNTED_DOCUMENTS = 50;

function zero(): Record<AnnotationKind, number> {
  return Object.fromEntries(ANNOTATION_KINDS.map((kind) => [kind, 0])) as Record<AnnotationKind, number>;
}

/** Every document's counts, from one key-only pass over the index (no annotation is loaded). */
export async function countAllAnnotations(db: CrosscheckDatabase): Promise<Map<string, Record<AnnotationKind, number>>> {
  const result = new Map<string, Record<AnnotationKind, number>>();
  const keys = (await db.annotations.orderBy(BY_DOCUMENT_AND_KIND).keys()) as unknown as Array<[string, AnnotationKind]>;
  for (const [documentId, kind] of keys) {
    let perKind = result.get(documentId);
    if (!perKind) result.set(documentId, (perKind = zero()));
    perKind[kind]++;
  }
  return result;
}

/** The counts of some documents; a document without annotations gets none (it is left out). */
export async function countAnnotationsOf(db: CrosscheckDatabase, documentIds: Iterable<string>): Promise<Map<string, Record<AnnotationKind, number> | null>> {
  const result = new Map<string, Record<AnnotationKind, number> | null>();
  await db.transaction('r', db.annotations, async () => {
    for (const documentId of documentIds) {
      const perKind = zero();
      const found = await Promise.all(ANNOTATION_KINDS.map((kind) => db.annotations.where(BY_DOCUMENT_AND_KIND).equals([documentId, kind]).count()));
      ANNOTATION_KINDS.forEach((kind, i) => (perKind[kind] = found[i]!));
      result.set(documentId, found.some((n) => n > 0) ? perKind : null);
    }
  });
  return result;
}

/** The library's counts, following every write; undefined until the first count is done. */
export function useAnnotationCounts(db: CrosscheckDatabase, settleMs = 120): AnnotationCounts | undefined {
  const [counts, setCounts] = useState<AnnotationCounts>();

  useEffect(() => {
    let cancelled = false;
    let everything = true;
    const dirty = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let running = false;

    const run = async (): Promise<void> => {
      timer = null;
      if (running || cancelled) return;
      running = true;
      try {
        if (everything || dirty.size > MAX_RECOUNTED_DOCUMENTS) {
          everything = false;
          dirty.clear();
          const all = await countAllAnnotations(db);
          if (!cancelled) setCounts(all);
        } else if (dirty.size > 0) {
          const ids = [...dirty];
          dirty.clear();
          const some = await countAnnotationsOf(db, ids);
          if (!cancelled) {
            setCounts((previous) => {
              const next = new Map(previous);
              for (const [id, perKind] of some) {
                if (perKind) next.set(id, perKind);
                else next.delete(id);
              }
              return next;
            });
          }
        }
      } catch (error) {
        everything = true;
        console.warn('Could not count annotations', error);
      } finally {
        running = false;
        if (!cancelled && (everything || dirty.size > 0) && timer === null) timer = setTimeout(() => void run(), settleMs);
      }
    };

    const listener = (parts: ObservabilitySet): void => {
      const change = changedKeys(parts, db.name, 'annotations', BY_DOCUMENT_AND_KIND);
      if (change === null) return;
      if (change === 'all') everything = true;
      else for (const key of change) if (Array.isArray(key) && typeof key[0] === 'string') dirty.add(key[0]);
      if ((everything || dirty.size > 0) && timer === null) timer = setTimeout(() => void run(), settleMs);
    };
    Dexie.on('storagemutated', listener);
    void run();
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(listener);
    };
  }, [db, settleMs]);

  return counts;
}
