/**
 * What the open exports read: the library's records (the same shape a bundle carries) and, for the formats
 * that show them, contradictions as the engine reports them. Only the fields named here are used, so the
 * engine's richer Contradiction type fits as it is.
 */
import type { BundleContents } from '../bundles/bundle-format';

export type ExportLibrary = BundleContents;

export interface ExportEvidence {
  documentId: string;
  /** UTF-16 offsets into the document's canonical text; `quote` is `text.slice(start, end)`. */
  start: number;
  end: number;
  quote: string;
  /** The stored annotation behind this evidence, when there is one. */
  annotationId?: string;
}

export interface ExportContradiction {
  id: string;
  kind: string;
  /** 0..1, how likely a reviewer is to confirm it. */
  score: number;
  explanation: string;
  evidence: readonly ExportEvidence[];
  /** The engine's details; quantity readings (`{ readings: [{ value, upper?, documentIds }] }`) are charted. */
  details?: unknown;
}

/** Human words for the engine's contradiction kinds; unknown kinds are shown as they are. */
export const CONTRADICTION_KIND_LABELS: Record<string, string> = {
  'name-variant': 'Name spelt differently',
  'quantity-mismatch': 'Figures differ',
  'date-mismatch': 'Dates differ',
  'claim-conflict': 'Claims conflict',
};

export function contradictionKindLabel(kind: string): string {
  return CONTRADICTION_KIND_LABELS[kind] ?? kind;
}
