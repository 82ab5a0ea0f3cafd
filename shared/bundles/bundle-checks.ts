/**
 * The checks every bundle passes, on reading and on writing: each record against its schema, then the
 * records against each other (unique keys, texts and their hashes, offsets and quotes, references).
 * They return problems as `path: what is wrong` lines; the reader and the writer word the consequence.
 */
import type { z } from 'zod';
import { sha256Hex } from '../text/sha256';
import { RECORD_KEYS, RECORD_SCHEMAS, RECORD_TYPES, type BundleContents, type RecordType } from './bundle-format';

/** Problems found, with the first few described; `count` keeps counting after the examples stop. */
export class ProblemList {
  readonly examples: string[] = [];
  count = 0;

  constructor(private readonly keep = 5) {}

  add(problem: string): void {
    this.count++;
    if (this.examples.length < this.keep) this.examples.push(problem);
  }

  get empty(): boolean {
    return this.count === 0;
  }
}

/** How a record is named in a problem: `annotations[3]` (position in the file) by default. */
export type RecordLabel = (type: RecordType, index: number) => string;

export const byPosition: RecordLabel = (type, index) => `${type}[${index}]`;

/** `annotations[3].quantity.value` from a record type, an index and a zod path. */
export function recordPath(type: RecordType, index: number, path: ReadonlyArray<PropertyKey> = [], label: RecordLabel = byPosition): string {
  let out = label(type, index);
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // Zod's own wording for a missing field is "expected string, received undefined".
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'is missing';
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/**
 * Checks one record against its schema. Returns the parsed record (unknown fields dropped, fields in the
 * schema's order) or undefined after adding its problems.
 */
export function checkRecord<T extends RecordType>(
  type: T,
  value: unknown,
  index: number,
  problems: ProblemList,
  label: RecordLabel = byPosition,
): BundleContents[T][number] | undefined {
  const result = RECORD_SCHEMAS[type].safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.add(`${recordPath(type, index, issue.path, label)} ${describeIssue(issue)}`);
  return undefined;
}

function quoted(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/** Checks records that each fit their schema against each other. */
export async function checkConsistency(contents: BundleContents, onRecord?: (done: number) => void, label: RecordLabel = byPosition): Promise<ProblemList> {
  const problems = new ProblemList();
  let done = 0;

  for (const type of RECORD_TYPES) {
    const seen = new Map<string, number>();
    const key = RECORD_KEYS[type] as (record: BundleContents[typeof type][number]) => string;
    contents[type].forEach((record, index) => {
      const value = key(record);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else problems.add(`${label(type, index)} has the same ${type === 'decisions' ? 'contradictionId' : 'id'} as ${label(type, first)} (“${value}”)`);
    });
  }

  const documents = new Map(contents.documents.map((document) => [document.id, document]));
  const texts = new Map<string, number>();
  for (const [index, document] of contents.documents.entries()) {
    const first = texts.get(document.sha256);
    if (first !== undefined) problems.add(`${label('documents', index)} has the same text as ${label('documents', first)}`);
    else texts.set(document.sha256, index);
    if ((await sha256Hex(document.text)) !== document.sha256) {
      problems.add(`${label('documents', index)}.sha256 does not match the text of ${quoted(document.title)}`);
    }
    onRecord?.(++done);
  }

  const entities = new Set(contents.entities.map((entity) => entity.id));
  const annotations = new Set<string>();
  for (const [index, annotation] of contents.annotations.entries()) {
    annotations.add(annotation.id);
    const at = label('annotations', index);
    const document = documents.get(annotation.documentId);
    if (!document) {
      problems.add(`${at}.documentId refers to document “${annotation.documentId}”, which is not in the bundle`);
    } else if (annotation.end > document.text.length) {
      problems.add(`${at}.end is ${annotation.end}, past the end of ${quoted(document.title)} (${document.text.length} characters)`);
    } else if (document.text.slice(annotation.start, annotation.end) !== annotation.quote) {
      problems.add(
        `${at}.quote ${quoted(annotation.quote)} is not the text at ${annotation.start}–${annotation.end} of ${quoted(document.title)}, which reads ${quoted(document.text.slice(annotation.start, annotation.end))}`,
      );
    }
    if (annotation.entityId !== undefined && !entities.has(annotation.entityId)) {
      problems.add(`${at}.entityId refers to entity “${annotation.entityId}”, which is not in the bundle`);
    }
    if (annotation.speaker !== undefined && !entities.has(annotation.speaker)) {
      problems.add(`${at}.speaker refers to entity “${annotation.speaker}”, which is not in the bundle`);
    }
    onRecord?.(++done);
  }

  for (const [index, link] of contents.links.entries()) {
    for (const end of ['fromId', 'toId'] as const) {
      if (!annotations.has(link[end])) {
        problems.add(`${label('links', index)}.${end} refers to annotation “${link[end]}”, which is not in the bundle`);
      }
    }
  }
  return problems;
}
