/**
 * Finding the other end of a link: any stored annotation in the library whose quote or document title has
 * every word the user typed. A read, not a command; it never writes.
 */
import type { Annotation, SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';

/** Lowercase words of a query, folded like the texts they are compared with. */
export function queryWords(query: string): string[] {
  return query.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Up to `limit` annotations matching every word of `query` in their quote or their document's title, other
 * than `excludeId`, in story order (document date, then position). An empty query finds nothing.
 */
export async function findLinkTargets(
  db: CrosscheckDatabase,
  documents: ReadonlyMap<string, SourceDocument>,
  query: string,
  excludeId: string,
  limit = 20,
): Promise<Annotation[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const titles = new Map<string, string>();
  const titleOf = (documentId: string): string => {
    let title = titles.get(documentId);
    if (title === undefined) titles.set(documentId, (title = (documents.get(documentId)?.title ?? '').normalize('NFC').toLowerCase()));
    return title;
  };
  // Quotes have no word index, so this is a scan; it stops at `limit` matches and the caller runs it only
  // once typing pauses, which keeps it quick for the words people actually look for.
  const found = await db.annotations
    .filter((annotation) => {
      if (annotation.id === excludeId) return false;
      const haystack = `${annotation.quote.normalize('NFC').toLowerCase()}\n${titleOf(annotation.documentId)}`;
      return words.every((word) => haystack.includes(word));
    })
    .limit(limit)
    .toArray();
  const dateOf = (annotation: Annotation): string => documents.get(annotation.documentId)?.publishedAt ?? '\uffff';
  return found.sort(
    (a, b) =>
      dateOf(a).localeCompare(dateOf(b)) || titleOf(a.documentId).localeCompare(titleOf(b.documentId)) || a.start - b.start,
  );
}
