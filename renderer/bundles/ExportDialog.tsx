/**
 * The export dialog: what to export (the whole library, chosen documents, or the evidence behind the review
 * filter) and in which format. It only gathers the choice; the hook runs the export and reports back.
 */
import { useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BundleProgress } from '../../shared/bundles/bundle-format';
import type { EvidenceSelection } from '../app/navigation';
import type { CrosscheckDatabase } from '../store/database';
import type { ExportFormat } from './bundle-worker-protocol';
import { DEFAULT_BUNDLE_AUTHOR, loadExportSettings, pageUrlProblem, type ClaimReviewPublisher } from './export-settings';
import { TransferProgress } from './TransferProgress';

export type ExportScope = 'library' | 'documents' | 'evidence';

export interface ExportChoice {
  scope: ExportScope;
  documentIds: string[];
  format: ExportFormat;
  reviewerName: string;
  publisher: ClaimReviewPublisher;
}

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; description: string }> = [
  {
    format: 'bundle',
    label: 'Crosscheck bundle (.crosscheck)',
    description: 'Everything, to open in another Crosscheck: documents, annotations, entities, links and review decisions.',
  },
  { format: 'web-annotations', label: 'W3C Web Annotations (JSON-LD)', description: 'Annotations, links and contradictions, for other annotation tools.' },
  { format: 'csv', label: 'Spreadsheet (CSV)', description: 'One row per annotation, with its quote, kind, status and note.' },
  { format: 'claim-review', label: 'ClaimReview (JSON-LD)', description: 'schema.org fact checks of the claims with a verdict, for search engines.' },
  { format: 'report-markdown', label: 'Contradiction report (Markdown)', description: 'The contradictions with their evidence and decisions, as text.' },
  { format: 'report-html', label: 'Contradiction report (web page)', description: 'The same report as a page to open in a browser or print.' },
];

const NEEDS_CONTRADICTIONS: ReadonlySet<ExportFormat> = new Set(['report-markdown', 'report-html']);
// Enough to find a document by scrolling; beyond that, typing part of the title is quicker than any list.
const LISTED_DOCUMENTS = 200;

interface DocumentTitle {
  id: string;
  title: string;
}

export interface ExportDialogProps {
  db: CrosscheckDatabase;
  /** Set when opened from the review view: offers the evidence behind its filter, chosen by default. */
  evidence: EvidenceSelection | null;
  /** False while the engine has not reported contradictions (the report formats wait for it). */
  contradictionsReady: boolean;
  running: boolean;
  progress: BundleProgress | null;
  error: string | null;
  onExport(choice: ExportChoice): void;
  onClose(): void;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function ExportDialog(props: ExportDialogProps): JSX.Element {
  const { db, evidence, running, onClose } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [scope, setScope] = useState<ExportScope>(evidence ? 'evidence' : 'library');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [format, setFormat] = useState<ExportFormat>('bundle');
  const [reviewerName, setReviewerName] = useState('');
  const [publisher, setPublisher] = useState<ClaimReviewPublisher>({ publisherName: '', pageUrl: '' });

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let current = true;
    void loadExportSettings(db).then((settings) => {
      if (!current) return;
      setReviewerName(settings.reviewerName);
      setPublisher(settings.publisher);
    });
    return () => {
      current = false;
    };
  }, [db]);

  // Titles from the title index alone: the picker never loads document texts.
  const titles = useLiveQuery(async () => {
    const list: DocumentTitle[] = [];
    await db.documents.orderBy('title').eachKey((title, cursor) => list.push({ id: String(cursor.primaryKey), title: String(title) }));
    return list;
  }, [db]);

  const matching = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return (titles ?? []).filter((document) => needle === '' || document.title.toLocaleLowerCase().includes(needle));
  }, [titles, filter]);

  const documentCount = titles?.length ?? 0;
  const urlProblem = format === 'claim-review' ? pageUrlProblem(publisher.pageUrl) : undefined;
  const publisherMissing = format === 'claim-review' && publisher.publisherName.trim() === '';
  const waitingForEngine = NEEDS_CONTRADICTIONS.has(format) && !props.contradictionsReady;
  const nothingChosen = (scope === 'documents' && chosen.size === 0) || (scope === 'library' && documentCount === 0);
  const canExport = !running && !nothingChosen && !urlProblem && !publisherMissing && !waitingForEngine && titles !== undefined;

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <dialog
      ref={dialogRef}
      className="bundle-dialog export-dialog"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        // The component's state decides when it closes; Escape asks, and is refused while a file is being made.
        event.preventDefault();
        if (!running) onClose();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (canExport) props.onExport({ scope, documentIds: [...chosen], format, reviewerName, publisher });
        }}
      >
        <h2 id={`${ids}-title`}>Export</h2>
        <fieldset disabled={running}>
          <legend>What to export</legend>
          <label className="choice">
            <input type="radio" name="scope" checked={scope === 'library'} onChange={() => setScope('library')} />
            The whole library ({titles === undefined ? '…' : plural(documentCount, 'document', 'documents')})
          </label>
          <label className="choice">
            <input type="radio" name="scope" checked={scope === 'documents'} onChange={() => setScope('documents')} />
            Chosen documents{chosen.size > 0 ? ` (${chosen.size} chosen)` : ''}
          </label>
          {evidence && (
            <label className="choice">
              <input type="radio" name="scope" checked={scope === 'evidence'} onChange={() => setScope('evidence')} />
              The evidence behind the review filter ({plural(evidence.contradictionIds.length, 'contradiction', 'contradictions')},{' '}
              {plural(evidence.annotationIds.length, 'annotation', 'annotations')})
            </label>
          )}
          {scope === 'documents' && (
            <div className="document-picker">
              <div className="document-picker-tools">
                <input type="search" aria-label="Filter documents by title" placeholder="Filter by title" value={filter} onChange={(event) => setFilter(event.target.value)} />
                <button type="button" onClick={() => setChosen((previous) => new Set([...previous, ...matching.map((document) => document.id)]))}>
                  Choose all{filter.trim() ? ' shown' : ''}
                </button>
                <button type="button" onClick={() => setChosen(new Set())} disabled={chosen.size === 0}>
                  Clear
                </button>
              </div>
              <ul aria-label="Documents to export">
                {matching.slice(0, LISTED_DOCUMENTS).map((document) => (
                  <li key={document.id}>
                    <label>
                      <input type="checkbox" checked={chosen.has(document.id)} onChange={(event) => toggle(document.id, event.target.checked)} />
                      {document.title || document.id}
                    </label>
                  </li>
                ))}
              </ul>
              {matching.length > LISTED_DOCUMENTS && (
                <p className="hint">
                  Showing {LISTED_DOCUMENTS} of {plural(matching.length, 'document', 'documents')}; type part of a title to find the others.
                </p>
              )}
              {titles !== undefined && matching.length === 0 && <p className="hint">No document title contains “{filter.trim()}”.</p>}
            </div>
          )}
        </fieldset>

        <fieldset disabled={running}>
          <legend>Format</legend>
          {FORMATS.map((option) => (
            <div key={option.format} className="choice">
              <input
                type="radio"
                name="format"
                id={`${ids}-${option.format}`}
                aria-describedby={`${ids}-${option.format}-about`}
                checked={format === option.format}
                onChange={() => setFormat(option.format)}
              />
              <label htmlFor={`${ids}-${option.format}`}>{option.label}</label>
              <span id={`${ids}-${option.format}-about`} className="hint">
                {option.description}
              </span>
            </div>
          ))}
        </fieldset>

        {format === 'bundle' && (
          <label className="field">
            Your name, recorded as the bundle’s author
            <input value={reviewerName} placeholder={DEFAULT_BUNDLE_AUTHOR} disabled={running} onChange={(event) => setReviewerName(event.target.value)} />
          </label>
        )}
        {format === 'claim-review' && (
          <div className="claim-review-fields">
            <label className="field">
              Publisher (your fact-checking organisation)
              <input
                value={publisher.publisherName}
                disabled={running}
                onChange={(event) => setPublisher((previous) => ({ ...previous, publisherName: event.target.value }))}
              />
            </label>
            <label className="field">
              Page that publishes these fact checks
              <input
                type="url"
                value={publisher.pageUrl}
                placeholder="https://example.org/fact-checks/ferry-strike"
                disabled={running}
                onChange={(event) => setPublisher((previous) => ({ ...previous, pageUrl: event.target.value }))}
              />
            </label>
            {(publisherMissing || urlProblem) && <p className="hint">{publisherMissing ? 'Give the publisher’s name. ' : ''}{urlProblem}</p>}
          </div>
        )}
        {waitingForEngine && <p className="hint">The contradiction engine is still reading the library; the report can be exported when it has finished.</p>}

        {running && <TransferProgress progress={props.progress} starting="Starting" />}
        {props.error && (
          <p className="bundle-error" role="alert">
            {props.error}
          </p>
        )}

        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={running}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!canExport}>
            Export
          </button>
        </div>
      </form>
    </dialog>
  );
}
