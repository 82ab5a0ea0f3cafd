/**
 * The `.crosscheck` bundle format, version 1: a zip archive with `manifest.json` and one NDJSON part per
 * record type. Every record passes these schemas on the way in (and on the way out, so Crosscheck never
 * writes a bundle it would refuse to read).
 *
 * Why NDJSON (one JSON record per line) rather than one JSON array per part: a library of a million
 * annotations is several hundred megabytes of JSON, beyond the longest string a JavaScript engine will
 * build; lines are encoded and decoded a block at a time, progress is counted per record, and an error can
 * name the line. Any JSON tool still reads each line.
 */
import { z } from 'zod';
import {
  ANNOTATION_KINDS,
  APPROXIMATIONS,
  CLAIM_STATUSES,
  ENTITY_TYPES,
  LINK_RELATIONS,
  SOURCE_FORMATS,
  type Annotation,
  type Decision,
  type DecisionHistoryEntry,
  type Entity,
  type Link,
  type SourceDocument,
} from '../model';

export const BUNDLE_FORMAT = 'crosscheck-bundle';
/** Raised only when an older Crosscheck could not read the new files correctly. */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.crosscheck';
export const MANIFEST_FILE = 'manifest.json';

/** Everything a bundle carries; also the shape of "the library" for selection and merging. */
export interface BundleContents {
  documents: SourceDocument[];
  annotations: Annotation[];
  entities: Entity[];
  links: Link[];
  decisions: Decision[];
  decisionHistory: DecisionHistoryEntry[];
}

export type RecordType = keyof BundleContents;

/** In the order they are written, read and reported (what is referred to before what refers to it). */
export const RECORD_TYPES: readonly RecordType[] = ['documents', 'entities', 'annotations', 'links', 'decisions', 'decisionHistory'];

export const PART_FILES: Record<RecordType, string> = {
  documents: 'documents.ndjson',
  entities: 'entities.ndjson',
  annotations: 'annotations.ndjson',
  links: 'links.ndjson',
  decisions: 'decisions.ndjson',
  decisionHistory: 'decision-history.ndjson',
};

/** Singular and plural words for messages and reports. */
export const RECORD_WORDS: Record<RecordType, { one: string; many: string }> = {
  documents: { one: 'document', many: 'documents' },
  entities: { one: 'entity', many: 'entities' },
  annotations: { one: 'annotation', many: 'annotations' },
  links: { one: 'link', many: 'links' },
  decisions: { one: 'decision', many: 'decisions' },
  decisionHistory: { one: 'earlier decision', many: 'earlier decisions' },
};

export function emptyContents(): BundleContents {
  return { documents: [], annotations: [], entities: [], links: [], decisions: [], decisionHistory: [] };
}

const id = z.string().min(1, 'must not be empty');
const text = z.string();
const dateTime = z.iso.datetime({ offset: true, error: 'must be an ISO date-time such as 2025-03-06T09:30:00Z' });
// As the importers produce it: a date, or a date-time with or without an offset.
const publishedDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date (2025-03-06) or date-time');
const offset = z.number().int('must be a whole number').nonnegative('must not be negative');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha-256 in lowercase hexadecimal');

export const documentSchema = z.object({
  id,
  title: text,
  text,
  format: z.enum(SOURCE_FORMATS),
  sha256,
  outlet: text.optional(),
  author: text.optional(),
  url: text.optional(),
  publishedAt: publishedDate.optional(),
  language: z.string().min(1, 'must not be empty (use “und” when unknown)'),
  importedAt: dateTime,
}) satisfies z.ZodType<SourceDocument>;

const quantitySchema = z.object({
  value: z.number(),
  upper: z.number().optional(),
  approximation: z.enum(APPROXIMATIONS).optional(),
  unit: text.optional(),
  key: id,
  asOf: publishedDate.optional(),
});

export const annotationSchema = z
  .object({
    id,
    documentId: id,
    kind: z.enum(ANNOTATION_KINDS),
    start: offset,
    end: offset,
    quote: z.string().min(1, 'must not be empty'),
    prefix: text,
    suffix: text,
    origin: z.enum(['user', 'suggested']),
    status: z.enum(CLAIM_STATUSES),
    speaker: id.optional(),
    note: text.optional(),
    entityId: id.optional(),
    quantity: quantitySchema.optional(),
    author: text,
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .refine((annotation) => annotation.start < annotation.end, { message: 'must end after it starts', path: ['end'] }) satisfies z.ZodType<Annotation>;

export const entitySchema = z.object({
  id,
  name: z.string().min(1, 'must not be empty'),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(text),
}) satisfies z.ZodType<Entity>;

export const linkSchema = z.object({
  id,
  fromId: id,
  toId: id,
  relation: z.enum(LINK_RELATIONS),
  note: text.optional(),
  author: text,
  createdAt: dateTime,
}) satisfies z.ZodType<Link>;

const decisionShape = {
  contradictionId: id,
  status: z.enum(['confirmed', 'dismissed', 'needs-follow-up']),
  reason: text.optional(),
  reviewer: text,
  decidedAt: dateTime,
  evidenceHash: text,
};

export const decisionSchema = z.object(decisionShape) satisfies z.ZodType<Decision>;

export const decisionHistorySchema = z.object({ ...decisionShape, id, supersededAt: dateTime }) satisfies z.ZodType<DecisionHistoryEntry>;

export const RECORD_SCHEMAS: { [T in RecordType]: z.ZodType<BundleContents[T][number]> } = {
  documents: documentSchema,
  entities: entitySchema,
  annotations: annotationSchema,
  links: linkSchema,
  decisions: decisionSchema,
  decisionHistory: decisionHistorySchema,
};

/** The primary key of a record of each type (decisions are kept one per contradiction). */
export const RECORD_KEYS: { [T in RecordType]: (record: BundleContents[T][number]) => string } = {
  documents: (record) => record.id,
  entities: (record) => record.id,
  annotations: (record) => record.id,
  links: (record) => record.id,
  decisions: (record) => record.contradictionId,
  decisionHistory: (record) => record.id,
};

const count = z.number().int().nonnegative();
const partSchema = (file: string) => z.object({ file: z.literal(file), sha256, bytes: count });

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().min(1, 'must not be empty'),
  createdBy: text,
  createdAt: dateTime,
  /** What was exported, in words ("the whole library", "3 documents"). */
  selection: text.optional(),
  counts: z.object({
    documents: count,
    entities: count,
    annotations: count,
    links: count,
    decisions: count,
    decisionHistory: count,
  }),
  parts: z.object({
    documents: partSchema(PART_FILES.documents),
    entities: partSchema(PART_FILES.entities),
    annotations: partSchema(PART_FILES.annotations),
    links: partSchema(PART_FILES.links),
    decisions: partSchema(PART_FILES.decisions),
    decisionHistory: partSchema(PART_FILES.decisionHistory),
  }),
});

export type BundleManifest = z.infer<typeof manifestSchema>;

/** A bundle that passed every check: safe to plan a merge from. */
export interface ParsedBundle {
  manifest: BundleManifest;
  contents: BundleContents;
}

/** Who wrote a bundle and what it holds, given by the caller of writeBundle. */
export interface BundleMeta {
  appVersion: string;
  createdBy: string;
  /** ISO date-time; now when absent. */
  createdAt?: string;
  selection?: string;
}

export type BundleStage = 'collecting' | 'encoding' | 'packing' | 'unpacking' | 'checking' | 'merging' | 'writing';

/** `done` of `total` units (bytes while packing and unpacking, records otherwise) of one stage. */
export interface BundleProgress {
  stage: BundleStage;
  done: number;
  total: number;
}

export type BundleProgressCallback = (progress: BundleProgress) => void;
