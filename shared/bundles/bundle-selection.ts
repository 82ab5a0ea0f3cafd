/**
 * What goes into a bundle: the whole library, chosen documents with exactly what belongs to them, or the
 * evidence of some contradictions. Selections are closed under references (an annotation brings its
 * document and entities; a link comes only with both its ends), so a selection always makes a bundle that
 * readBundle accepts.
 */
import type { Annotation, DecisionHistoryEntry } from '../model';
import type { BundleContents } from './bundle-format';

/** What a selection needs to know of a contradiction: its id and where its evidence is. */
export interface ContradictionEvidenceRef {
  id: string;
  evidence: ReadonlyArray<{ documentId: string; annotationId?: string }>;
}

export type BundleSelection =
  | { kind: 'library' }
  | {
      kind: 'documents';
      documentIds: readonly string[];
      /**
       * The contradictions the app currently sees. A decision belongs to the chosen documents when all the
       * evidence of its contradiction lies in them; without this list no decisions can be attributed, and
       * none are included.
       */
      contradictions?: readonly ContradictionEvidenceRef[];
    }
  | {
      kind: 'evidence';
      /** Annotations that are evidence; each brings its document. */
      annotationIds: readonly string[];
      /** Documents that are evidence without a stored annotation (a suggestion, an untagged span). */
      documentIds: readonly string[];
      /** Contradictions whose decisions (and earlier decisions) should travel with the evidence. */
      contradictionIds?: readonly string[];
    };

function closeOver(library: BundleContents, documentIds: ReadonlySet<string>, annotations: readonly Annotation[], contradictionIds: ReadonlySet<string>): BundleContents {
  const annotationIds = new Set(annotations.map((annotation) => annotation.id));
  const entityIds = new Set<string>();
  for (const annotation of annotations) {
    if (annotation.entityId !== undefined) entityIds.add(annotation.entityId);
    if (annotation.speaker !== undefined) entityIds.add(annotation.speaker);
  }
  const history: DecisionHistoryEntry[] = library.decisionHistory.filter((entry) => contradictionIds.has(entry.contradictionId));
  return {
    documents: library.documents.filter((document) => documentIds.has(document.id)),
    annotations: [...annotations],
    entities: library.entities.filter((entity) => entityIds.has(entity.id)),
    links: library.links.filter((link) => annotationIds.has(link.fromId) && annotationIds.has(link.toId)),
    decisions: library.decisions.filter((decision) => contradictionIds.has(decision.contradictionId)),
    decisionHistory: history,
  };
}

/** The part of `library` that `selection` describes. Unknown ids are ignored. */
export function selectBundleContents(library: BundleContents, selection: BundleSelection): BundleContents {
  if (selection.kind === 'library') {
    return {
      documents: [...library.documents],
      annotations: [...library.annotations],
      entities: [...library.entities],
      links: [...library.links],
      decisions: [...library.decisions],
      decisionHistory: [...library.decisionHistory],
    };
  }
  if (selection.kind === 'documents') {
    const documentIds = new Set(selection.documentIds);
    const annotations = library.annotations.filter((annotation) => documentIds.has(annotation.documentId));
    const contradictionIds = new Set(
      (selection.contradictions ?? [])
        .filter((contradiction) => contradiction.evidence.length > 0 && contradiction.evidence.every((item) => documentIds.has(item.documentId)))
        .map((contradiction) => contradiction.id),
    );
    return closeOver(library, documentIds, annotations, contradictionIds);
  }
  const wanted = new Set(selection.annotationIds);
  const annotations = library.annotations.filter((annotation) => wanted.has(annotation.id));
  const documentIds = new Set([...selection.documentIds, ...annotations.map((annotation) => annotation.documentId)]);
  return closeOver(library, documentIds, annotations, new Set(selection.contradictionIds ?? []));
}

/** The selection in words, for the manifest and the export dialog. */
export function describeSelection(selection: BundleSelection, contents: BundleContents): string {
  const documents = `${contents.documents.length} ${contents.documents.length === 1 ? 'document' : 'documents'}`;
  if (selection.kind === 'library') return `the whole library (${documents})`;
  if (selection.kind === 'documents') return `${documents} chosen`;
  return `evidence from ${documents}`;
}
