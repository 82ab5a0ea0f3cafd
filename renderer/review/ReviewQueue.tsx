/**
 * The review queue: a virtualised listbox of flags (only the rows in view exist in the DOM, so 5,000 flags
 * render as fast as 20). The listbox keeps focus and points at the selected row with aria-activedescendant;
 * the selected row is always scrolled into view, so the element it names always exists.
 */
import { useEffect, useRef, type JSX } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReviewDocument, ReviewItem } from '../../shared/review/review-items';
import { CONTRADICTION_KIND_LABELS } from './ContradictionList';
import { STATUS_LABELS } from './review-labels';
import './review.css';

/** Rows have a fixed height (one line each for head, explanation and documents): no measuring while scrolling. */
export const QUEUE_ROW_HEIGHT = 84;

export interface ReviewQueueProps {
  items: readonly ReviewItem[];
  selectedId: string | null;
  documents: ReadonlyMap<string, ReviewDocument>;
  onSelect(id: string, index: number): void;
}

/** A DOM id for a row: contradiction ids hold ':' which is valid in ids but awkward in selectors. */
export function queueRowId(id: string): string {
  return `review-row-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function documentsLine(item: ReviewItem, documents: ReadonlyMap<string, ReviewDocument>): string {
  if (!item.contradiction) return item.decision ? `Decided by ${item.decision.reviewer}` : '';
  const titles = item.documentIds.map((id) => documents.get(id)?.title ?? 'Removed document');
  return `${titles.length === 1 ? '1 document' : `${titles.length} documents`}: ${titles.join(' · ')}`;
}

function explanationOf(item: ReviewItem): string {
  if (item.contradiction) return item.contradiction.explanation;
  return item.decision?.reason ? `No longer flagged. ${item.decision.reason}.` : 'No longer flagged: the engine does not report this any more.';
}

export function ReviewQueue({ items, selectedId, documents, onSelect }: ReviewQueueProps): JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => items[index]!.id,
  });
  const selectedIndex = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const move = (index: number): void => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    if (items[next]) onSelect(items[next].id, next);
  };

  return (
    <div
      ref={scrollRef}
      className="review-queue"
      role="listbox"
      aria-label="Flags to review"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? queueRowId(items[selectedIndex]!.id) : undefined}
      onKeyDown={(event) => {
        // j/k work everywhere in the workspace; the arrows, Home and End work here, as in any listbox.
        const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? QUEUE_ROW_HEIGHT) / QUEUE_ROW_HEIGHT) - 1);
        const target: Record<string, number> = { ArrowDown: selectedIndex + 1, ArrowUp: selectedIndex - 1, Home: 0, End: items.length - 1, PageDown: selectedIndex + pageRows, PageUp: selectedIndex - pageRows };
        if (event.key in target && !event.altKey && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          move(target[event.key]!);
        }
      }}
    >
      <div className="review-queue-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          const selected = row.index === selectedIndex;
          return (
            <div
              key={row.key}
              id={queueRowId(item.id)}
              role="option"
              aria-selected={selected}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              className={`review-row kind-${item.kind} status-${item.status}${selected ? ' selected' : ''}${item.contradiction ? '' : ' unreported'}`}
              style={{ transform: `translateY(${row.start}px)`, height: QUEUE_ROW_HEIGHT }}
              onClick={() => onSelect(item.id, row.index)}
            >
              <div className="review-row-head">
                <span className="review-kind">{CONTRADICTION_KIND_LABELS[item.kind]}</span>
                <span className="score" title="How likely a reviewer is to confirm it">
                  {item.score === null ? '—' : `${Math.round(item.score * 100)}%`}
                </span>
                <span className={`review-status status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
              </div>
              <p className="review-row-explanation">{explanationOf(item)}</p>
              <p className="review-row-documents">{documentsLine(item, documents)}</p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
