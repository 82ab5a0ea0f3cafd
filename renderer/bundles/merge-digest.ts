/**
 * What the import dialog shows of a merge report: every count, but only the first names of each list.
 * A report on a million annotations names each one; cloning all of that from the worker to the window
 * would freeze the window for longer than the import itself, and nobody reads past the first screenful.
 */
import type { BundleManifest, RecordType } from '../../shared/bundles/bundle-format';
import { RECORD_TYPES } from '../../shared/bundles/bundle-format';
import type { BundleMergeReport, MatchedDocument, MergeConflict, NamedRecord } from '../../shared/bundles/merge-plan';

/** At most `limit` items, and how many there were. */
export interface Sample<T> {
  total: number;
  items: T[];
}

export interface RecordTypeDigest {
  added: Sample<NamedRecord>;
  updated: Sample<NamedRecord>;
  skipped: number;
  conflicts: Sample<MergeConflict>;
}

export interface MergeDigest {
  manifest: BundleManifest;
  byType: Record<RecordType, RecordTypeDigest>;
  matchedDocuments: Sample<MatchedDocument>;
  changed: boolean;
}

/** Names kept per list; the dialog says how many more there are. */
export const NAMES_KEPT = 100;

function sample<T>(list: readonly T[], limit: number): Sample<T> {
  return { total: list.length, items: list.slice(0, limit) };
}

export function digestMergeReport(report: BundleMergeReport & { manifest: BundleManifest }, limit = NAMES_KEPT): MergeDigest {
  const byType = {} as Record<RecordType, RecordTypeDigest>;
  for (const type of RECORD_TYPES) {
    const entry = report.byType[type];
    byType[type] = {
      added: sample(entry.added, limit),
      updated: sample(entry.updated, limit),
      skipped: entry.skipped.length,
      conflicts: sample(entry.conflicts, limit),
    };
  }
  return { manifest: report.manifest, byType, matchedDocuments: sample(report.matchedDocuments, limit), changed: report.changed };
}
