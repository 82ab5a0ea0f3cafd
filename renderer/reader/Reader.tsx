/**
 * The reader: a read-only Lexical editor derived from (document text, annotations) on every change.
 * Selecting text offers the five kinds (toolbar or keys C D F E Q); clicking a mark selects its annotation.
 */
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { MarkNode, $isMarkNode } from '@lexical/mark';
import { $getNodeByKey, type LexicalEditor } from 'lexical';
import type { Annotation, AnnotationKind, SourceDocument } from '../../shared/model';
import { ANNOTATION_KINDS, KIND_LABELS } from '../../shared/model';
import type { Span } from '../../shared/anchoring/segments';
import { snapToWordBoundaries } from '../../shared/anchoring/word-boundaries';
import { DocumentTree, SECTION_SIZE, spansByParagraph } from './document-tree';
import { ReaderSectionNode } from './reader-section-node';
import { readSelectionOffsets } from './selection-offsets';
import { FOCUS_SPAN_ID, decorateMarkElement, orderInnermostFirst, type AnnotationLookup } from './mark-appearance';
import type { SuggestedAnnotation } from '../../shared/extract/suggest-annotations';

export const TAG_KEYS: Record<string, AnnotationKind> = { c: 'claim', d: 'demand', f: 'fact', e: 'entity', q: 'quantity' };

export interface ScrollRequest {
  annotationId: string;
  /** Changes on every request, so that asking twice for the same annotation scrolls twice. */
  sequence: number;
}

interface ReaderProps {
  document: SourceDocument;
  annotations: readonly Annotation[];
  /** Suggestions not yet accepted or rejected, drawn as dashed marks. */
  suggestions: readonly SuggestedAnnotation[];
  /** A span to show (evidence that is not a stored annotation); scroll to it with annotationId 'focus'. */
  focusSpan: { start: number; end: number } | null;
  selectedId: string | null;
  scrollRequest: ScrollRequest | null;
  onSelectAnnotation(id: string): void;
  onSuggest(): void;
  onEditDetails(): void;
  /**
   * Saves a tag; resolves to the saved annotation's id, or null when it was not saved. The reader shows the
   * mark at once and keeps it until the saved annotation arrives (or takes it away if saving failed).
   */
  onTag(kind: AnnotationKind, start: number, end: number): Promise<string | null>;
}

/** A mark shown the moment the user tags, before the store has it. */
interface ProvisionalTag {
  id: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  /** The stored annotation's id, once saved. */
  savedAs?: string;
}

interface PendingSelection {
  start: number;
  end: number;
  top: number;
  left: number;
}

interface HoverCard {
  annotations: Annotation[];
  top: number;
  left: number;
}

const editorConfig = {
  namespace: 'crosscheck-reader',
  editable: false,
  nodes: [MarkNode, ReaderSectionNode],
  theme: { paragraph: 'reader-paragraph', mark: 'mark', markOverlap: 'mark-overlap' },
  onError(error: Error) {
    throw error;
  },
};

/** Sections this far outside the visible part of the reader get their marks ahead of scrolling. */
const MARK_AHEAD = '150% 0px';
/** Paragraphs given their marks per frame while scrolling, so no frame does a long task. */
const PARAGRAPHS_PER_FRAME = 12;

/** Puts a selection given in canonical offsets back onto the (rebuilt) DOM, if it moved. */
function restoreSelection(editor: LexicalEditor, tree: DocumentTree, kept: { start: number; end: number }): void {
  const root = editor.getRootElement();
  const current = root ? readSelectionOffsets(editor, tree.offsets, root) : null;
  if (current && current.start === kept.start && current.end === kept.end) return;
  const from = tree.locate(kept.start);
  const to = tree.locate(kept.end);
  const fromNode = from && editor.getElementByKey(from.key)?.firstChild;
  const toNode = to && editor.getElementByKey(to.key)?.firstChild;
  if (!from || !to || !fromNode || !toNode) return;
  const range = document.createRange();
  range.setStart(fromNode, from.offset);
  range.setEnd(toNode, to.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function sameSpans(a: readonly Span[] | undefined, b: readonly Span[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((span, i) => span === b[i]);
}

/** No suggestion is pending: one set, so that its identity does not change on every render. */
const NONE_PENDING: ReadonlySet<string> = new Set();

/** What the reader's tree plugin lets the reader ask of it. */
interface TreeControl {
  tree: DocumentTree | null;
  /** Makes sure the paragraph holding `offset` shows its marks (for scrolling to an annotation). */
  showMarksAt(offset: number): void;
}

/**
 * Keeps the editor's tree in step with (text, spans): the paragraphs near the viewport show their marks,
 * rebuilt only when their spans change; marks are decorated as Lexical creates them.
 */
function DocumentTreePlugin(props: {
  text: string;
  /** The stored annotations' and suggestions' spans: many, and regrouped only when they change. */
  spans: readonly Span[];
  /** A few more spans (marks not yet saved, the focused evidence), added to their paragraphs as they are. */
  extraSpans: readonly Span[];
  byId: AnnotationLookup;
  pending: ReadonlySet<string>;
  scrollRoot: { current: HTMLElement | null };
  control: { current: TreeControl };
  editorRef: { current: LexicalEditor | null };
  onRendered(): void;
}): null {
  const [editor] = useLexicalComposerContext();
  const { text, spans, extraSpans, byId, pending, scrollRoot, control, editorRef, onRendered } = props;
  const extraRef = useRef(extraSpans);
  extraRef.current = extraSpans;
  const byIdRef = useRef(byId);
  byIdRef.current = byId;
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const wanted = useRef(new Set<number>());
  const groups = useRef<Span[][]>([]);

  // Shows the marks of the given wanted paragraphs (all of them by default) whose look changed, in one update.
  const sync = useMemo(
    () => (indices?: Iterable<number>) => {
      const tree = control.current.tree;
      if (!tree) return;
      // Rebuilding a paragraph replaces its DOM text: keep the user's selection across it.
      const root = editor.getRootElement();
      const kept = root ? readSelectionOffsets(editor, tree.offsets, root) : null;
      editor.update(
        () => {
          for (const index of indices ?? wanted.current) {
            if (!wanted.current.has(index)) continue;
            let own = groups.current[index] ?? [];
            if (extraRef.current.length > 0) {
              const paragraph = tree.paragraphs[index]!;
              const extra = extraRef.current.filter((s) => s.start < paragraph.end && s.end > paragraph.start);
              if (extra.length > 0) own = [...own, ...extra];
            }
            const look = own
              .map((s) => `${s.id}:${s.start}:${s.end}:${byIdRef.current.get(s.id)?.kind ?? ''}:${pendingRef.current.has(s.id) ? 1 : 0}`)
              .join('|');
            tree.$showMarks(index, own, look);
          }
        },
        {
          tag: 'history-merge',
          onUpdate: () => {
            if (kept) restoreSelection(editor, tree, kept);
            onRendered();
          },
        },
      );
    },
    [editor, control, onRendered],
  );

  useEffect(() => {
    editorRef.current = editor;
    return editor.registerMutationListener(MarkNode, (mutations) => {
      editor.read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') continue;
          const node = $getNodeByKey(key);
          const element = editor.getElementByKey(key);
          if ($isMarkNode(node) && element) decorateMarkElement(element, node.getIDs(), byIdRef.current, pendingRef.current);
        }
      });
    });
  }, [editor, editorRef]);

  // A new text: every paragraph as plain text first, then marks as sections come near the viewport: a few
  // paragraphs per frame, nearest first, so that scrolling never waits for a long task.
  useEffect(() => {
    const tree = new DocumentTree(text);
    control.current.tree = tree;
    wanted.current = new Set();
    let observer: IntersectionObserver | null = null;
    let queue: number[] = [];
    let frame = 0;
    const drain = (): void => {
      frame = 0;
      const batch = queue.splice(0, PARAGRAPHS_PER_FRAME);
      for (const index of batch) wanted.current.add(index);
      if (batch.length > 0) sync(batch);
      if (queue.length > 0) frame = requestAnimationFrame(drain);
    };
    editor.update(() => tree.$build(), {
      tag: 'history-merge',
      onUpdate: () => {
        observer = new IntersectionObserver(
          (entries) => {
            const view = scrollRoot.current?.getBoundingClientRect();
            const arrived: Array<{ index: number; distance: number }> = [];
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              const section = Number((entry.target as HTMLElement).dataset.section);
              const box = entry.boundingClientRect;
              // Sections in view come first, then by how far they are from it.
              const distance = view ? Math.max(0, box.top - view.bottom, view.top - box.bottom) : 0;
              const first = section * SECTION_SIZE;
              const last = Math.min(tree.paragraphs.length, first + SECTION_SIZE);
              for (let index = first; index < last; index++) if (!wanted.current.has(index)) arrived.push({ index, distance });
            }
            if (arrived.length === 0) return;
            arrived.sort((a, b) => a.distance - b.distance || a.index - b.index);
            const queued = new Set(queue);
            queue = [...arrived.map((a) => a.index).filter((index) => !queued.has(index)), ...queue];
            if (frame === 0) drain();
          },
          { root: scrollRoot.current, rootMargin: MARK_AHEAD },
        );
        tree.sections.forEach((key, index) => {
          const element = editor.getElementByKey(key);
          if (!element) return;
          element.dataset.section = String(index);
          observer!.observe(element);
        });
        onRendered();
      },
    });
    control.current.showMarksAt = (offset) => {
      const index = tree.paragraphAt(offset);
      if (index < 0 || wanted.current.has(index)) return;
      wanted.current.add(index);
      sync([index]);
    };
    return () => {
      observer?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [editor, text, scrollRoot, control, sync, onRendered]);

  // New or changed spans: regroup them by paragraph and refresh the shown paragraphs whose spans changed
  // (span objects are kept per annotation object, so an unchanged paragraph has the very same spans).
  useEffect(() => {
    const tree = control.current.tree;
    if (!tree) return;
    const before = groups.current;
    groups.current = spansByParagraph(tree.paragraphs, spans);
    sync([...wanted.current].filter((index) => !sameSpans(before[index], groups.current[index])));
  }, [spans, text, control, sync]);
  // Extra spans come and go: refresh the paragraphs they were or are in.
  const extraBefore = useRef<readonly Span[]>([]);
  useEffect(() => {
    const tree = control.current.tree;
    const touched = [...extraBefore.current, ...extraSpans];
    extraBefore.current = extraSpans;
    if (!tree || touched.length === 0) return;
    const indices = new Set<number>();
    for (const span of touched) {
      const first = tree.paragraphAt(span.start);
      const last = tree.paragraphAt(Math.max(span.start, span.end - 1));
      for (let i = Math.max(0, first); i <= last; i++) indices.add(i);
    }
    sync(indices);
  }, [extraSpans, control, sync]);
  // Which suggestions are pending changes how marks look everywhere (dashed or not).
  useEffect(() => sync(), [pending, sync]);

  return null;
}

export function Reader(props: ReaderProps): JSX.Element {
  const { document: doc, annotations, suggestions, focusSpan, selectedId, scrollRequest, onSelectAnnotation, onTag } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const scrollRootRef = useRef<HTMLElement>(null);
  const treeControl = useRef<TreeControl>({ tree: null, showMarksAt: () => undefined });
  const handledScroll = useRef(0);
  const [renderCount, setRenderCount] = useState(0);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [hover, setHover] = useState<HoverCard | null>(null);
  const [provisional, setProvisional] = useState<ProvisionalTag[]>([]);
  const provisionalCount = useRef(0);
  // Suggestions join the marks as annotations-to-be; a stored annotation with the same id wins.
  const storedById = useMemo(
    () => new Map<string, Annotation>([...suggestions.map((s) => [s.id, s as unknown as Annotation] as const), ...annotations.map((a) => [a.id, a] as const)]),
    [annotations, suggestions],
  );
  const pendingSuggestions = useMemo<ReadonlySet<string>>(() => {
    if (suggestions.length === 0) return NONE_PENDING;
    const stored = new Set(annotations.map((a) => a.id));
    return new Set(suggestions.map((s) => s.id).filter((id) => !stored.has(id)));
  }, [annotations, suggestions]);
  // A provisional mark stays until its saved annotation is here, so the mark never blinks.
  const unsaved = useMemo(() => provisional.filter((p) => !(p.savedAs && storedById.has(p.savedAs))), [provisional, storedById]);
  useEffect(() => {
    if (unsaved.length < provisional.length) setProvisional(unsaved);
  }, [unsaved, provisional]);
  const byId = useMemo<AnnotationLookup>(() => {
    if (unsaved.length === 0) return storedById;
    const shown = new Map(
      unsaved.map((p) => [p.id, { id: p.id, documentId: doc.id, kind: p.kind, start: p.start, end: p.end, quote: doc.text.slice(p.start, p.end), status: 'unverified' } as Annotation]),
    );
    return { get: (id: string) => shown.get(id) ?? storedById.get(id) };
  }, [storedById, unsaved, doc]);
  // One span object per annotation object, so the tree can tell unchanged paragraphs by identity.
  const spanOf = useRef(new WeakMap<Annotation, Span>());
  const spans = useMemo(
    () =>
      [...storedById.values()].map((annotation) => {
        let span = spanOf.current.get(annotation);
        if (!span) spanOf.current.set(annotation, (span = { id: annotation.id, start: annotation.start, end: annotation.end }));
        return span;
      }),
    [storedById],
  );
  const extraSpans = useMemo(() => {
    const extra: Span[] = unsaved.map(({ id, start, end }) => ({ id, start, end }));
    if (focusSpan) extra.push({ id: FOCUS_SPAN_ID, ...focusSpan });
    return extra;
  }, [unsaved, focusSpan]);
  const onRendered = useMemo(() => () => setRenderCount((n) => n + 1), []);

  // The selected annotation's marks are outlined.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    for (const element of container.querySelectorAll('.mark-selected')) element.classList.remove('mark-selected');
    if (!selectedId) return;
    for (const element of container.querySelectorAll(`mark[data-annotation-ids~="${CSS.escape(selectedId)}"]`)) {
      element.classList.add('mark-selected');
    }
  }, [selectedId, renderCount]);

  // Scrolls once per request: first the target's paragraph gets its marks, then the mark is shown.
  useEffect(() => {
    if (!scrollRequest || handledScroll.current === scrollRequest.sequence) return;
    const span = scrollRequest.annotationId === FOCUS_SPAN_ID ? focusSpan : storedById.get(scrollRequest.annotationId);
    if (span) treeControl.current.showMarksAt(span.start);
    const first = containerRef.current?.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(scrollRequest.annotationId)}"]`);
    if (!first) return;
    handledScroll.current = scrollRequest.sequence;
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first.classList.remove('mark-flash');
    void first.offsetWidth; // restart the animation
    first.classList.add('mark-flash');
  }, [scrollRequest, storedById, focusSpan, renderCount]);

  /** The current selection in the reader, snapped to words; read fresh so a key right after selecting works. */
  function readPendingSelection(): PendingSelection | null {
    const editor = editorRef.current;
    const container = containerRef.current;
    if (!editor || !container) return null;
    const tree = treeControl.current.tree;
    if (!tree) return null;
    const offsets = readSelectionOffsets(editor, tree.offsets, container);
    const snapped = offsets && snapToWordBoundaries(doc.text, offsets.start, offsets.end);
    if (!snapped) return null;
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { ...snapped, top: rect.top, left: rect.left + rect.width / 2 };
  }
  const readPendingRef = useRef(readPendingSelection);
  readPendingRef.current = readPendingSelection;

  // Track the selection for the floating toolbar.
  useEffect(() => {
    const update = (): void => setPending(readPendingRef.current());
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  function tag(kind: AnnotationKind, selection: PendingSelection | null): void {
    if (!selection) return;
    const id = `provisional-${++provisionalCount.current}`;
    const { start, end } = selection;
    setProvisional((list) => [...list, { id, kind, start, end }]);
    void onTag(kind, start, end).then(
      (savedAs) => setProvisional((list) => (savedAs ? list.map((p) => (p.id === id ? { ...p, savedAs } : p)) : list.filter((p) => p.id !== id))),
      () => setProvisional((list) => list.filter((p) => p.id !== id)),
    );
    window.getSelection()?.removeAllRanges();
    setPending(null);
  }
  const tagRef = useRef(tag);
  tagRef.current = tag;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const kind = TAG_KEYS[event.key.toLowerCase()];
      if (!kind) return;
      const selection = readPendingRef.current();
      if (!selection) return;
      event.preventDefault();
      tagRef.current(kind, selection);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function marksAt(target: EventTarget | null): Annotation[] {
    const mark = (target as HTMLElement | null)?.closest?.('mark[data-annotation-ids]') as HTMLElement | null;
    if (!mark) return [];
    return orderInnermostFirst((mark.dataset.annotationIds ?? '').split(' '), byId);
  }

  return (
    <section ref={scrollRootRef} className="reader" aria-label="Reader">
      <header className="reader-header">
        {/* The heading is usually the text's first paragraph already; show the title only when it is not. */}
        {!doc.text.startsWith(doc.title) && <h2 className="reader-title">{doc.title}</h2>}
        <div className="reader-meta-row">
          <p className="reader-meta">{[doc.outlet, doc.author, doc.publishedAt].filter(Boolean).join(' · ')}</p>
          <span className="reader-actions">
            <button type="button" onClick={props.onEditDetails} title="Correct title, outlet, author, address, date and language">
              Details…
            </button>
            <button type="button" onClick={props.onSuggest} title="Let extraction propose entities and figures in this document">
              Suggest
            </button>
          </span>
        </div>
      </header>
      <div
        ref={containerRef}
        className={doc.text.startsWith(doc.title) ? 'reader-body starts-with-title' : 'reader-body'}
        onClick={(event) => {
          if (!window.getSelection()?.isCollapsed) return;
          const covering = marksAt(event.target);
          if (covering.length === 0) return;
          // Clicking again inside overlapping marks moves outwards through them.
          const current = covering.findIndex((a) => a.id === selectedId);
          onSelectAnnotation(covering[(current + 1) % covering.length]!.id);
        }}
        onMouseOver={(event) => {
          const covering = marksAt(event.target);
          if (covering.length === 0) return setHover(null);
          const rect = (event.target as HTMLElement).closest('mark')!.getBoundingClientRect();
          setHover({ annotations: covering, top: rect.bottom + 6, left: rect.left });
        }}
        onMouseLeave={() => setHover(null)}
      >
        <LexicalComposer key={doc.id} initialConfig={editorConfig}>
          <RichTextPlugin
            contentEditable={<ContentEditable className="reader-content" aria-label="Document text" aria-readonly="true" lang={doc.language === 'und' ? undefined : doc.language} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <DocumentTreePlugin
            text={doc.text}
            spans={spans}
            extraSpans={extraSpans}
            byId={byId}
            pending={pendingSuggestions}
            scrollRoot={scrollRootRef}
            control={treeControl}
            editorRef={editorRef}
            onRendered={onRendered}
          />
        </LexicalComposer>
      </div>
      {pending && (
        <div className="tag-toolbar" role="toolbar" aria-label="Tag selection" style={{ top: pending.top, left: pending.left }}>
          {ANNOTATION_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`tag-button kind-${kind}`}
              // Keep the text selection: a mousedown on a button would otherwise clear it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => tag(kind, readPendingSelection() ?? pending)}
              title={`${KIND_LABELS[kind]} (${kind[0]!.toUpperCase()})`}
            >
              {KIND_LABELS[kind]}
              <kbd>{kind[0]!.toUpperCase()}</kbd>
            </button>
          ))}
        </div>
      )}
      {hover && (
        <div className="hover-card" role="tooltip" style={{ top: hover.top, left: hover.left }}>
          {hover.annotations.map((a) => (
            <div key={a.id} className="hover-card-row">
              <span className={`kind-chip kind-${a.kind}`}>{KIND_LABELS[a.kind]}</span>
              {pendingSuggestions.has(a.id) && <span className="status">suggested</span>}
              {a.kind === 'claim' && <span className={`status status-${a.status}`}>{a.status}</span>}
              {a.note && <span className="hover-note">{a.note}</span>}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
