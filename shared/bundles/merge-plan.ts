/**
 * Merging a bundle into a library, as a pure plan: which records to write and a report a person can read.
 * The rules, in the order they apply:
 * - Documents match by text (sha-256): a bundle document whose text the library has maps onto the local
 *   one, under the local id, and the bundle's annotations on it are re-pointed. A bundle document whose
 *   id the library uses for another text is imported under a derived id (both texts are kept).
 * - Other records match by id. Same id and same content: skipped. Same id, different content:
 *   annotations keep the newer `updatedAt`; entities keep the local name and type and take the union of
 *   aliases; links keep the local version. Every such difference is reported as a conflict.
 * - Decisions: per contradiction the newest `decidedAt` is current; the other goes into the decision
 *   history under an id derived from contradiction, reviewer and time, so merging again adds nothing.
 * Applying the plan and planning again with the same bundle gives a plan with nothing to write.
 */
import type { Annotation, Decision, DecisionHistoryEntry, Entity, Link, SourceDocument } from '../model';
import { RECORD_TYPES, emptyContents, type BundleContents, type RecordType } from './bundle-format';
import { annotationName, decisionName, decisionVerdict, documentName, entityName, linkName } from './record-names';

export interface NamedRecord {
  id: string;
  /** What a person reads: a title, a name, a quote with its document. */
  name: string;
}

export interface MergeConflict extends NamedRecord {
  /** What differs, in words. */
  problem: string;
  /** What the merge did about it, in words. */
  resolution: string;
  /** Whose version is current now. */
  kept: 'library' | 'bundle' | 'both';
}

export interface RecordTypeReport {
  added: NamedRecord[];
  updated: NamedRecord[];
  /** Already in the library (or older than the library's version): nothing written. */
  skipped: NamedRecord[];
  /** Differences found; each record is also counted as updated or skipped. */
  conflicts: MergeConflict[];
}

export interface MatchedDocument {
  bundleId: string;
  libraryId: string;
  /** The library's title. */
  name: string;
}

export interface BundleMergeReport {
  byType: Record<RecordType, RecordTypeReport>;
  /** Bundle documents whose text the library already had under another id. */
  matchedDocuments: MatchedDocument[];
  /** Whether applying the plan writes anything. */
  changed: boolean;
}

export interface BundleMergePlan {
  /** Records to put (add or replace), by table. */
  writes: BundleContents;
  report: BundleMergeReport;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * encodeURIComponent, except that a lone surrogate (which it throws on, and which a bundle's reviewer or
 * contradiction id may hold) becomes `%uD800`: a form it never produces, so ids stay distinct.
 */
function encodeIdPart(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(LONE_SURROGATE)) {
    out += `${encodeURIComponent(text.slice(from, match.index))}%u${match[0].charCodeAt(0).toString(16).toUpperCase()}`;
    from = match.index + 1;
  }
  return out + encodeURIComponent(text.slice(from));
}

/** The id of a decision once it is superseded: the same on every machine for the same decision. */
export function decisionHistoryId(decision: Pick<Decision, 'contradictionId' | 'reviewer' | 'decidedAt'>): string {
  // Encoded parts cannot contain ":", so different triples never give the same id.
  return `decision:${encodeIdPart(decision.contradictionId)}:${encodeIdPart(decision.reviewer)}:${encodeIdPart(decision.decidedAt)}`;
}

/** Deep equality of JSON-like values, where a missing key and an undefined value are the same. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (left[key] !== undefined && !sameValue(left[key], right[key])) return false;
  for (const key in right) if (right[key] !== undefined && left[key] === undefined) return false;
  return true;
}

function sameRecord(a: object, b: object): boolean {
  return sameValue(a, b);
}

/** The fields whose values differ, in a readable list ("status and note"). */
function differingFields(a: object, b: object, ignore: readonly string[] = []): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((key) => !ignore.includes(key));
  return keys.filter((key) => !sameValue(left[key], right[key]));
}

function inWords(fields: readonly string[]): string {
  if (fields.length <= 1) return fields.join('');
  return `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
}

function emptyReport(): BundleMergeReport {
  const byType = {} as Record<RecordType, RecordTypeReport>;
  for (const type of RECORD_TYPES) byType[type] = { added: [], updated: [], skipped: [], conflicts: [] };
  return { byType, matchedDocuments: [], changed: false };
}

function later(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/**
 * The id for a bundle document whose id the library uses for another text: `<id>~<12 hex digits of its
 * hash>`, or with `-2`, `-3`… when a document (the library's, or another of the bundle's) already has that.
 * A bundle can hold such an id itself, and putting a document under a taken id would replace a text.
 */
function separateDocumentId(document: SourceDocument, taken: (id: string) => boolean): string {
  const base = `${document.id}~${document.sha256.slice(0, 12)}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Plans the merge of `incoming` (a checked bundle) into a library. `existing` needs only the library's
 * records that could collide: documents with the bundle's ids or texts or whose id starts with a bundle
 * document's id and `~` (the ids a clashing document may be given), and records with the bundle's ids
 * (and the decision history of its contradictions); the whole library works too.
 */
export function planBundleMerge(existing: BundleContents, incoming: BundleContents): BundleMergePlan {
  const report = emptyReport();
  const writes = emptyContents();
  const { byType } = report;

  // ----- documents -----
  const localById = new Map(existing.documents.map((document) => [document.id, document]));
  const localByText = new Map(existing.documents.map((document) => [document.sha256, document]));
  const documentIds = new Map<string, string>();
  const documentsNow = new Map<string, SourceDocument>(localById);
  const incomingIds = new Set(incoming.documents.map((document) => document.id));
  for (const document of incoming.documents) {
    const sameText = localByText.get(document.sha256);
    if (sameText) {
      documentIds.set(document.id, sameText.id);
      byType.documents.skipped.push({ id: document.id, name: documentName(document) });
      if (sameText.id !== document.id) {
        report.matchedDocuments.push({ bundleId: document.id, libraryId: sameText.id, name: documentName(sameText) });
      }
      // importedAt says when each library took the text in; it is not part of the document.
      const differences = differingFields(sameText, document, ['id', 'importedAt']);
      if (differences.length > 0) {
        byType.documents.conflicts.push({
          id: document.id,
          name: documentName(sameText),
          problem: `same text, but the bundle's ${inWords(differences)} ${differences.length === 1 ? 'differs' : 'differ'}`,
          resolution: "kept the library's details",
          kept: 'library',
        });
      }
      continue;
    }
    const clash = localById.get(document.id);
    const id = clash ? separateDocumentId(document, (candidate) => documentsNow.has(candidate) || incomingIds.has(candidate)) : document.id;
    const added = clash ? { ...document, id } : document;
    if (clash) {
      byType.documents.conflicts.push({
        id: document.id,
        name: documentName(document),
        problem: `the library uses the same id for a different text, ${documentName(clash)}`,
        resolution: `imported as a separate document with id “${id}”`,
        kept: 'both',
      });
    }
    documentIds.set(document.id, id);
    documentsNow.set(id, added);
    localByText.set(added.sha256, added);
    writes.documents.push(added);
    byType.documents.added.push({ id, name: documentName(added) });
  }

  // ----- entities -----
  const localEntities = new Map(existing.entities.map((entity) => [entity.id, entity]));
  for (const entity of incoming.entities) {
    const local = localEntities.get(entity.id);
    if (!local) {
      writes.entities.push(entity);
      byType.entities.added.push({ id: entity.id, name: entityName(entity) });
      continue;
    }
    const aliases = [...local.aliases];
    for (const alias of entity.aliases) if (!aliases.includes(alias)) aliases.push(alias);
    const merged: Entity = { ...local, aliases };
    if (aliases.length > local.aliases.length) {
      writes.entities.push(merged);
      byType.entities.updated.push({ id: entity.id, name: entityName(local) });
    } else {
      byType.entities.skipped.push({ id: entity.id, name: entityName(local) });
    }
    const differences = differingFields(local, entity, ['aliases']);
    if (differences.length > 0) {
      byType.entities.conflicts.push({
        id: entity.id,
        name: entityName(local),
        problem: `the bundle calls it ${entityName(entity)}`,
        resolution: `kept the library's ${inWords(differences)}${aliases.length > local.aliases.length ? ' and added the new aliases' : ''}`,
        kept: 'library',
      });
    }
  }

  // ----- annotations -----
  const localAnnotations = new Map(existing.annotations.map((annotation) => [annotation.id, annotation]));
  const quotes = new Map<string, string>();
  for (const annotation of existing.annotations) quotes.set(annotation.id, annotation.quote);
  for (const incomingAnnotation of incoming.annotations) {
    const documentId = documentIds.get(incomingAnnotation.documentId) ?? incomingAnnotation.documentId;
    const annotation: Annotation = documentId === incomingAnnotation.documentId ? incomingAnnotation : { ...incomingAnnotation, documentId };
    const name = annotationName(annotation, documentsNow.get(documentId));
    const local = localAnnotations.get(annotation.id);
    if (!local) {
      writes.annotations.push(annotation);
      byType.annotations.added.push({ id: annotation.id, name });
      quotes.set(annotation.id, annotation.quote);
      continue;
    }
    if (sameRecord(local, annotation)) {
      byType.annotations.skipped.push({ id: annotation.id, name });
      continue;
    }
    const bundleNewer = later(annotation.updatedAt, local.updatedAt);
    const differences = differingFields(local, annotation, ['updatedAt']);
    byType.annotations.conflicts.push({
      id: annotation.id,
      name,
      problem: `changed in both places: ${inWords(differences)} ${differences.length === 1 ? 'differs' : 'differ'} (library ${local.updatedAt}, bundle ${annotation.updatedAt})`,
      resolution: bundleNewer ? "kept the bundle's version, which is newer" : "kept the library's version, which is newer or as new",
      kept: bundleNewer ? 'bundle' : 'library',
    });
    if (bundleNewer) {
      writes.annotations.push(annotation);
      byType.annotations.updated.push({ id: annotation.id, name });
      quotes.set(annotation.id, annotation.quote);
    } else {
      byType.annotations.skipped.push({ id: annotation.id, name });
    }
  }
  for (const annotation of incoming.annotations) if (!quotes.has(annotation.id)) quotes.set(annotation.id, annotation.quote);

  // ----- links -----
  const localLinks = new Map(existing.links.map((link) => [link.id, link]));
  const quoteOf = (id: string): string | undefined => quotes.get(id);
  for (const link of incoming.links) {
    const local: Link | undefined = localLinks.get(link.id);
    const name = linkName(link, quoteOf);
    if (!local) {
      writes.links.push(link);
      byType.links.added.push({ id: link.id, name });
    } else {
      byType.links.skipped.push({ id: link.id, name });
      if (!sameRecord(local, link)) {
        const differences = differingFields(local, link);
        byType.links.conflicts.push({
          id: link.id,
          name: linkName(local, quoteOf),
          problem: `the bundle's ${inWords(differences)} ${differences.length === 1 ? 'differs' : 'differ'} (bundle: ${name})`,
          resolution: "kept the library's link",
          kept: 'library',
        });
      }
    }
  }

  // ----- decision history, then decisions (which may add to it) -----
  const history = new Map<string, DecisionHistoryEntry>(existing.decisionHistory.map((entry) => [entry.id, entry]));
  for (const entry of incoming.decisionHistory) {
    const local = history.get(entry.id);
    const name = decisionName(entry);
    if (!local) {
      writes.decisionHistory.push(entry);
      history.set(entry.id, entry);
      byType.decisionHistory.added.push({ id: entry.id, name });
    } else {
      byType.decisionHistory.skipped.push({ id: entry.id, name });
      if (!sameRecord(local, entry)) {
        const differences = differingFields(local, entry);
        byType.decisionHistory.conflicts.push({
          id: entry.id,
          name,
          problem: `the bundle's ${inWords(differences)} ${differences.length === 1 ? 'differs' : 'differ'}`,
          resolution: "kept the library's record",
          kept: 'library',
        });
      }
    }
  }

  const localDecisions = new Map(existing.decisions.map((decision) => [decision.contradictionId, decision]));
  for (const decision of incoming.decisions) {
    const local = localDecisions.get(decision.contradictionId);
    const name = decisionName(decision);
    if (!local) {
      writes.decisions.push(decision);
      byType.decisions.added.push({ id: decision.contradictionId, name });
      continue;
    }
    if (sameRecord(local, decision)) {
      byType.decisions.skipped.push({ id: decision.contradictionId, name });
      continue;
    }
    const bundleNewer = later(decision.decidedAt, local.decidedAt);
    const [current, superseded] = bundleNewer ? [decision, local] : [local, decision];
    if (bundleNewer) {
      writes.decisions.push(decision);
      byType.decisions.updated.push({ id: decision.contradictionId, name });
    } else {
      byType.decisions.skipped.push({ id: decision.contradictionId, name: decisionName(local) });
    }
    const historyId = decisionHistoryId(superseded);
    if (history.has(historyId)) continue;
    const entry: DecisionHistoryEntry = { ...superseded, id: historyId, supersededAt: current.decidedAt };
    writes.decisionHistory.push(entry);
    history.set(historyId, entry);
    byType.decisionHistory.added.push({ id: historyId, name: decisionName(entry) });
    byType.decisions.conflicts.push({
      id: decision.contradictionId,
      name: decision.contradictionId,
      problem: `decided differently: ${decisionVerdict(local)} in the library, ${decisionVerdict(decision)} in the bundle`,
      resolution: `kept the newer decision (${bundleNewer ? 'the bundle’s' : 'the library’s'}); the other is in the decision history`,
      kept: bundleNewer ? 'bundle' : 'library',
    });
  }

  report.changed = RECORD_TYPES.some((type) => writes[type].length > 0);
  return { writes, report };
}

/**
 * A library with the plan's writes applied, as the store would hold it (records put by key). For callers
 * without a database: the command line, tests, benchmarks.
 */
export function applyMergePlan(library: BundleContents, writes: BundleContents): BundleContents {
  const put = <T>(records: readonly T[], changes: readonly T[], key: (record: T) => string): T[] => {
    if (changes.length === 0) return [...records];
    const byKey = new Map(records.map((record) => [key(record), record]));
    for (const record of changes) byKey.set(key(record), record);
    return [...byKey.values()];
  };
  const byId = (record: { id: string }): string => record.id;
  return {
    documents: put(library.documents, writes.documents, byId),
    annotations: put(library.annotations, writes.annotations, byId),
    entities: put(library.entities, writes.entities, byId),
    links: put(library.links, writes.links, byId),
    decisions: put(library.decisions, writes.decisions, (decision) => decision.contradictionId),
    decisionHistory: put(library.decisionHistory, writes.decisionHistory, byId),
  };
}
