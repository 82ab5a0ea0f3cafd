/** The library: every document with outlet, date and annotation counts per kind; search; delete; backups. */
import { useState, type JSX } from 'react';
import type { AnnotationKind, SourceDocument } from '../../shared/model';
import { ANNOTATION_KINDS, KIND_LABELS } from '../../shared/model';

interface LibraryPaneProps {
  documents: readonly SourceDocument[];
  counts: ReadonlyMap<string, Record<AnnotationKind, number>>;
  selectedId: string | null;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onOpenSamples(): void;
  onImport(): void;
  /** A backup by hand is being made. */
  backingUp: boolean;
  onBackUpNow(): void;
  /** Absent where there is no backups folder to restore from (the browser version). */
  onRestore?: () => void;
}

function RestoreButton({ onRestore }: { onRestore: () => void }): JSX.Element {
  return (
    <button type="button" onClick={onRestore}>
      Restore from backup…
    </button>
  );
}

export function LibraryPane({ documents, counts, selectedId, onOpen, onDelete, onOpenSamples, onImport, backingUp, onBackUpNow, onRestore }: LibraryPaneProps): JSX.Element {
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const needle = query.trim().toLocaleLowerCase();
  const shown = documents.filter((d) => d.title.toLocaleLowerCase().includes(needle));

  if (documents.length === 0) {
    return (
      <nav className="library library-empty" aria-label="Library">
        <h2>Library</h2>
        <p>Your library is empty. Import articles to annotate, or start with the sample corpus: five short fictional reports of one story, full of the contradictions Crosscheck is made to find.</p>
        <button type="button" className="primary" onClick={onOpenSamples}>
          Open sample corpus
        </button>
        <button type="button" onClick={onImport}>
          Import files…
        </button>
        <p className="hint">You can also drop articles (web pages, Word, PDF, Markdown, text) or .crosscheck bundles anywhere on the window.</p>
        {onRestore && (
          <div className="library-backups" role="group" aria-label="Backups">
            <RestoreButton onRestore={onRestore} />
          </div>
        )}
      </nav>
    );
  }

  return (
    <nav className="library" aria-label="Library">
      <h2>
        Library <span className="count">{documents.length}</span>
      </h2>
      <input type="search" placeholder="Search titles" aria-label="Search titles" value={query} onChange={(event) => setQuery(event.target.value)} />
      <ul className="document-list" aria-label="Documents">
        {shown.map((doc) => {
          const perKind = counts.get(doc.id);
          const total = perKind ? ANNOTATION_KINDS.reduce((sum, kind) => sum + perKind[kind], 0) : 0;
          return (
            <li key={doc.id} className={doc.id === selectedId ? 'selected' : undefined} aria-current={doc.id === selectedId ? 'true' : undefined}>
              <button type="button" className="document-open" onClick={() => onOpen(doc.id)}>
                <span className="document-title">{doc.title}</span>
                <span className="document-meta">{[doc.outlet, doc.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ') || doc.format}</span>
                <span className="document-counts" aria-label={`${total} annotations`}>
                  {ANNOTATION_KINDS.filter((kind) => (perKind?.[kind] ?? 0) > 0).map((kind) => (
                    <span key={kind} className={`kind-chip kind-${kind}`} title={KIND_LABELS[kind]}>
                      {KIND_LABELS[kind]} {perKind![kind]}
                    </span>
                  ))}
                </span>
              </button>
              {confirming === doc.id ? (
                <div className="confirm" role="alertdialog" aria-label={`Delete ${doc.title}?`}>
                  <span>Delete this document and its {total} annotations?</span>
                  <button type="button" className="danger" onClick={() => (setConfirming(null), onDelete(doc.id))}>
                    Delete
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <button type="button" className="icon-button" aria-label={`Delete ${doc.title}`} title="Delete document" onClick={() => setConfirming(doc.id)}>
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p className="hint">No title contains “{query}”.</p>}
      <div className="library-backups" role="group" aria-label="Backups">
        <button type="button" onClick={onBackUpNow} disabled={backingUp}>
          {backingUp ? 'Backing up…' : 'Back up now'}
        </button>
        {onRestore && <RestoreButton onRestore={onRestore} />}
      </div>
    </nav>
  );
}
