/**
 * The fingerprint of a flag's evidence, stored with each decision. The contradiction id already fixes which
 * spans are involved (kind + document:start-end of each piece), so the id alone cannot tell that the evidence
 * changed. What a reviewer would recognise as "the evidence changed" under the same id is:
 *  - a quote or span (kept for completeness and for ids from older engines),
 *  - who stands behind a piece: found by extraction, or tagged/accepted and stored as an annotation,
 *  - what the stored annotation says: its kind, the figure (value, range, hedge, unit, key, as-of date),
 *    the claim's verdict (status), its speaker, and the entity a name mention points to.
 * Deliberately left out: annotation ids (untagging and re-tagging the same span the same way changes
 * nothing a reader sees), `updatedAt` (bumped by edits that change nothing), and notes (a reviewer's own
 * commentary, often written while reviewing, which should not send a decided flag back to the queue).
 */
import type { Evidence } from '../detect/contradiction';
import { evidenceKey } from '../detect/contradiction';
import { stableHash } from '../detect/stable-hash';
import type { Annotation } from '../model';

/** What of a stored annotation counts as evidence. */
export type EvidenceAnnotation = Pick<Annotation, 'kind' | 'status' | 'speaker' | 'entityId' | 'quantity'>;

/**
 * Looks up an annotation: the annotation, `null` when it is known not to exist (deleted), `undefined` when
 * it is not known yet (still loading).
 */
export type EvidenceAnnotationLookup = (annotationId: string) => EvidenceAnnotation | null | undefined;

// Bump when the fingerprint's recipe changes: decisions made under the old recipe then read as changed,
// which is the honest answer (we cannot tell whether their evidence is the same).
const RECIPE = 'evidence-v1';

function annotationPart(annotation: EvidenceAnnotation | null): string {
  if (annotation === null) return 'deleted';
  const q = annotation.quantity;
  // Fixed field order, so the fingerprint does not depend on how the object was built. Fields are joined with
  // a control character that does not occur in ids, keys or dates.
  const figure = q ? [q.value, q.upper ?? '', q.approximation ?? 'exact', q.unit ?? '', q.key, q.asOf ?? ''].join('\u001e') : '';
  return `${annotation.kind}\u001f${annotation.status}\u001f${annotation.speaker ?? ''}\u001f${annotation.entityId ?? ''}\u001f${figure}`;
}

/**
 * The evidence fingerprint of a flag: the same for the same evidence in any order, different when any of
 * the things listed in the module comment differ. Undefined while an annotation it needs is still loading.
 */
export function evidenceHash(evidence: readonly Evidence[], annotationOf: EvidenceAnnotationLookup): string | undefined {
  const lines: string[] = [];
  for (const item of evidence) {
    let part = '';
    if (item.annotationId) {
      const annotation = annotationOf(item.annotationId);
      if (annotation === undefined) return undefined;
      part = annotationPart(annotation);
    }
    lines.push(`${evidenceKey(item)}\t${item.origin}\t${item.quote}\t${part}`);
  }
  lines.sort();
  return `${RECIPE}:${stableHash(`${RECIPE}\n${lines.join('\n')}`)}`;
}
