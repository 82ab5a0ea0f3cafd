/**
 * Plain-text reports about bundles, for the import dialog and the command line: what a bundle holds
 * (before importing), and what an import did (after).
 */
import { RECORD_TYPES, RECORD_WORDS, type BundleManifest, type ParsedBundle, type RecordType } from './bundle-format';
import type { BundleMergeReport, NamedRecord } from './merge-plan';
import { annotationName, decisionName, documentName, entityName, linkName } from './record-names';

const NAMES_SHOWN = 8;

function count(type: RecordType, n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? RECORD_WORDS[type].one : RECORD_WORDS[type].many}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function names(records: readonly NamedRecord[] | readonly string[], limit = NAMES_SHOWN): string {
  const all = records.map((record) => (typeof record === 'string' ? record : record.name));
  const shown = all.slice(0, limit).join('; ');
  return all.length > limit ? `${shown}; and ${(all.length - limit).toLocaleString('en-US')} more` : shown;
}

/** Who made the bundle, when, with which version, and what was selected. */
export function describeManifest(manifest: BundleManifest): string {
  const by = manifest.createdBy.trim() === '' ? 'someone' : manifest.createdBy;
  const what = manifest.selection ? `: ${manifest.selection}` : '';
  return `Crosscheck bundle (format ${manifest.formatVersion}) made by ${by} on ${manifest.createdAt} with Crosscheck ${manifest.appVersion}${what}`;
}

/** A summary of a checked bundle: counts per record type with the names of the first few. */
export function describeBundle(bundle: ParsedBundle): string {
  const { contents, manifest } = bundle;
  const documents = new Map(contents.documents.map((document) => [document.id, document]));
  const quotes = new Map(contents.annotations.map((annotation) => [annotation.id, annotation.quote]));
  const named: Record<RecordType, string[]> = {
    documents: contents.documents.map((document) => documentName(document)),
    entities: contents.entities.map((entity) => entityName(entity)),
    annotations: contents.annotations.map((annotation) => annotationName(annotation, documents.get(annotation.documentId))),
    links: contents.links.map((link) => linkName(link, (id) => quotes.get(id))),
    decisions: contents.decisions.map((decision) => decisionName(decision)),
    decisionHistory: contents.decisionHistory.map((entry) => decisionName(entry)),
  };
  const lines = [describeManifest(manifest)];
  for (const type of RECORD_TYPES) {
    const list = named[type];
    lines.push(`${capitalised(count(type, list.length))}${list.length > 0 ? `: ${names(list)}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What an import did, per record type, then every conflict with what was kept. */
export function describeMergeReport(report: BundleMergeReport): string {
  const lines: string[] = [];
  for (const type of RECORD_TYPES) {
    const { added, updated, skipped, conflicts } = report.byType[type];
    const total = added.length + updated.length + skipped.length;
    if (total === 0) continue;
    lines.push(
      `${capitalised(RECORD_WORDS[type].many)}: ${added.length} added, ${updated.length} updated, ${skipped.length} skipped (already there), ${conflicts.length} ${conflicts.length === 1 ? 'conflict' : 'conflicts'}`,
    );
    if (added.length > 0) lines.push(`  added: ${names(added)}`);
    if (updated.length > 0) lines.push(`  updated: ${names(updated)}`);
  }
  if (lines.length === 0) lines.push('The bundle is empty; nothing was imported.');
  for (const match of report.matchedDocuments) {
    lines.push(`Already in the library under another id: ${match.name} (the bundle's annotations on it were attached to it)`);
  }
  const conflicts = RECORD_TYPES.flatMap((type) => report.byType[type].conflicts.map((conflict) => ({ type, conflict })));
  if (conflicts.length > 0) {
    lines.push(`Conflicts (${conflicts.length}):`);
    for (const { type, conflict } of conflicts) {
      lines.push(`  ${RECORD_WORDS[type].one} ${conflict.name}: ${conflict.problem}; ${conflict.resolution}.`);
    }
  }
  if (!report.changed) lines.push('Nothing changed: everything in the bundle was already in the library.');
  return `${lines.join('\n')}\n`;
}
