/** What extraction suggests for the open document: Enter accepts the highlighted one, Backspace rejects it. */
import { useEffect, useRef, type JSX } from 'react';
import type { SuggestedAnnotation } from '../../shared/extract/suggest-annotations';
import { KIND_LABELS } from '../../shared/model';
import { describeQuantityKey } from '../../shared/extract/quantity-key';

interface SuggestionListProps {
  suggestions: readonly SuggestedAnnotation[];
  activeIndex: number;
  onActivate(index: number): void;
  onAccept(suggestion: SuggestedAnnotation): void;
  onReject(suggestion: SuggestedAnnotation): void;
  onAcceptAll(): void;
}

function detail(suggestion: SuggestedAnnotation): string {
  if (suggestion.entity) return suggestion.entity.type;
  if (suggestion.quantity) return `${suggestion.quantity.value} ${describeQuantityKey(suggestion.quantity.key)}`;
  return '';
}

export function SuggestionList({ suggestions, activeIndex, onActivate, onAccept, onReject, onAcceptAll }: SuggestionListProps): JSX.Element {
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const item = listRef.current?.children[activeIndex] as HTMLElement | undefined;
    item?.focus();
  }, [activeIndex, suggestions]);

  if (suggestions.length === 0) {
    return <p className="empty-hint">No suggestions left for this document.</p>;
  }
  const active = suggestions[Math.min(activeIndex, suggestions.length - 1)];
  return (
    <section className="suggestions" aria-label="Suggestions">
      <p className="hint">
        <kbd>Enter</kbd> accept · <kbd>Backspace</kbd> reject · <kbd>↑</kbd>/<kbd>↓</kbd> move
        <button type="button" className="link-button" onClick={onAcceptAll}>
          Accept all {suggestions.length}
        </button>
      </p>
      <ol
        ref={listRef}
        className="suggestion-list"
        aria-label="Suggested annotations"
        onKeyDown={(event) => {
          if (!active) return;
          if (event.key === 'Enter') onAccept(active);
          else if (event.key === 'Backspace' || event.key === 'Delete') onReject(active);
          else if (event.key === 'ArrowDown' || event.key === 'j') onActivate(Math.min(activeIndex + 1, suggestions.length - 1));
          else if (event.key === 'ArrowUp' || event.key === 'k') onActivate(Math.max(activeIndex - 1, 0));
          else return;
          event.preventDefault();
        }}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.id}
            tabIndex={index === activeIndex ? 0 : -1}
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'selected' : undefined}
            onClick={() => onActivate(index)}
          >
            <span className={`kind-chip kind-${suggestion.kind}`}>{KIND_LABELS[suggestion.kind]}</span>
            <span className="annotation-quote">“<bdi>{suggestion.quote}</bdi>”</span>
            <span className="entity-name">{detail(suggestion)}</span>
            <span className="suggestion-actions">
              <button type="button" onClick={() => onAccept(suggestion)} aria-label={`Accept ${suggestion.quote}`}>
                Accept
              </button>
              <button type="button" onClick={() => onReject(suggestion)} aria-label={`Reject ${suggestion.quote}`}>
                Reject
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
