/**
 * The Crosscheck data model: what the store keeps and what bundles carry.
 * Offsets are UTF-16 code units into a document's canonical text, which never changes after import.
 */

export const ANNOTATION_KINDS = ['claim', 'demand', 'fact', 'entity', 'quantity'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const CLAIM_STATUSES = ['unverified', 'supported', 'refuted', 'disputed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const ENTITY_TYPES = ['person', 'organization', 'place', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const LINK_RELATIONS = ['same-as', 'supports', 'contradicts', 'refers-to'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'docx', 'pdf'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export type AnnotationOrigin = 'user' | 'suggested';

export interface SourceDocument {
  id: string;
  title: string;
  /** Canonical text: NFC, `\n` line ends, paragraphs separated by exactly one blank line. */
  text: string;
  format: SourceFormat;
  /** Hex sha-256 of `text`; two documents with the same text are the same document. */
  sha256: string;
  outlet?: string;
  author?: string;
  url?: string;
  /** ISO date (YYYY-MM-DD) or date-time. */
  publishedAt?: string;
  /** BCP-47 language tag, `und` when unknown. */
  language: string;
  /** ISO date-time. */
  importedAt: string;
}

/** How a figure was hedged in the text: "some 130" is `about`, "at least 30" is `at-least`. */
export const APPROXIMATIONS = ['exact', 'about', 'at-least', 'more-than', 'at-most', 'less-than'] as const;
export type Approximation = (typeof APPROXIMATIONS)[number];

export interface QuantityValue {
  value: number;
  /** Upper end when the text gives a range ("20 to 25"); `value` is then the lower end. */
  upper?: number;
  approximation?: Approximation;
  unit?: string;
  /** Normalised key: counted noun lemma plus sorted qualifiers, e.g. `hostage|live`. */
  key: string;
  /** ISO date the figure refers to; defaults to the document's date. */
  asOf?: string;
}

export interface Annotation {
  id: string;
  documentId: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  /** TextQuote selector: the exact text and up to 32 characters either side. */
  quote: string;
  prefix: string;
  suffix: string;
  origin: AnnotationOrigin;
  /** Verdict of a claim; other kinds keep `unverified`. */
  status: ClaimStatus;
  /** Entity id of who said it. */
  speaker?: string;
  note?: string;
  entityId?: string;
  quantity?: QuantityValue;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** Other names of the same referent: short forms, transliterations, former names. */
  aliases: string[];
  /** Aliases that are known errors (a mistranslated name): kept to find mentions, never flagged again. */
  misspellings?: string[];
}

/** A reviewer's ruling that two names belong to different referents: the resolver never joins them. */
export interface NameDistinction {
  /** Derived from the two names, in sorted order, so that one ruling exists per pair. */
  id: string;
  names: [string, string];
  reviewer: string;
  decidedAt: string;
}

export interface Link {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
  note?: string;
  author: string;
  createdAt: string;
}

export type DecisionStatus = 'confirmed' | 'dismissed' | 'needs-follow-up';

export interface Decision {
  contradictionId: string;
  status: DecisionStatus;
  reason?: string;
  reviewer: string;
  decidedAt: string;
  evidenceHash: string;
}

/** A decision that was replaced by a newer one for the same contradiction (kept for the record). */
export interface DecisionHistoryEntry extends Decision {
  /** Stable across machines: derived from contradiction id, reviewer and time. */
  id: string;
  /** When it stopped being the current decision. */
  supersededAt: string;
}

export const KIND_LABELS: Record<AnnotationKind, string> = {
  claim: 'Claim',
  demand: 'Demand',
  fact: 'Fact',
  entity: 'Entity',
  quantity: 'Quantity',
};
