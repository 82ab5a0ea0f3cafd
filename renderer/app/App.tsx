/** The window: library, reader and annotation panel, with import, drop, paste, tag keys and undo. */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnnotationKind, ClaimStatus, EntityType } from '../../shared/model';
import { ANNOTATION_KINDS, KIND_LABELS } from '../../shared/model';
import type { SourceFileInput } from '../../shared/importers/source-document';
import type { MenuCommand } from '../../shared/ipc/contract';
import type { Platform } from '../platform/platform';
import type { CrosscheckDatabase } from '../store/database';
import { deleteDocument, importDocuments, updateDocumentDetails } from '../store/document-commands';
import { deleteAnnotation, restoreAnnotation, setEntityType, tagSpan, updateAnnotation } from '../store/annotation-commands';
import { useAnnotationCounts } from '../library/annotation-counts';
import { LibraryPane } from '../library/LibraryPane';
import { PasteDialog } from '../library/PasteDialog';
import { DocumentDetailsDialog } from '../library/DocumentDetailsDialog';
import { entriesOfDrop, filesOfEntries } from '../import/dropped-files';
import { describeImportSummary, importClipboard, importFiles as importSourceFiles, type ImportSummary } from '../import/import-files';
import type { ClipboardContent } from '../../shared/importers/source-document';
import { sampleCorpusDrafts } from '../library/sample-corpus';
import { Reader, type ScrollRequest } from '../reader/Reader';
import { FOCUS_SPAN_ID } from '../reader/mark-appearance';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { UndoHistory } from '../annotations/undo-history';
import { useDocumentAnnotations } from '../annotations/use-document-annotations';
import { REVIEWER_NAME_KEY } from '../store/decision-commands';
import { useEngine } from '../engine/use-engine';
import { ContradictionList } from '../review/ContradictionList';
import { SuggestionList } from '../suggestions/SuggestionList';
import { acceptSuggestion, rejectSuggestion, unrejectSuggestion } from '../store/suggestion-commands';
import type { SuggestedAnnotation } from '../../shared/extract/suggest-annotations';
import type * as SpanReader from '../tagging/read-tagged-span';
import type { DocumentPlace, MentionsQuery } from './navigation';
import { ReviewWorkspace } from '../review/ReviewWorkspace';
import { useOpenContradictionCount } from '../review/use-open-count';
import { EntityRegistry } from '../entities/EntityRegistry';
import { CorpusMentions } from '../corpus/CorpusMentions';
import { AnnotationLinks } from '../links/AnnotationLinks';
import { useBundleTransfer } from '../bundles/use-bundle-transfer';
import { isStorageFull, storageFullMessage } from '../store/storage-errors';
import { useBackups } from '../backups/use-backups';

/** Annotations are signed with the reviewer's name once one is set, else with this. */
const ANONYMOUS_AUTHOR = 'Fact-checker';
const LAST_DOCUMENT_KEY = 'crosscheck.lastDocument';
const THEME_KEY = 'crosscheck.theme';

type PanelTab = 'annotations' | 'suggestions' | 'contradictions';

// The language tagger costs half a second to start: load it after the window is up, not before.
let spanReader: Promise<typeof SpanReader> | null = null;
function loadSpanReader(): Promise<typeof SpanReader> {
  spanReader ??= import('../tagging/read-tagged-span');
  return spanReader;
}
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadSpanReader(), { timeout: 5000 });
type View = 'read' | 'review' | 'entities';
const VIEW_KEY = 'crosscheck.view';
const VIEW_LABELS: Record<View, string> = { read: 'Read', review: 'Review', entities: 'Entities' };

interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

/** ISO dates compare as strings; a missing date sorts last. */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

function isEditingText(target: EventTarget | null): boolean {
  return !!(target as HTMLElement | null)?.closest?.('input, textarea, select');
}

export function App({ db, platform }: { db: CrosscheckDatabase; platform: Platform }): JSX.Element {
  // Story order: by publication date, undated documents last, then by import.
  const documents = useLiveQuery(
    async () =>
      (await db.documents.orderBy('importedAt').toArray()).sort(
        (a, b) => compareDates(a.publishedAt, b.publishedAt) || compareDates(a.importedAt, b.importedAt) || a.title.localeCompare(b.title),
      ),
    [db],
  );
  const [selectedDocumentId, setSelectedDocumentId] = useState<string | null>(() => localStorage.getItem(LAST_DOCUMENT_KEY));
  const [selectedAnnotationId, setSelectedAnnotationId] = useState<string | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [pasting, setPasting] = useState(false);
  const [editingDetails, setEditingDetails] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [theme, setTheme] = useState(() => localStorage.getItem(THEME_KEY) ?? 'light');
  const history = useRef(new UndoHistory());
  const reviewerSetting = useLiveQuery(() => db.settings.get(REVIEWER_NAME_KEY), [db]);
  const author = typeof reviewerSetting?.value === 'string' && reviewerSetting.value.trim() ? reviewerSetting.value.trim() : ANONYMOUS_AUTHOR;
  const engine = useEngine(db.name);
  const [panelTab, setPanelTab] = useState<PanelTab>('annotations');
  const [suggestionState, setSuggestionState] = useState<{ documentId: string; items: SuggestedAnnotation[] } | null>(null);
  const [activeSuggestion, setActiveSuggestion] = useState(0);
  const [focusSpan, setFocusSpan] = useState<{ documentId: string; start: number; end: number } | null>(null);
  const [view, setView] = useState<View>(() => (localStorage.getItem(VIEW_KEY) as View | null) ?? 'read');
  const [mentionsQuery, setMentionsQuery] = useState<MentionsQuery | null>(null);
  const openCount = useOpenContradictionCount(db, engine.contradictions);

  const currentDocument = documents?.find((d) => d.id === selectedDocumentId) ?? documents?.[0] ?? null;
  const documentId = currentDocument?.id ?? null;
  const annotations = useDocumentAnnotations(db, documentId);
  const suggestions = suggestionState && suggestionState.documentId === documentId ? suggestionState.items : [];
  const documentsById = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d])), [documents]);
  const entityList = useLiveQuery(() => db.entities.toArray(), [db]);
  const entities = useMemo(() => new Map((entityList ?? []).map((e) => [e.id, e])), [entityList]);
  const counts = useAnnotationCounts(db);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);
  useEffect(() => {
    if (documentId) localStorage.setItem(LAST_DOCUMENT_KEY, documentId);
  }, [documentId]);
  useEffect(() => localStorage.setItem(VIEW_KEY, view), [view]);

  const notify = useCallback((tone: Notice['tone'], text: string) => {
    setNotices((list) => [...list.slice(-3), { id: Date.now() + Math.random(), tone, text }]);
  }, []);

  const bundles = useBundleTransfer(db, platform, notify, engine.contradictions);
  // After a restore the undo history would reverse commands on records that may no longer exist.
  const forgetUndoHistory = useCallback(() => {
    history.current = new UndoHistory();
    setSuggestionState(null);
    setSelectedAnnotationId(null);
  }, []);
  const backups = useBackups(db, platform, notify, forgetUndoHistory);

  // A .crosscheck file opened with Crosscheck (double-click, or at launch) goes to the import preview.
  const importBundleFiles = bundles.importFiles;
  useEffect(
    () =>
      platform.onBundlesOpened(({ files, problems }) => {
        for (const problem of problems) notify('error', problem);
        importBundleFiles(files);
      }),
    [platform, notify, importBundleFiles],
  );

  const report = useCallback(
    (outcome: ImportSummary) => {
      // A long batch lists its failures in one notice rather than one notice per file.
      const problems = outcome.problems.length > 3 ? [`${outcome.problems.length} files were not imported: ${outcome.problems.join(' ')}`] : outcome.problems;
      for (const problem of problems) notify('error', problem);
      if (outcome.imported.length > 0) {
        notify('info', describeImportSummary(outcome));
        setSelectedDocumentId(outcome.imported[0]!.id);
        setSelectedAnnotationId(null);
      }
    },
    [notify],
  );

  const [importProgress, setImportProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const importFiles = useCallback(
    async (files: ReadonlyArray<File | SourceFileInput>) => {
      try {
        const onProgress = files.length > 1 ? (done: number, total: number, name: string) => setImportProgress({ done, total, name }) : undefined;
        report(await importSourceFiles(db, files, onProgress));
      } finally {
        setImportProgress(null);
      }
    },
    [db, report],
  );

  const chooseAndImport = useCallback(async () => {
    try {
      const files = await platform.chooseSourceFiles();
      if (files.length > 0) await importFiles(files);
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error));
    }
  }, [platform, importFiles, notify]);

  const openSamples = useCallback(async () => {
    try {
      const added = await importDocuments(db, await sampleCorpusDrafts());
      notify('info', added.length > 0 ? `Opened the sample corpus: ${added.length} articles.` : 'The sample corpus is already in the library.');
      if (added[0]) setSelectedDocumentId(added[0].id);
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error));
    }
  }, [db, notify]);

  const undo = useCallback(async () => {
    const label = await history.current.undo();
    notify('info', label ? `Undid: ${label}.` : 'Nothing to undo.');
  }, [notify]);

  const tag = useCallback(
    async (kind: AnnotationKind, start: number, end: number): Promise<string | null> => {
      if (!documentId || !currentDocument) return null;
      try {
        const reading = kind === 'entity' || kind === 'quantity' ? (await loadSpanReader()).readTaggedSpan(currentDocument, kind, start, end) : {};
        const annotation = await tagSpan(db, { documentId, kind, start, end, author, ...reading });
        // The reader drew the mark already; the side panel may follow without holding up the next frame.
        startTransition(() => {
          setSelectedAnnotationId(annotation.id);
          setPanelTab('annotations');
        });
        history.current.push({
          label: `tag ${KIND_LABELS[kind].toLowerCase()} “${annotation.quote.slice(0, 40)}”`,
          undo: async () => void (await deleteAnnotation(db, annotation.id)),
        });
        return annotation.id;
      } catch (error) {
        notify('error', error instanceof Error ? error.message : String(error));
        return null;
      }
    },
    [db, documentId, currentDocument, notify, author],
  );

  const runSuggest = useCallback(async () => {
    if (!documentId) return;
    const items = await engine.suggest(documentId);
    setSuggestionState({ documentId, items });
    setActiveSuggestion(0);
    setPanelTab('suggestions');
    if (items.length === 0) notify('info', 'Extraction has nothing new to suggest for this document.');
  }, [documentId, engine, notify]);

  const dropSuggestion = useCallback((id: string) => {
    setSuggestionState((state) => (state ? { ...state, items: state.items.filter((item) => item.id !== id) } : state));
  }, []);
  const restoreSuggestion = useCallback((suggestion: SuggestedAnnotation) => {
    setSuggestionState((state) =>
      state && state.documentId === suggestion.documentId
        ? { ...state, items: [...state.items, suggestion].sort((a, b) => a.start - b.start || a.end - b.end) }
        : state,
    );
  }, []);

  const accept = useCallback(
    async (suggestion: SuggestedAnnotation) => {
      try {
        await acceptSuggestion(db, suggestion, author);
        dropSuggestion(suggestion.id);
        history.current.push({
          label: `accept suggestion “${suggestion.quote.slice(0, 40)}”`,
          undo: async () => {
            await deleteAnnotation(db, suggestion.id);
            restoreSuggestion(suggestion);
          },
        });
      } catch (error) {
        notify('error', isStorageFull(error) ? storageFullMessage('The suggestion was not accepted') : error instanceof Error ? error.message : String(error));
      }
    },
    [db, dropSuggestion, restoreSuggestion, notify, author],
  );

  const reject = useCallback(
    async (suggestion: SuggestedAnnotation) => {
      await rejectSuggestion(db, suggestion);
      dropSuggestion(suggestion.id);
      history.current.push({
        label: `reject suggestion “${suggestion.quote.slice(0, 40)}”`,
        undo: async () => {
          await unrejectSuggestion(db, suggestion.id);
          restoreSuggestion(suggestion);
        },
      });
    },
    [db, dropSuggestion, restoreSuggestion],
  );

  const openInDocument = useCallback(
    (evidence: DocumentPlace) => {
      setView('read');
      setSelectedDocumentId(evidence.documentId);
      if (evidence.annotationId) {
        setFocusSpan(null);
        setSelectedAnnotationId(evidence.annotationId);
        setScrollRequest((previous) => ({ annotationId: evidence.annotationId!, sequence: (previous?.sequence ?? 0) + 1 }));
      } else {
        setFocusSpan({ documentId: evidence.documentId, start: evidence.start, end: evidence.end });
        setScrollRequest((previous) => ({ annotationId: FOCUS_SPAN_ID, sequence: (previous?.sequence ?? 0) + 1 }));
      }
    },
    [],
  );

  const remove = useCallback(
    async (id: string) => {
      const deleted = await deleteAnnotation(db, id);
      if (!deleted) return;
      setSelectedAnnotationId(null);
      history.current.push({
        label: `delete ${KIND_LABELS[deleted.annotation.kind].toLowerCase()} “${deleted.annotation.quote.slice(0, 40)}”`,
        undo: () => restoreAnnotation(db, deleted),
      });
    },
    [db],
  );

  const runMenuCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'import') void chooseAndImport();
      else if (command === 'open-samples') void openSamples();
      else if (command === 'paste-document') setPasting(true);
      else if (command === 'export-bundle') bundles.openExport();
      else if (command === 'import-bundle') bundles.chooseAndImport();
      else if (command === 'back-up-now') backups.backUpNow();
      else if (command === 'restore-backup') backups.openRestore();
      else if (command === 'toggle-dark-mode') setTheme((t) => (t === 'dark' ? 'light' : 'dark'));
      else if (command === 'about') void platform.appInfo().then((info) => notify('info', `${info.name} ${info.version} (${info.platform})`));
    },
    [chooseAndImport, openSamples, platform, notify, bundles, backups],
  );
  useEffect(() => platform.onMenuCommand(runMenuCommand), [platform, runMenuCommand]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !isEditingText(event.target)) {
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  const selectAnnotation = useCallback((id: string) => {
    setSelectedAnnotationId(id);
    setScrollRequest((previous) => ({ annotationId: id, sequence: (previous?.sequence ?? 0) + 1 }));
  }, []);

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        // Entries must be taken before the drop event ends; a dropped folder gives every file inside it.
        const dropped = entriesOfDrop(event.dataTransfer);
        void (dropped.entries.length > 0 ? filesOfEntries(dropped.entries) : Promise.resolve(dropped.files)).then((files) => {
          const isBundle = (file: File) => file.name.toLowerCase().endsWith('.crosscheck');
          // Articles go as File objects, so their size is checked before they are read.
          const sources = files.filter((file) => !isBundle(file));
          if (sources.length > 0) void importFiles(sources);
          const bundleFiles = files.filter(isBundle);
          if (bundleFiles.length > 0) {
            void Promise.all(bundleFiles.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))).then(bundles.importFiles);
          }
        });
      }}
    >
      <header className="toolbar">
        <h1 className="brand">Crosscheck</h1>
        <nav className="views" aria-label="Views">
          {(Object.keys(VIEW_LABELS) as View[]).map((name) => (
            <button key={name} type="button" className={view === name ? 'view selected' : 'view'} aria-pressed={view === name} onClick={() => setView(name)}>
              {VIEW_LABELS[name]}
              {name === 'review' && (
                <span className="badge" aria-label={`${openCount ?? 0} open contradictions`}>
                  {openCount === undefined ? '…' : openCount}
                </span>
              )}
            </button>
          ))}
        </nav>
        <button type="button" onClick={() => void chooseAndImport()}>
          Import…
        </button>
        <button type="button" onClick={() => setPasting(true)}>
          New from clipboard…
        </button>
        <button type="button" onClick={bundles.openExport}>
          Export…
        </button>
        <button type="button" onClick={bundles.chooseAndImport}>
          Import bundle…
        </button>
        <ul className="legend" aria-label="Legend">
          {ANNOTATION_KINDS.map((kind) => (
            <li key={kind}>
              <mark className={`legend-swatch mark-kind-${kind}`}>{KIND_LABELS[kind]}</mark>
              <kbd>{kind[0]!.toUpperCase()}</kbd>
            </li>
          ))}
        </ul>
        <button type="button" className="icon-button" aria-label="Toggle dark mode" aria-pressed={theme === 'dark'} onClick={() => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </header>
      {importProgress && (
        <div className="import-progress" role="status" aria-label="Import progress">
          Importing {importProgress.done} of {importProgress.total}
          {importProgress.name ? `: ${importProgress.name}` : ''}
          <progress max={importProgress.total} value={importProgress.done} />
        </div>
      )}
      <div className="notices" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => setNotices((list) => list.filter((n) => n.id !== notice.id))}>
              ✕
            </button>
          </div>
        ))}
      </div>
      {view === 'review' && (
        <ReviewWorkspace
          db={db}
          contradictions={engine.contradictions}
          documents={documentsById}
          progress={engine.progress}
          onOpenInDocument={openInDocument}
          onShowMentions={setMentionsQuery}
          onExportEvidence={bundles.exportEvidence}
        />
      )}
      {view === 'entities' && (
        <EntityRegistry db={db} documents={documentsById} onShowMentions={setMentionsQuery} onOpenInDocument={openInDocument} />
      )}
      <main className="workspace" hidden={view !== 'read'}>
        <LibraryPane
          documents={documents ?? []}
          counts={counts ?? new Map()}
          selectedId={documentId}
          onOpen={(id) => {
            setSelectedDocumentId(id);
            setSelectedAnnotationId(null);
          }}
          onDelete={(id) => void deleteDocument(db, id)}
          onOpenSamples={() => void openSamples()}
          onImport={() => void chooseAndImport()}
          backingUp={backups.backingUp}
          onBackUpNow={backups.backUpNow}
          onRestore={backups.canRestore ? backups.openRestore : undefined}
        />
        {currentDocument ? (
          <Reader
            document={currentDocument}
            annotations={annotations ?? []}
            suggestions={suggestions}
            focusSpan={focusSpan && focusSpan.documentId === currentDocument.id ? focusSpan : null}
            selectedId={selectedAnnotationId}
            scrollRequest={scrollRequest}
            onSuggest={() => void runSuggest()}
            onEditDetails={() => setEditingDetails(true)}
            onSelectAnnotation={(id) => {
              const index = suggestions.findIndex((s) => s.id === id);
              if (index >= 0 && !(annotations ?? []).some((a) => a.id === id)) {
                setPanelTab('suggestions');
                setActiveSuggestion(index);
              } else {
                setSelectedAnnotationId(id);
                setPanelTab('annotations');
              }
            }}
            onTag={tag}
          />
        ) : (
          <section className="reader reader-empty" aria-label="Reader">
            <p>{documents === undefined ? 'Opening the library…' : 'Import an article or open the sample corpus to start reading.'}</p>
          </section>
        )}
        <aside className="side-panel" aria-label="Side panel">
          <div className="tabs" role="tablist" aria-label="Side panel">
            {(
              [
                ['annotations', `Annotations ${annotations?.length ?? 0}`],
                ['suggestions', `Suggestions ${suggestions.length}`],
                ['contradictions', `Contradictions ${engine.contradictions?.length ?? '…'}`],
              ] as const
            ).map(([tab, label]) => (
              <button key={tab} type="button" role="tab" aria-selected={panelTab === tab} className={panelTab === tab ? 'tab selected' : 'tab'} onClick={() => setPanelTab(tab)}>
                {label}
              </button>
            ))}
          </div>
          {panelTab === 'annotations' && (
            <AnnotationPanel
              annotations={annotations ?? []}
              entities={entities}
              clusters={engine.clusters}
              selectedId={selectedAnnotationId}
              onSelect={selectAnnotation}
              onUpdate={(id, changes: { note?: string; status?: ClaimStatus; speakerName?: string }) =>
                void updateAnnotation(db, id, changes).catch((error: Error) => notify('error', error.message))
              }
              onSetEntityType={(entityId, type: EntityType) => void setEntityType(db, entityId, type)}
              onDelete={(id) => void remove(id)}
              onShowMentions={setMentionsQuery}
              renderLinks={(annotation) => (
                <AnnotationLinks db={db} annotation={annotation} documents={documentsById} author={author} onOpenInDocument={openInDocument} />
              )}
            />
          )}
          {panelTab === 'suggestions' &&
            (suggestionState?.documentId === documentId ? (
              <SuggestionList
                suggestions={suggestions}
                activeIndex={Math.min(activeSuggestion, Math.max(0, suggestions.length - 1))}
                onActivate={setActiveSuggestion}
                onAccept={(s) => void accept(s)}
                onReject={(s) => void reject(s)}
                onAcceptAll={() => void (async () => { for (const s of suggestions) await accept(s); })()}
              />
            ) : (
              <p className="empty-hint">
                Press <strong>Suggest</strong> above the document to let extraction propose the people, organisations, places and figures in it.
              </p>
            ))}
          {panelTab === 'contradictions' && (
            <ContradictionList
              contradictions={engine.contradictions}
              documents={documentsById}
              progress={engine.progress}
              error={engine.error}
              settings={engine.settings}
              onChangeSettings={engine.setSettings}
              onOpenEvidence={openInDocument}
            />
          )}
        </aside>
      </main>
      {mentionsQuery && (
        <CorpusMentions
          db={db}
          query={mentionsQuery}
          documents={documentsById}
          onOpenInDocument={(place) => {
            setMentionsQuery(null);
            openInDocument(place);
          }}
          onClose={() => setMentionsQuery(null)}
        />
      )}
      {bundles.element}
      {backups.element}
      {editingDetails && currentDocument && (
        <DocumentDetailsDialog
          key={currentDocument.id}
          document={currentDocument}
          onClose={() => setEditingDetails(false)}
          onSave={(details) => {
            setEditingDetails(false);
            void updateDocumentDetails(db, currentDocument.id, details).then(
              () => notify('info', `Saved the details of “${details.title.trim()}”.`),
              (error: Error) => notify('error', error.message),
            );
          }}
        />
      )}
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onImport={(content: ClipboardContent, title) => {
            setPasting(false);
            void importClipboard(db, content, title).then(report);
          }}
        />
      )}
    </div>
  );
}
