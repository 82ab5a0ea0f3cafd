/**
 * The reviewer's workspace: the queue of flagged contradictions (filtered, counted, sorted, virtualised) and
 * the evidence of the selected one, with decisions from buttons or keys: j/k move, c confirm, x dismiss,
 * f follow-up, o open in the document, u undo. Filters and the reviewer's name live in the settings table.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contradiction } from '../../shared/detect/contradiction';
import type { SourceDocument } from '../../shared/model';
import { normaliseReviewFilters, reviewQueue, type ReviewFilters } from '../../shared/review/review-filters';
import { reviewItems, type ReviewItem } from '../../shared/review/review-items';
import { nameVariantSides } from '../../shared/review/name-variant-sides';
import type { EngineProgress } from '../engine/engine-protocol';
import type { CrosscheckDatabase } from '../store/database';
import {
  confirmDifferentEntities,
  confirmSameEntity,
  decideContradiction,
  REVIEW_FILTERS_KEY,
  REVIEWER_NAME_KEY,
  saveReviewFilters,
  setReviewerName,
  undoDecision,
  type DecisionReceipt,
} from '../store/decision-commands';
import type { DocumentPlace, EvidenceSelection, MentionsQuery } from '../app/navigation';
import { CONTRADICTION_KIND_LABELS } from './ContradictionList';
import { DismissDialog, NameVariantDialog, ReviewerNameDialog } from './DecisionDialogs';
import { EvidenceView, type DecisionAction } from './EvidenceView';
import { QueueFilters } from './QueueFilters';
import { ReviewQueue } from './ReviewQueue';
import { useDecisionUndo } from './use-decision-undo';
import { useReviewRecords } from './use-review-records';
import './review.css';

export interface ReviewWorkspaceProps {
  db: CrosscheckDatabase;
  contradictions: readonly Contradiction[] | undefined;
  documents: ReadonlyMap<string, SourceDocument>;
  progress: EngineProgress | null;
  onOpenInDocument(place: DocumentPlace): void;
  onShowMentions(query: MentionsQuery): void;
  onExportEvidence(selection: EvidenceSelection): void;
}

type Dialog =
  | { type: 'reviewer'; then?: DecisionAction }
  // The reviewer's name travels with the question: it may have been set a moment ago.
  | { type: 'dismiss'; itemId: string; reviewer: string }
  | { type: 'name-variant'; itemId: string; reviewer: string };

interface Message {
  text: string;
  tone: 'info' | 'error';
}

const SAVE_DELAY_MS = 400;

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element?.closest?.('input, textarea, select, [contenteditable="true"], dialog');
}

function flagName(item: ReviewItem): string {
  const text = item.contradiction?.explanation ?? item.decision?.reason ?? item.id;
  return `${CONTRADICTION_KIND_LABELS[item.kind]}: ${text.length > 90 ? `${text.slice(0, 90)}…` : text}`;
}

export function ReviewWorkspace(props: ReviewWorkspaceProps): JSX.Element {
  const { db, contradictions, documents, progress, onOpenInDocument, onShowMentions, onExportEvidence } = props;
  const records = useReviewRecords(db, contradictions);
  const saved = useLiveQuery(async () => {
    const [filters, reviewer] = await Promise.all([db.settings.get(REVIEW_FILTERS_KEY), db.settings.get(REVIEWER_NAME_KEY)]);
    return { filters: normaliseReviewFilters(filters?.value), reviewer: typeof reviewer?.value === 'string' ? reviewer.value : '' };
  }, [db]);
  // Filters as edited in this session; until the first edit, the saved ones.
  const [edited, setEdited] = useState<ReviewFilters | null>(null);
  const filters = edited ?? saved?.filters ?? null;
  const deferredFilters = useDeferredValue(filters);
  const reviewer = saved?.reviewer ?? '';
  const [selection, setSelection] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const undoStack = useDecisionUndo(db);
  const [message, setMessage] = useState<Message | null>(null);

  // Typing in the search box saves once the typing pauses; any other change saves at once.
  const [pendingSave, setPendingSave] = useState<{ filters: ReviewFilters; delay: number } | null>(null);
  useEffect(() => {
    if (!pendingSave) return;
    const timer = setTimeout(() => void saveReviewFilters(db, pendingSave.filters), pendingSave.delay);
    return () => clearTimeout(timer);
  }, [db, pendingSave]);
  const changeFilters = useCallback(
    (next: ReviewFilters) => {
      setEdited(next);
      setPendingSave({ filters: next, delay: next.text !== filters?.text ? SAVE_DELAY_MS : 0 });
    },
    [filters],
  );

  const items = useMemo(() => {
    if (!contradictions || !records) return undefined;
    return reviewItems(contradictions, {
      decisions: records.decisions,
      annotationOf: (id) => records.annotations.get(id),
      evidenceHashOf: (contradiction) => records.hashes.get(contradiction.id),
      entityNameOf: (id) => records.entities.get(id)?.name,
      documentOf: (id) => documents.get(id),
    });
  }, [contradictions, records, documents]);
  const queue = useMemo(() => (items && deferredFilters ? reviewQueue(items, deferredFilters) : undefined), [items, deferredFilters]);
  const visible = queue?.items;

  // The selected flag; when it leaves the list (decided and now filtered out), the one that took its place.
  const selectedIndex = visible ? visible.findIndex((item) => item.id === selection.id) : -1;
  const current: ReviewItem | null = visible
    ? (selectedIndex >= 0 ? visible[selectedIndex] : visible[Math.min(selection.index, visible.length - 1)]) ?? null
    : null;
  const currentIndex = current && visible ? (selectedIndex >= 0 ? selectedIndex : Math.min(selection.index, visible.length - 1)) : -1;

  const select = useCallback((id: string, index: number) => setSelection({ id, index }), []);
  const move = useCallback(
    (delta: number) => {
      if (!visible || visible.length === 0) return;
      const index = Math.max(0, Math.min(visible.length - 1, currentIndex + delta));
      setSelection({ id: visible[index]!.id, index });
    },
    [visible, currentIndex],
  );

  const { push: pushUndo, pop: popUndo } = undoStack;
  const run = useCallback(
    async (label: string, command: () => Promise<DecisionReceipt>) => {
      try {
        pushUndo(await command());
        setMessage({ tone: 'info', text: `${label}. Press U to undo.` });
      } catch (error) {
        setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
      }
    },
    [pushUndo],
  );

  const decide = useCallback(
    (action: DecisionAction, item: ReviewItem | null, name = reviewer) => {
      if (!item) return;
      if (!name) {
        setDialog({ type: 'reviewer', then: action });
        return;
      }
      if (action === 'dismiss') {
        setDialog({ type: 'dismiss', itemId: item.id, reviewer: name });
      } else if (action === 'confirm' && item.contradiction?.kind === 'name-variant') {
        setDialog({ type: 'name-variant', itemId: item.id, reviewer: name });
      } else {
        const status = action === 'confirm' ? 'confirmed' : 'needs-follow-up';
        void run(action === 'confirm' ? 'Confirmed' : 'Marked for follow-up', () =>
          decideContradiction(db, { contradictionId: item.id, ...(item.contradiction ? { evidence: item.contradiction.evidence } : {}), status, reviewer: name }),
        );
      }
    },
    [db, reviewer, run],
  );

  const undo = useCallback(async () => {
    const receipt = popUndo();
    if (!receipt) {
      setMessage({ tone: 'info', text: 'No decision to undo.' });
      return;
    }
    const undone = await undoDecision(db, receipt);
    setMessage(
      undone
        ? { tone: 'info', text: receipt.previous ? 'Undone: the previous decision is back.' : 'Undone: the flag is open again.' }
        : { tone: 'error', text: 'That flag was decided again since; nothing was undone.' },
    );
    if (undone) setSelection((selection) => ({ ...selection, id: receipt.decision.contradictionId }));
  }, [db, popUndo]);

  const openFirst = useCallback(
    (item: ReviewItem | null) => {
      const evidence = item?.contradiction?.evidence[0];
      if (evidence) onOpenInDocument({ documentId: evidence.documentId, start: evidence.start, end: evidence.end, ...(evidence.annotationId ? { annotationId: evidence.annotationId } : {}) });
    },
    [onOpenInDocument],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || dialog || isTyping(event.target)) return;
      const actions: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        c: () => decide('confirm', current),
        x: () => decide('dismiss', current),
        f: () => decide('follow-up', current),
        o: () => openFirst(current),
        u: () => void undo(),
      };
      const action = actions[event.key.toLowerCase()];
      if (!action || event.shiftKey) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog, move, decide, current, openFirst, undo]);

  const dialogItem = dialog && dialog.type !== 'reviewer' ? (items?.find((item) => item.id === dialog.itemId) ?? null) : null;
  const closeDialog = (): void => setDialog(null);

  const exportSelection = (): void => {
    if (!visible) return;
    const reported = visible.flatMap((item) => (item.contradiction ? [item.contradiction] : []));
    onExportEvidence({
      contradictionIds: reported.map((c) => c.id),
      documentIds: [...new Set(reported.flatMap((c) => c.evidence.map((e) => e.documentId)))],
      annotationIds: [...new Set(reported.flatMap((c) => c.evidence.flatMap((e) => (e.annotationId ? [e.annotationId] : []))))],
    });
  };

  let nameVariantDialog: JSX.Element | null = null;
  if (dialog?.type === 'name-variant' && dialogItem?.contradiction?.kind === 'name-variant') {
    const contradiction = dialogItem.contradiction;
    const sides = nameVariantSides(contradiction);
    const unstored = contradiction.evidence.filter((e) => !(e.annotationId && records?.annotations.get(e.annotationId)?.entityId)).length;
    const decision = { contradictionId: contradiction.id, evidence: contradiction.evidence, reviewer: dialog.reviewer };
    nameVariantDialog = (
      <NameVariantDialog
        variantName={sides.variant.name}
        expectedName={sides.expected.name}
        entityWord={contradiction.details.entityType === 'person' ? 'person' : 'organisation'}
        unstoredMentions={unstored}
        onCancel={closeDialog}
        onConfirmOnly={() => {
          closeDialog();
          void run('Confirmed', () => decideContradiction(db, { ...decision, status: 'confirmed' }));
        }}
        onSameEntity={() => {
          closeDialog();
          void run(`Treated “${sides.variant.name}” as “${sides.expected.name}”`, () =>
            confirmSameEntity(db, {
              decision,
              variantName: sides.variant.name,
              variantEvidence: sides.variantEvidence,
              expectedName: sides.expected.name,
              expectedEvidence: sides.expectedEvidence,
              entityType: contradiction.details.entityType,
            }),
          );
        }}
        onDifferentEntities={() => {
          closeDialog();
          void run(`Ruled “${sides.variant.name}” and “${sides.expected.name}” different`, () =>
            confirmDifferentEntities(db, { decision, names: [sides.variant.name, sides.expected.name] }),
          );
        }}
      />
    );
  }

  return (
    <section className="review-workspace" aria-label="Review">
      <div className="review-left">
        <header className="review-header">
          <h2>Review</h2>
          {progress && (
            <span className="engine-progress" role="status">
              {progress.phase}… {progress.total > 1 ? `${progress.done} of ${progress.total}` : ''}
            </span>
          )}
          <span className="reviewer">
            Reviewer: <strong>{reviewer || 'not set'}</strong>
            <button type="button" className="link-button" onClick={() => setDialog({ type: 'reviewer' })}>
              {reviewer ? 'Change' : 'Set name'}
            </button>
          </span>
          <button type="button" onClick={() => void undo()} disabled={undoStack.receipts.length === 0} title="Undo the last decision (U)">
            Undo decision
          </button>
          <button type="button" onClick={exportSelection} disabled={!queue || queue.counts.shown === 0}>
            Export evidence…
          </button>
        </header>
        {filters && queue && <QueueFilters filters={filters} counts={queue.counts} documents={documents} onChange={changeFilters} />}
        {message && (
          <p className={`review-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {!visible ? (
          <p className="empty-hint review-empty">Checking the library…</p>
        ) : visible.length === 0 ? (
          <p className="empty-hint review-empty">
            {queue!.counts.total === 0
              ? 'No contradictions found. Tag people, figures and claims in two or more documents, or let extraction check the texts.'
              : filters!.statuses.length === 0
                ? 'No status is selected: tick one above.'
                : 'No flag matches these filters.'}
          </p>
        ) : (
          <ReviewQueue items={visible} selectedId={current?.id ?? null} documents={documents} onSelect={select} />
        )}
        <p className="shortcut-help" aria-hidden="true">
          <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>C</kbd> confirm · <kbd>X</kbd> dismiss · <kbd>F</kbd> follow-up · <kbd>O</kbd> open · <kbd>U</kbd> undo
        </p>
      </div>
      <EvidenceView
        item={current}
        documents={documents}
        annotations={records?.annotations ?? new Map()}
        entities={records?.entities ?? new Map()}
        onDecide={(action) => decide(action, current)}
        onOpenInDocument={onOpenInDocument}
        onShowMentions={onShowMentions}
      />
      {dialog?.type === 'reviewer' && (
        <ReviewerNameDialog
          initial={reviewer}
          onCancel={closeDialog}
          onSave={(name) => {
            closeDialog();
            void setReviewerName(db, name).then(
              (clean) => {
                if (dialog.then) decide(dialog.then, current, clean);
              },
              (error: Error) => setMessage({ tone: 'error', text: error.message }),
            );
          }}
        />
      )}
      {dialog?.type === 'dismiss' && dialogItem && (
        <DismissDialog
          subject={flagName(dialogItem)}
          onCancel={closeDialog}
          onDismiss={(reason) => {
            closeDialog();
            void run('Dismissed', () =>
              decideContradiction(db, {
                contradictionId: dialogItem.id,
                ...(dialogItem.contradiction ? { evidence: dialogItem.contradiction.evidence } : {}),
                status: 'dismissed',
                reason,
                reviewer: dialog.reviewer,
              }),
            );
          }}
        />
      )}
      {nameVariantDialog}
    </section>
  );
}
