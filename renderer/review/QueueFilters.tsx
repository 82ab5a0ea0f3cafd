/**
 * The queue's filters and sort. Every value names how many flags it would show given the other filters, so
 * the reviewer never picks an empty view by surprise.
 */
import { useId, type JSX } from 'react';
import { CONTRADICTION_KINDS, type ContradictionKind } from '../../shared/detect/contradiction';
import { REVIEW_SORTS, SCORE_THRESHOLDS, type ReviewCounts, type ReviewFilters, type ReviewSort } from '../../shared/review/review-filters';
import type { ReviewDocument } from '../../shared/review/review-items';
import { REVIEW_STATUSES, type ReviewStatus } from '../../shared/review/review-status';
import { CONTRADICTION_KIND_LABELS } from './ContradictionList';
import { SORT_LABELS, STATUS_LABELS, thresholdLabel } from './review-labels';

export interface QueueFiltersProps {
  filters: ReviewFilters;
  counts: ReviewCounts;
  documents: ReadonlyMap<string, ReviewDocument>;
  onChange(filters: ReviewFilters): void;
}

// Select values cannot be null: '' stands for "all".
const ALL = '';

export function QueueFilters({ filters, counts, documents, onChange }: QueueFiltersProps): JSX.Element {
  const id = useId();
  const set = (changes: Partial<ReviewFilters>): void => onChange({ ...filters, ...changes });
  const toggleStatus = (status: ReviewStatus, on: boolean): void =>
    set({ statuses: REVIEW_STATUSES.filter((s) => (s === status ? on : filters.statuses.includes(s))) });

  const documentOptions = [...counts.documents.entries()]
    .map(([id, count]) => ({ id, count, title: documents.get(id)?.title ?? 'Removed document' }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
  if (filters.documentId !== null && !counts.documents.has(filters.documentId)) {
    documentOptions.unshift({ id: filters.documentId, count: 0, title: documents.get(filters.documentId)?.title ?? 'Removed document' });
  }
  const entityOptions = [...counts.entities.entries()]
    .map(([key, { name, count }]) => ({ key, name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  if (filters.entityKey !== null && !counts.entities.has(filters.entityKey)) entityOptions.unshift({ key: filters.entityKey, name: filters.entityKey, count: 0 });

  return (
    <div className="review-filters" role="group" aria-label="Filter and sort flags">
      <div className="review-search">
        <input
          type="search"
          aria-label="Search flags"
          value={filters.text}
          placeholder="Search explanations, quotes, names…"
          onChange={(event) => set({ text: event.target.value })}
        />
        <span className="review-shown" role="status">
          {counts.shown} of {counts.total} shown
        </span>
      </div>
      <fieldset className="review-statuses">
        <legend>Status</legend>
        {REVIEW_STATUSES.map((status) => (
          <label key={status} className={`status-toggle status-${status}`}>
            <input type="checkbox" checked={filters.statuses.includes(status)} onChange={(event) => toggleStatus(status, event.target.checked)} />
            {STATUS_LABELS[status]} <span className="count">{counts.statuses[status]}</span>
          </label>
        ))}
      </fieldset>
      <div className="review-selects">
        <div className="review-select">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={filters.kind ?? ALL} onChange={(event) => set({ kind: event.target.value === ALL ? null : (event.target.value as ContradictionKind) })}>
            <option value={ALL}>All kinds ({counts.kinds.all})</option>
            {CONTRADICTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CONTRADICTION_KIND_LABELS[kind]} ({counts.kinds[kind]})
              </option>
            ))}
          </select>
        </div>
        <div className="review-select">
          <label htmlFor={`${id}-document`}>Document</label>
          <select id={`${id}-document`} value={filters.documentId ?? ALL} onChange={(event) => set({ documentId: event.target.value === ALL ? null : event.target.value })}>
            <option value={ALL}>All documents ({counts.anyDocument})</option>
            {documentOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.title} ({option.count})
              </option>
            ))}
          </select>
        </div>
        <div className="review-select">
          <label htmlFor={`${id}-entity`}>Person or organisation</label>
          <select id={`${id}-entity`} value={filters.entityKey ?? ALL} onChange={(event) => set({ entityKey: event.target.value === ALL ? null : event.target.value })}>
            <option value={ALL}>Anyone ({counts.anyEntity})</option>
            {entityOptions.map((option) => (
              <option key={option.key} value={option.key}>
                {option.name} ({option.count})
              </option>
            ))}
          </select>
        </div>
        <div className="review-select">
          <label htmlFor={`${id}-score`}>Minimum score</label>
          <select id={`${id}-score`} value={String(filters.minScore)} onChange={(event) => set({ minScore: Number(event.target.value) })}>
            {SCORE_THRESHOLDS.map((threshold) => (
              <option key={threshold} value={String(threshold)}>
                {thresholdLabel(threshold)} ({counts.minScores.get(threshold) ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div className="review-select">
          <label htmlFor={`${id}-sort`}>Sort</label>
          <select id={`${id}-sort`} value={filters.sort} onChange={(event) => set({ sort: event.target.value as ReviewSort })}>
            {REVIEW_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
