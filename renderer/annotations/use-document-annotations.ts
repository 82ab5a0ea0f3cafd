/**
 * The open document's annotations, following the store. A live query would read all of them again after
 * every tag (and track each one's key); this follows the store the way the engine worker does and re-reads
 * only the annotations a write changed, so a tag in a document with 10,000 marks costs one record.
 */
import { startTransition, useEffect, useState } from 'react';
import type { Annotation } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import { followStore } from '../store/store-mirror';

/** undefined until the document's annotations are first read. */
export function useDocumentAnnotations(db: CrosscheckDatabase, documentId: string | null): readonly Annotation[] | undefined {
  const [state, setState] = useState<{ documentId: string; annotations: readonly Annotation[] } | null>(null);

  useEffect(() => {
    if (!documentId) return;
    const mirror = followStore(db, {
      tables: ['annotations'],
      where: { annotations: { index: 'documentId', equals: documentId } },
      // A transition: the reader has already drawn a new tag's mark; lists may follow a frame later.
      onChange: (snapshot) => startTransition(() => setState({ documentId, annotations: snapshot.annotations })),
      onError: (error) => console.warn('Could not read the annotations of', documentId, error),
    });
    return () => mirror.close();
  }, [db, documentId]);

  if (!documentId) return [];
  return state?.documentId === documentId ? state.annotations : undefined;
}
