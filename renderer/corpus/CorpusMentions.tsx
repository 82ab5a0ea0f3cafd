/** One list of every mention of an entity or a quantity key across the corpus, with context and date. */
import { useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, Approximation, Entity, QuantityValue, SourceDocument } from '../../shared/model';
import { KIND_LABELS } from '../../shared/model';
import { describeQuantityKey } from '../../shared/extract/quantity-key';
import { nameKey } from '../../shared/text/name-key';
import type { CrosscheckDatabase } from '../store/database';
import type { DocumentPlace, MentionsQuery } from '../app/navigation';
import { sentenceAround } from './mention-context';
import './corpus-mentions.css';

export interface CorpusMentionsProps {
  db: CrosscheckDatabase;
  query: MentionsQuery;
  documents: ReadonlyMap<string, SourceDocument>;
  onOpenInDocument(place: DocumentPlace): void;
  onClose(): void;
}

/** A stored annotation in the list, and why it is there. */
interface Mention {
  annotation: Annotation;
  /** `speaker`: a claim this entity is quoted as saying, not a place its name is written. */
  role: 'mention' | 'speaker';
}

interface Loaded {
  /** Undefined for a quantity query; null when the entity is gone (merged away or deleted). */
  entity?: Entity | null;
  mentions: Mention[];
}

// Rows drawn at once; a name mentioned thousands of times gets "Show more" instead of thousands of nodes.
const PAGE = 100;

const APPROXIMATION_WORDS: Record<Approximation, string> = {
  exact: '',
  about: 'about ',
  'at-least': 'at least ',
  'more-than': 'more than ',
  'at-most': 'at most ',
  'less-than': 'less than ',
};

/** "about 30 trapped miners", "20–25 km". */
function describeFigure(quantity: QuantityValue): string {
  const range = quantity.upper !== undefined ? `${quantity.value}–${quantity.upper}` : String(quantity.value);
  return `${APPROXIMATION_WORDS[quantity.approximation ?? 'exact']}${range} ${quantity.unit ?? describeQuantityKey(quantity.key)}`;
}

/** ISO dates sort as strings; undated documents go last. */
function dateKey(document: SourceDocument | undefined): string {
  return document?.publishedAt ?? '\uffff';
}

async function loadMentions(db: CrosscheckDatabase, query: MentionsQuery): Promise<Loaded> {
  if (query.kind === 'quantity') {
    const annotations = await db.annotations.where('quantity.key').equals(query.key).toArray();
    return { mentions: annotations.map((annotation) => ({ annotation, role: 'mention' })) };
  }
  const [entity, named, spoken] = await Promise.all([
    db.entities.get(query.entityId),
    db.annotations.where('entityId').equals(query.entityId).toArray(),
    db.annotations.where('speaker').equals(query.entityId).toArray(),
  ]);
  const namedIds = new Set(named.map((annotation) => annotation.id));
  return {
    entity: entity ?? null,
    mentions: [
      ...named.map((annotation): Mention => ({ annotation, role: 'mention' })),
      ...spoken.filter((annotation) => !namedIds.has(annotation.id)).map((annotation): Mention => ({ annotation, role: 'speaker' })),
    ],
  };
}

export function CorpusMentions({ db, query, documents, onOpenInDocument, onClose }: CorpusMentionsProps): JSX.Element | null {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  // How many rows to draw, counted afresh when the app shows another entity or key in the same dialog.
  const queryKey = query.kind === 'entity' ? `entity:${query.entityId}` : `quantity:${query.key}`;
  const [paging, setPaging] = useState({ queryKey, shown: PAGE });
  const shown = paging.queryKey === queryKey ? paging.shown : PAGE;
  const loaded = useLiveQuery(() => loadMentions(db, query), [db, query]);

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    // No onClose handler on the element: close() here (also StrictMode's rehearsal unmount) must not
    // tell the app to drop the dialog.
    return () => dialog?.close();
  }, []);

  const mentions = useMemo(() => {
    const list = [...(loaded?.mentions ?? [])];
    return list.sort((a, b) => {
      const x = documents.get(a.annotation.documentId);
      const y = documents.get(b.annotation.documentId);
      return (
        dateKey(x).localeCompare(dateKey(y)) ||
        (x?.title ?? '').localeCompare(y?.title ?? '') ||
        a.annotation.documentId.localeCompare(b.annotation.documentId) ||
        a.annotation.start - b.annotation.start
      );
    });
  }, [loaded, documents]);

  const subject =
    query.kind === 'quantity' ? describeQuantityKey(query.key) : loaded?.entity ? loaded.entity.name : loaded ? 'a removed entity' : '…';
  const documentCount = new Set(mentions.map((m) => m.annotation.documentId)).size;

  return (
    <dialog
      ref={dialogRef}
      className="corpus-mentions"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Esc: let the app unmount the dialog rather than the browser close it behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="corpus-mentions-head">
        <h2 id={headingId}>Mentions of {subject}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      {query.kind === 'quantity' && (
        <p className="muted corpus-mentions-sub">
          Figures tagged with the key <code>{query.key}</code>, in the order the documents were published.
        </p>
      )}
      {query.kind === 'entity' && loaded?.entity && loaded.entity.aliases.length > 0 && (
        <p className="muted corpus-mentions-sub">
          Also written as{' '}
          {loaded.entity.aliases
            .map((alias) => ((loaded.entity!.misspellings ?? []).some((m) => nameKey(m) === nameKey(alias)) ? `${alias} (misspelling)` : alias))
            .join(', ')}
          .
        </p>
      )}
      {loaded === undefined ? (
        <p className="muted">Collecting mentions…</p>
      ) : mentions.length === 0 ? (
        <p className="muted">{loaded.entity === null ? 'This entity was merged into another or deleted.' : 'Nothing is tagged with it any more.'}</p>
      ) : (
        <>
          <p className="corpus-mentions-count" role="status">
            {mentions.length === 1 ? '1 mention' : `${mentions.length} mentions`} in {documentCount === 1 ? '1 document' : `${documentCount} documents`}
          </p>
          <ol className="mention-list" aria-label="Mentions by date">
            {mentions.slice(0, shown).map(({ annotation, role }) => {
              const document = documents.get(annotation.documentId);
              const context = document ? sentenceAround(document.text, annotation.start, annotation.end) : null;
              const asOf = annotation.quantity?.asOf ?? document?.publishedAt;
              return (
                <li key={`${role}:${annotation.id}`}>
                  <button
                    type="button"
                    className="mention-row"
                    onClick={() =>
                      onOpenInDocument({ documentId: annotation.documentId, start: annotation.start, end: annotation.end, annotationId: annotation.id })
                    }
                  >
                    <span className="mention-source">
                      {document?.publishedAt ? <time dateTime={document.publishedAt}>{document.publishedAt}</time> : <span className="muted">undated</span>}
                      <span className="mention-document">{document?.title ?? 'Removed document'}</span>
                      {document?.outlet && <span className="muted">{document.outlet}</span>}
                    </span>
                    {annotation.quantity && (
                      <span className="mention-figure">
                        {describeFigure(annotation.quantity)}
                        {asOf && <span className="muted"> · as of {asOf}{annotation.quantity.asOf ? '' : ' (publication date)'}</span>}
                      </span>
                    )}
                    {role === 'speaker' && <span className="mention-role">Quoted as the speaker of this {KIND_LABELS[annotation.kind].toLowerCase()}</span>}
                    <span className="mention-context">
                      {context ? (
                        <>
                          {context.clippedBefore && '…'}
                          {context.before}
                          <mark className={`mark-kind-${annotation.kind}`}>{context.mention}</mark>
                          {context.after}
                          {context.clippedAfter && '…'}
                        </>
                      ) : (
                        `“${annotation.quote}”`
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          {mentions.length > shown && (
            <button type="button" className="mention-more" onClick={() => setPaging({ queryKey, shown: shown + PAGE })}>
              Show {Math.min(PAGE, mentions.length - shown)} more of {mentions.length - shown}
            </button>
          )}
        </>
      )}
    </dialog>
  );
}
