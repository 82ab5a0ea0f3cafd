/**
 * What the engine reports: a contradiction between documents, with the evidence a fact-checker reads and
 * the details the review screen shows. Contradictions are derived from annotations and texts, never stored;
 * only the reviewer's decision about one is, under its id.
 */
import type { Approximation, AnnotationOrigin, EntityType } from '../model';
import { stableHash } from './stable-hash';

export const CONTRADICTION_KINDS = ['name-variant', 'quantity-mismatch', 'date-mismatch', 'claim-conflict'] as const;
export type ContradictionKind = (typeof CONTRADICTION_KINDS)[number];

export interface Evidence {
  documentId: string;
  /** The annotation behind this evidence, when it is one in the store (user's, or a stored suggestion). */
  annotationId?: string;
  /** UTF-16 offsets into the document's canonical text; `quote` is exactly `text.slice(start, end)`. */
  start: number;
  end: number;
  quote: string;
  /** `user` when a person tagged it, `suggested` when extraction found it. */
  origin: AnnotationOrigin;
}

export interface NameForm {
  name: string;
  documents: Array<{ documentId: string; mentions: number }>;
  mentions: number;
}

export interface NameVariantDetails {
  entityType: Exclude<EntityType, 'other'>;
  /** Every spelling in the cluster, most used first. */
  forms: NameForm[];
  /** The spelling used most. */
  expected: string;
  /** The rarer spelling, likely the error; undefined when both are equally common. */
  suspect?: string;
  /** Why the resolver takes these for one referent. */
  reasons: string[];
}

export interface QuantityReading {
  value: number;
  upper?: number;
  approximation: Approximation;
  asOf?: string;
  documentIds: string[];
}

export interface QuantityMismatchDetails {
  key: string;
  /** The key in words ("trapped miners"). */
  description: string;
  readings: QuantityReading[];
  /** The disagreeing figures refer to different dates: the difference may be a change over time. */
  datesDiffer: boolean;
}

export interface DateMismatchDetails {
  event: string;
  subject?: string;
  dates: Array<{ date: string; precision: 'day' | 'weekday'; documentIds: string[] }>;
}

export interface ClaimStatement {
  documentId: string;
  quote: string;
  polarity?: 'affirmed' | 'denied';
}

export interface ClaimConflictDetails {
  /** `link`: a person linked the two claims as contradicting; `polarity`: opposite statements found. */
  source: 'link' | 'polarity';
  key?: string;
  linkId?: string;
  note?: string;
  statements: ClaimStatement[];
}

interface ContradictionBase {
  /** Deterministic: kind plus a hash of the sorted evidence keys. */
  id: string;
  /** 0..1, how likely a reviewer is to confirm it. */
  score: number;
  /** One plain sentence a fact-checker understands. */
  explanation: string;
  evidence: Evidence[];
}

export type Contradiction =
  | (ContradictionBase & { kind: 'name-variant'; details: NameVariantDetails })
  | (ContradictionBase & { kind: 'quantity-mismatch'; details: QuantityMismatchDetails })
  | (ContradictionBase & { kind: 'date-mismatch'; details: DateMismatchDetails })
  | (ContradictionBase & { kind: 'claim-conflict'; details: ClaimConflictDetails });

/** What a detector observed where: any mention with a place in a document. */
export interface EvidenceSource {
  documentId: string;
  annotationId?: string;
  start: number;
  end: number;
  quote: string;
  origin: AnnotationOrigin;
}

/** The evidence for one observation. */
export function toEvidence(item: EvidenceSource): Evidence {
  return {
    documentId: item.documentId,
    ...(item.annotationId ? { annotationId: item.annotationId } : {}),
    start: item.start,
    end: item.end,
    quote: item.quote,
    origin: item.origin,
  };
}

/** The key of one piece of evidence: document and span, independent of annotation ids. */
export function evidenceKey(evidence: Evidence): string {
  return `${evidence.documentId}:${evidence.start}-${evidence.end}`;
}

/** The deterministic id of a contradiction of `kind` with this evidence, in any order. */
export function contradictionId(kind: ContradictionKind, evidence: readonly Evidence[]): string {
  const keys = [...new Set(evidence.map(evidenceKey))].sort();
  return `${kind}:${stableHash(`${kind}\n${keys.join('\n')}`)}`;
}

/** Orders evidence by document then offset. */
export function byPosition(a: Evidence, b: Evidence): number {
  return a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start;
}

/**
 * Drops duplicate evidence, keeping the given order: detectors list the side to check first (the rarer
 * spelling, the outlying figure), each side by position.
 */
export function tidyEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const item of evidence) {
    const key = evidenceKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** Clamps a score into [0, 1] with three decimals, so output is stable across platforms. */
export function roundScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/**
 * Every document a contradiction involves: its evidence (a sample, capped for long lists) and the documents
 * its details count, such as every article using a spelling or giving a figure.
 */
export function involvedDocumentIds(contradiction: Contradiction): string[] {
  const ids = new Set(contradiction.evidence.map((evidence) => evidence.documentId));
  switch (contradiction.kind) {
    case 'name-variant':
      for (const form of contradiction.details.forms) for (const document of form.documents) ids.add(document.documentId);
      break;
    case 'quantity-mismatch':
      for (const reading of contradiction.details.readings) for (const id of reading.documentIds) ids.add(id);
      break;
    case 'date-mismatch':
      for (const date of contradiction.details.dates) for (const id of date.documentIds) ids.add(id);
      break;
    case 'claim-conflict':
      for (const statement of contradiction.details.statements) ids.add(statement.documentId);
      break;
  }
  return [...ids];
}
