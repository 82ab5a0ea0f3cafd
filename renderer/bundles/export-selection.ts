/**
 * Turns an export request into the file to save: a `.crosscheck` bundle through exportLibraryBundle, or one
 * of the open formats (W3C Web Annotation, CSV, ClaimReview, contradiction report) over the same selection.
 * Runs in the bundle worker; the window only saves the result.
 */
import type { BundleContents, BundleProgressCallback, RecordType } from '../../shared/bundles/bundle-format';
import { BUNDLE_EXTENSION, RECORD_TYPES, RECORD_WORDS } from '../../shared/bundles/bundle-format';
import { selectBundleContents, type BundleSelection } from '../../shared/bundles/bundle-selection';
import { exportAnnotationsCsv } from '../../shared/exports/annotation-csv';
import { claimReviewsJson, exportClaimReviews } from '../../shared/exports/claim-review';
import { buildContradictionReport } from '../../shared/exports/contradiction-report';
import { contradictionReportHtml } from '../../shared/exports/report-html';
import { contradictionReportMarkdown } from '../../shared/exports/report-markdown';
import { exportWebAnnotations, webAnnotationsJson } from '../../shared/exports/web-annotations';
import type { CrosscheckDatabase } from '../store/database';
import { collectSelection, exportLibraryBundle } from '../store/bundle-commands';
import type { ExportRequest, ExportResult } from './bundle-worker-protocol';

/**
 * The records a selection can reach, read through the indexes so that exporting three documents of a large
 * library does not load all of it; selectBundleContents then cuts them to exactly the selection.
 */
async function readSelection(db: CrosscheckDatabase, selection: BundleSelection): Promise<BundleContents> {
  const tables = [db.documents, db.annotations, db.entities, db.links, db.decisions, db.decisionHistory];
  const reachable = await db.transaction('r', tables, () => collectSelection(db, selection));
  return selectBundleContents(reachable, selection);
}

function countWords(counts: Record<RecordType, number>): string {
  const parts = RECORD_TYPES.filter((type) => counts[type] > 0).map((type) => `${counts[type]} ${counts[type] === 1 ? RECORD_WORDS[type].one : RECORD_WORDS[type].many}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `crosscheck-2026-11-21`, `crosscheck-3-documents-2026-11-21`, `crosscheck-evidence-2026-11-21`. */
function baseName(request: ExportRequest, documentCount: number): string {
  if (request.scope === 'documents') return `crosscheck-${plural(documentCount, 'document', 'documents').replace(' ', '-')}-${request.localDate}`;
  if (request.scope === 'evidence') return `crosscheck-evidence-${request.localDate}`;
  return `crosscheck-${request.localDate}`;
}

/** A problem with the request that the person exporting can fix; shown in the dialog as it is. */
export class ExportRefused extends Error {
  override name = 'ExportRefused';
}

/** Builds the file for `request`. Throws BundleError (records that cannot be exported) or ExportRefused. */
export async function exportSelection(db: CrosscheckDatabase, request: ExportRequest, onProgress?: BundleProgressCallback): Promise<ExportResult> {
  if (request.format === 'bundle') {
    const exported = await exportLibraryBundle(db, request.selection, { appVersion: request.appVersion, createdBy: request.createdBy }, onProgress);
    return {
      file: {
        suggestedName: `${baseName(request, exported.counts.documents)}${BUNDLE_EXTENSION}`,
        data: exported.bytes,
        filters: [{ name: 'Crosscheck bundle', extensions: [BUNDLE_EXTENSION.slice(1)] }],
      },
      summary: `${exported.selection}: ${countWords(exported.counts)}`,
    };
  }

  onProgress?.({ stage: 'collecting', done: 0, total: 1 });
  const contents = await readSelection(db, request.selection);
  onProgress?.({ stage: 'collecting', done: 1, total: 1 });
  const base = baseName(request, contents.documents.length);
  const documents = plural(contents.documents.length, 'document', 'documents');

  switch (request.format) {
    case 'web-annotations': {
      const exported = await exportWebAnnotations(contents, { contradictions: request.contradictions });
      return {
        file: { suggestedName: `${base}-annotations.jsonld`, data: webAnnotationsJson(exported), filters: [{ name: 'JSON-LD', extensions: ['jsonld', 'json'] }] },
        summary: `${plural(exported.collection.total, 'W3C annotation', 'W3C annotations')} on ${documents}`,
      };
    }
    case 'csv':
      return {
        file: { suggestedName: `${base}-annotations.csv`, data: exportAnnotationsCsv(contents), filters: [{ name: 'CSV', extensions: ['csv'] }] },
        summary: `${plural(contents.annotations.length, 'annotation', 'annotations')} from ${documents}`,
      };
    case 'claim-review': {
      if (!request.claimReview) throw new ExportRefused('ClaimReview needs the publisher’s name and the page that publishes the fact checks.');
      const reviews = exportClaimReviews(contents, {
        pageUrl: request.claimReview.pageUrl,
        publisher: { name: request.claimReview.publisherName },
      });
      if (reviews.length === 0) {
        throw new ExportRefused(
          `No claim in ${documents} has a verdict yet, so there is no fact check to publish. Mark claims as supported, refuted or disputed in the annotation panel, then export again.`,
        );
      }
      return {
        file: { suggestedName: `${base}-claim-reviews.jsonld`, data: claimReviewsJson(reviews), filters: [{ name: 'JSON-LD', extensions: ['jsonld', 'json'] }] },
        summary: plural(reviews.length, 'ClaimReview', 'ClaimReviews'),
      };
    }
    case 'report-markdown':
    case 'report-html': {
      const report = buildContradictionReport(contents, request.contradictions);
      const markdown = request.format === 'report-markdown';
      return {
        file: {
          suggestedName: `${base}-contradictions.${markdown ? 'md' : 'html'}`,
          data: markdown ? contradictionReportMarkdown(report) : contradictionReportHtml(report),
          filters: [markdown ? { name: 'Markdown', extensions: ['md'] } : { name: 'Web page', extensions: ['html'] }],
        },
        summary: `a report of ${plural(report.items.length, 'contradiction', 'contradictions')}`,
      };
    }
  }
}
