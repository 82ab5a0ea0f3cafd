/** The side panel: the document's annotations in text order, and an editor for the selected one. */
import { useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MentionsQuery } from '../app/navigation';
import type { Annotation, ClaimStatus, Entity, EntityType } from '../../shared/model';
import { CLAIM_STATUSES, ENTITY_TYPES, KIND_LABELS } from '../../shared/model';
import { describeQuantityKey } from '../../shared/extract/quantity-key';
import type { ClusterSummary } from '../engine/engine-protocol';

interface AnnotationPanelProps {
  annotations: readonly Annotation[];
  entities: ReadonlyMap<string, Entity>;
  /** Entity annotation id -> the spellings the engine takes for the same referent. */
  clusters: Readonly<Record<string, ClusterSummary>>;
  selectedId: string | null;
  onSelect(id: string): void;
  onUpdate(id: string, changes: { note?: string; status?: ClaimStatus; speakerName?: string }): void;
  onSetEntityType(entityId: string, type: EntityType): void;
  onDelete(id: string): void;
  onShowMentions(query: MentionsQuery): void;
  /** The annotation's links, drawn inside its editor. */
  renderLinks(annotation: Annotation): ReactNode;
}

function shorten(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function AnnotationEditor(props: {
  annotation: Annotation;
  entities: ReadonlyMap<string, Entity>;
  cluster: ClusterSummary | undefined;
  onUpdate: AnnotationPanelProps['onUpdate'];
  onSetEntityType: AnnotationPanelProps['onSetEntityType'];
  onShowMentions: AnnotationPanelProps['onShowMentions'];
  links: ReactNode;
  onDelete(): void;
}): JSX.Element {
  const { annotation, entities, onUpdate, onSetEntityType } = props;
  const speakerName = annotation.speaker ? (entities.get(annotation.speaker)?.name ?? '') : '';
  const [note, setNote] = useState(annotation.note ?? '');
  const [speaker, setSpeaker] = useState(speakerName);
  const entity = annotation.entityId ? entities.get(annotation.entityId) : undefined;
  const people = [...entities.values()].filter((e) => e.type === 'person');

  // Another edit (undo, a second window) replaces the draft only when the stored value changes.
  useEffect(() => setNote(annotation.note ?? ''), [annotation.note]);
  useEffect(() => setSpeaker(speakerName), [speakerName]);

  return (
    <div className="annotation-editor" aria-label="Edit annotation">
      <label>
        Status
        <select value={annotation.status} onChange={(event) => onUpdate(annotation.id, { status: event.target.value as ClaimStatus })}>
          {CLAIM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <label>
        Speaker
        <input
          list="speaker-names"
          value={speaker}
          placeholder="Who says it?"
          onChange={(event) => setSpeaker(event.target.value)}
          onBlur={() => speaker !== speakerName && onUpdate(annotation.id, { speakerName: speaker })}
          onKeyDown={(event) => event.key === 'Enter' && (event.target as HTMLInputElement).blur()}
        />
        <datalist id="speaker-names">
          {people.map((person) => (
            <option key={person.id} value={person.name} />
          ))}
        </datalist>
      </label>
      {entity && (
        <label>
          Entity type
          <select value={entity.type} onChange={(event) => onSetEntityType(entity.id, event.target.value as EntityType)}>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.cluster && (
        <div className="cluster-detail" aria-label="Same referent">
          <p>Written elsewhere as:</p>
          <ul>
            {props.cluster.forms.map((form) => (
              <li key={form.name}>
                {form.name} <span className="muted">({form.mentions} in {form.documents} document{form.documents === 1 ? '' : 's'})</span>
              </li>
            ))}
          </ul>
          {props.cluster.reasons.length > 0 && <p className="muted">Why: {props.cluster.reasons.join('; ')}</p>}
        </div>
      )}
      {annotation.kind === 'quantity' &&
        (annotation.quantity ? (
          <p className="quantity-detail">
            {annotation.quantity.approximation && annotation.quantity.approximation !== 'exact' ? `${annotation.quantity.approximation} ` : ''}
            {annotation.quantity.value}
            {annotation.quantity.upper !== undefined ? `–${annotation.quantity.upper}` : ''} {describeQuantityKey(annotation.quantity.key)}
            {annotation.quantity.asOf ? `, as of ${annotation.quantity.asOf}` : ''} · key <code>{annotation.quantity.key}</code>
          </p>
        ) : (
          <p className="quantity-detail muted">No counted figure recognised in this span; it is not compared across documents.</p>
        ))}
      <label>
        Note
        <textarea
          value={note}
          rows={3}
          placeholder="Source, reasoning, follow-up…"
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => note !== (annotation.note ?? '') && onUpdate(annotation.id, { note })}
        />
      </label>
      {(entity || annotation.quantity) && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            props.onShowMentions(entity ? { kind: 'entity', entityId: entity.id } : { kind: 'quantity', key: annotation.quantity!.key })
          }
        >
          All mentions across the corpus
        </button>
      )}
      {props.links}
      <button type="button" className="danger" onClick={props.onDelete}>
        Delete annotation
      </button>
    </div>
  );
}

export function AnnotationPanel(props: AnnotationPanelProps): JSX.Element {
  const { annotations, entities, selectedId, onSelect } = props;
  const ordered = useMemo(() => [...annotations].sort((a, b) => a.start - b.start || b.end - a.end), [annotations]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // A long document can carry thousands of annotations: only the rows in view are rendered.
  const rows = useVirtualizer({
    count: ordered.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 68,
    overscan: 8,
    getItemKey: (index) => ordered[index]!.id,
  });

  useEffect(() => {
    const index = ordered.findIndex((a) => a.id === selectedId);
    if (index >= 0) rows.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, ordered, rows]);

  return (
    <section className="annotation-panel" aria-label="Annotations">
      {ordered.length === 0 ? (
        <p className="empty-hint">Select text in the reader, then press C, D, F, E or Q (or use the toolbar) to tag it.</p>
      ) : (
        <div ref={scrollRef} className="annotation-scroll">
          <ol className="annotation-list" aria-label="Annotations in text order" style={{ height: rows.getTotalSize() }}>
            {rows.getVirtualItems().map((row) => {
              const annotation = ordered[row.index]!;
              const selected = annotation.id === selectedId;
              const entityName = annotation.entityId ? entities.get(annotation.entityId)?.name : undefined;
              return (
                <li
                  key={row.key}
                  ref={rows.measureElement}
                  data-index={row.index}
                  style={{ transform: `translateY(${row.start}px)` }}
                  className={selected ? 'selected' : undefined}
                  aria-current={selected ? 'true' : undefined}
                >
                  <button type="button" className="annotation-summary" onClick={() => onSelect(annotation.id)}>
                    <span className={`kind-chip kind-${annotation.kind}`}>{KIND_LABELS[annotation.kind]}</span>
                    <span className="annotation-quote">“<bdi>{shorten(annotation.quote)}</bdi>”</span>
                    {annotation.kind === 'claim' && <span className={`status status-${annotation.status}`}>{annotation.status}</span>}
                    {entityName && entityName !== annotation.quote && <span className="entity-name">→ {entityName}</span>}
                  </button>
                  {selected && (
                    <AnnotationEditor
                      annotation={annotation}
                      entities={entities}
                      cluster={props.clusters[annotation.id]}
                      onUpdate={props.onUpdate}
                      onSetEntityType={props.onSetEntityType}
                      onShowMentions={props.onShowMentions}
                      links={props.renderLinks(annotation)}
                      onDelete={() => props.onDelete(annotation.id)}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
