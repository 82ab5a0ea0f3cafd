/** What the views hand each other: a place in a document to open, and a list of mentions to show. */
import type { Evidence } from '../../shared/detect/contradiction';

/** A span to open in the reader; `annotationId` when it is a stored annotation. */
export type DocumentPlace = Pick<Evidence, 'documentId' | 'start' | 'end'> & { annotationId?: string };

/** Every mention across the corpus of one entity, or of one quantity key. */
export type MentionsQuery = { kind: 'entity'; entityId: string } | { kind: 'quantity'; key: string };

/** Which annotations, documents and contradictions an evidence bundle carries. */
export interface EvidenceSelection {
  annotationIds: string[];
  documentIds: string[];
  contradictionIds: string[];
}
