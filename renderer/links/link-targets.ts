/**
 * Finding the other end of a link: any stored annotation in the library each of whose words the user typed
 * begins a word of its quote or of its document's title. A read over the quote word index, not a command;
 * it never writes.
 */
import type { Annotation, SourceDocument } from '../../shared/model';
import { searchWords, type CrosscheckDatabase, type QuoteWords } from '../store/database';

/** The words of a query, folded like the quotes and titles they are compared with (case and accents ignored). */
export function queryWords(query: string): string[] {
  return searchWords(query);
}

/**
 * Up to `limit` annotations matching every word of `query` (as the start of a word) in their quote or their
 * document's title, other than `excludeId`, in story order (document date, then position). An empty query
 * finds nothing.
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
  const titleWords = new Map<string, string[]>();
  const titleOf = (documentId: string): string[] => {
    let title = titleWords.get(documentId);
    if (title === undefined) titleWords.set(documentId, (title = searchWords(documents.get(documentId)?.title ?? '')));
    return title;
  };
  const begins = (candidates: readonly string[], word: string) => candidates.some((candidate) => candidate.startsWith(word));
  const matches = (row: QuoteWords): boolean =>
    row.id !== excludeId && words.every((word) => begins(row.words, word) || begins(titleOf(row.documentId), word));

  // Candidates come from one word, the seed: its entries in the index, plus the annotations of documents whose
  // title has it; each candidate is then checked against the other words. The seed is the word that brings
  // the fewest candidates (counting index entries is cheap; a title match can bring a whole document).
  const plans = await Promise.all(
    words.map(async (word) => ({
      word,
      inQuotes: await db.quoteWords.where('words').startsWith(word).count(),
      inTitles: [...documents.keys()].filter((documentId) => begins(titleOf(documentId), word)),
    })),
  );
  // A word that begins no quote word and no title word: nothing can match.
  if (plans.some((plan) => plan.inQuotes === 0 && plan.inTitles.length === 0)) return [];
  const seed = plans.reduce((best, plan) =>
    (plan.inTitles.length === 0) !== (best.inTitles.length === 0) ? (plan.inTitles.length === 0 ? plan : best) : plan.inQuotes < best.inQuotes ? plan : best,
  );
  const found = seed.inQuotes === 0 ? [] : await db.quoteWords.where('words').startsWith(seed.word).distinct().filter(matches).limit(limit).toArray();
  if (found.length < limit && seed.inTitles.length > 0) {
    const seen = new Set(found.map((row) => row.id));
    found.push(...(await db.quoteWords.where('documentId').anyOf(seed.inTitles).filter((row) => !seen.has(row.id) && matches(row)).limit(limit - found.length).toArray()));
  }
  const annotations = (await db.annotations.bulkGet(found.map((row) => row.id))).filter((annotation): annotation is Annotation => annotation !== undefined);
  const dateOf = (annotation: Annotation): string => documents.get(annotation.documentId)?.publishedAt ?? '\uffff';
  const titleText = (annotation: Annotation): string => documents.get(annotation.documentId)?.title ?? '';
  return annotations.sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || titleText(a).localeCompare(titleText(b)) || a.start - b.start);
}
