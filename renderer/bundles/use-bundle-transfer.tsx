/**
 * Export and import of bundles and open formats, with progress and the import report. The work runs in the
 * bundle worker; this hook holds the dialogs' state, asks the Platform for files and saves the results.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { archiveTooLarge, DEFAULT_ZIP_LIMITS } from '../../shared/bundles/zip-archive';
import type { BundleProgress } from '../../shared/bundles/bundle-format';
import type { BundleSelection } from '../../shared/bundles/bundle-selection';
import type { ExportContradiction } from '../../shared/exports/export-input';
import type { SourceFileInput } from '../../shared/importers/source-document';
import type { Platform } from '../platform/platform';
import type { CrosscheckDatabase } from '../store/database';
import { isStorageFull, storageFullMessage } from '../store/storage-errors';
import type { EvidenceSelection } from '../app/navigation';
import { BundleWorkerClient } from './bundle-worker-client';
import type { ExportRequest } from './bundle-worker-protocol';
import { ExportDialog, type ExportChoice } from './ExportDialog';
import { bundleAuthor, rememberClaimReviewPublisher, rememberReviewerName } from './export-settings';
import { ImportDialog, type ImportStep } from './ImportDialog';
import './bundles.css';

export interface BundleTransfer {
  /** Opens the export choices (whole library, chosen documents, open formats). */
  openExport(): void;
  /** Opens the export choices with the evidence behind the review filter chosen, as a bundle. */
  exportEvidence(selection: EvidenceSelection): void;
  /** Lets the user choose .crosscheck files and imports them. */
  chooseAndImport(): void;
  /** Imports bundle files that were dropped or opened. Takes over the bytes (they move to a worker). */
  importFiles(files: readonly SourceFileInput[]): void;
  /** Dialogs and progress to render at the top level. */
  element: ReactNode;
}

interface ExportState {
  evidence: EvidenceSelection | null;
  running: boolean;
  progress: BundleProgress | null;
  error: string | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** YYYY-MM-DD in the user's time zone, for file names (an ISO string would give the UTC date). */
function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The selection a choice describes, and the contradictions that belong to it. For chosen documents a
 * contradiction belongs when all its evidence lies in them, the rule bundle selections use for decisions,
 * so a report never shows half of a contradiction.
 */
function selectionFor(
  choice: ExportChoice,
  evidence: EvidenceSelection | null,
  contradictions: readonly ExportContradiction[],
): { selection: BundleSelection; contradictions: readonly ExportContradiction[] } {
  if (choice.scope === 'documents') {
    const chosen = new Set(choice.documentIds);
    return {
      selection: { kind: 'documents', documentIds: choice.documentIds, contradictions },
      contradictions: contradictions.filter((contradiction) => contradiction.evidence.length > 0 && contradiction.evidence.every((item) => chosen.has(item.documentId))),
    };
  }
  if (choice.scope === 'evidence' && evidence) {
    const wanted = new Set(evidence.contradictionIds);
    return {
      selection: { kind: 'evidence', annotationIds: evidence.annotationIds, documentIds: evidence.documentIds, contradictionIds: evidence.contradictionIds },
      contradictions: contradictions.filter((contradiction) => wanted.has(contradiction.id)),
    };
  }
  return { selection: { kind: 'library' }, contradictions };
}

/**
 * `contradictions` are the engine's current ones (undefined while it has none to report): the report and
 * the W3C export show them, and a documents bundle carries the decisions on those among its documents.
 */
export function useBundleTransfer(
  db: CrosscheckDatabase,
  platform: Platform,
  notify: (tone: 'error' | 'info', text: string) => void,
  contradictions?: readonly ExportContradiction[],
): BundleTransfer {
  const client = useRef<BundleWorkerClient | null>(null);
  const worker = useCallback(() => (client.current ??= new BundleWorkerClient(db.name)), [db]);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [db],
  );
  // Read when an export starts, not captured when the dialog opened: the engine may have finished since.
  const latestContradictions = useRef(contradictions);
  useEffect(() => {
    latestContradictions.current = contradictions;
  }, [contradictions]);

  // ---- Export ----
  const [exporting, setExporting] = useState<ExportState | null>(null);
  const openExport = useCallback(() => setExporting((state) => state ?? { evidence: null, running: false, progress: null, error: null }), []);
  const exportEvidence = useCallback(
    (selection: EvidenceSelection) => setExporting((state) => (state?.running ? state : { evidence: selection, running: false, progress: null, error: null })),
    [],
  );

  const runExport = useCallback(
    async (choice: ExportChoice, evidence: EvidenceSelection | null) => {
      setExporting((state) => state && { ...state, running: true, progress: null, error: null });
      try {
        if (choice.format === 'bundle') await rememberReviewerName(db, choice.reviewerName);
        if (choice.format === 'claim-review') await rememberClaimReviewPublisher(db, choice.publisher);
        const cut = selectionFor(choice, evidence, latestContradictions.current ?? []);
        const request: ExportRequest = {
          format: choice.format,
          selection: cut.selection,
          scope: choice.scope,
          createdBy: bundleAuthor(choice.reviewerName),
          appVersion: (await platform.appInfo()).version,
          // A bundle carries decisions, not contradictions (they are derived again on the other side).
          contradictions: choice.format === 'bundle' || choice.format === 'csv' || choice.format === 'claim-review' ? [] : cut.contradictions,
          localDate: localDate(),
          ...(choice.format === 'claim-review'
            ? { claimReview: { publisherName: choice.publisher.publisherName.trim(), pageUrl: choice.publisher.pageUrl.trim() } }
            : {}),
        };
        const result = await worker().exportFile(request, (progress) => setExporting((state) => state && { ...state, progress }));
        const saved = await platform.saveFile(result.file);
        if (saved) {
          notify('info', `Saved “${result.file.suggestedName}”: ${result.summary}.`);
          setExporting(null);
        } else {
          // The save dialog was cancelled: keep the choices so the user can try again or close.
          setExporting((state) => state && { ...state, running: false, progress: null });
        }
      } catch (error) {
        setExporting((state) => state && { ...state, running: false, progress: null, error: messageOf(error) });
      }
    },
    [db, platform, notify, worker],
  );

  // ---- Import ----
  const [importing, setImporting] = useState<ImportStep | null>(null);
  const [waiting, setWaiting] = useState(0);
  const queue = useRef<SourceFileInput[]>([]);
  const busy = useRef(false);
  // Each bundle's work carries its number; answers for a bundle the user already dismissed are dropped.
  const job = useRef(0);

  const startNext = useCallback(() => {
    const file = queue.current.shift();
    setWaiting(queue.current.length);
    const current = ++job.current;
    if (!file) {
      busy.current = false;
      setImporting(null);
      return;
    }
    busy.current = true;
    const { name, bytes } = file;
    // The size is checked before anything reads the archive.
    if (bytes.byteLength > DEFAULT_ZIP_LIMITS.maxArchiveBytes) {
      setImporting({ step: 'failed', name, message: archiveTooLarge(bytes.byteLength).message });
      return;
    }
    setImporting({ step: 'reading', name, progress: null });
    worker()
      .read(bytes, (progress) => {
        if (job.current === current) setImporting({ step: 'reading', name, progress });
      })
      .then(
        ({ token, preview }) => {
          if (job.current === current) setImporting({ step: 'preview', name, token, preview });
          else worker().forget(token);
        },
        (error: unknown) => {
          if (job.current === current) setImporting({ step: 'failed', name, message: messageOf(error) });
        },
      );
  }, [worker]);

  const importFiles = useCallback(
    (files: readonly SourceFileInput[]) => {
      if (files.length === 0) return;
      queue.current.push(...files);
      if (busy.current) setWaiting(queue.current.length);
      else startNext();
    },
    [startNext],
  );

  const chooseAndImport = useCallback(() => {
    platform.chooseBundleFiles().then(importFiles, (error: unknown) => {
      // A refusal before reading (a file too large): shown like any bundle problem, unless a bundle is open.
      if (busy.current) notify('error', messageOf(error));
      else {
        busy.current = true;
        setImporting({ step: 'failed', name: '', message: messageOf(error) });
      }
    });
  }, [platform, importFiles, notify]);

  const confirmImport = useCallback(() => {
    if (importing?.step !== 'preview') return;
    const { name, token } = importing;
    const current = job.current;
    setImporting({ step: 'importing', name, progress: null });
    worker()
      .importRead(token, (progress) => {
        if (job.current === current) setImporting({ step: 'importing', name, progress });
      })
      .then(
        (report) => setImporting({ step: 'report', name, report }),
        (error: unknown) =>
          // The worker's one transaction rolled back: a full disk is the person's to fix, not the bundle's fault.
          setImporting(
            isStorageFull(error)
              ? { step: 'failed', name, message: storageFullMessage('The bundle was not imported'), storageFull: true }
              : { step: 'failed', name, message: messageOf(error) },
          ),
      );
  }, [importing, worker]);

  const dismissImport = useCallback(() => {
    if (importing?.step === 'importing') return;
    if (importing?.step === 'preview') worker().forget(importing.token);
    startNext();
  }, [importing, startNext, worker]);

  const element = (
    <>
      {exporting && (
        <ExportDialog
          db={db}
          evidence={exporting.evidence}
          contradictionsReady={contradictions !== undefined}
          running={exporting.running}
          progress={exporting.progress}
          error={exporting.error}
          onExport={(choice) => void runExport(choice, exporting.evidence)}
          onClose={() => setExporting(null)}
        />
      )}
      {importing && <ImportDialog state={importing} waiting={waiting} onConfirm={confirmImport} onDismiss={dismissImport} />}
    </>
  );

  return { openExport, exportEvidence, chooseAndImport, importFiles, element };
}
