/** An annotation's links to annotations in any document (supports, contradicts, same-as), both ends shown. */
import { useEffect, useId, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, Link, LinkRelation, SourceDocument } from '../../shared/model';
import { KIND_LABELS, LINK_RELATIONS } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import type { DocumentPlace } from '../app/navigation';
import { createLink, deleteLink, RELATION_PHRASES } from '../store/link-commands';
import { findLinkTargets } from './link-targets';
import './annotation-links.css';

export interface AnnotationLinksProps {
  db: CrosscheckDatabase;
  annotation: Annotation;
  documents: ReadonlyMap<string, SourceDocument>;
  author: string;
  onOpenInDocument(place: DocumentPlace): void;
}

/** How a link reads from this annotation's side: outgoing "contradicts", incoming "contradicted by". */
const OUTGOING: Record<LinkRelation, string> = {
  'same-as': 'Same as',
  supports: 'Supports',
  contradicts: 'Contradicts',
  'refers-to': 'Refers to',
};
const INCOMING: Record<LinkRelation, string> = {
  'same-as': 'Same as',
  supports: 'Supported by',
  contradicts: 'Contradicted by',
  'refers-to': 'Referred to by',
};

/** Contradictions first: they are what a fact-checker acts on. */
const RELATION_ORDER: readonly LinkRelation[] = ['contradicts', 'supports', 'same-as', 'refers-to'];

interface LinkedRow {
  link: Link;
  outgoing: boolean;
  other: Annotation | undefined;
}

const SEARCH_PAUSE_MS = 180;

function shorten(text: string, max = 110): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function AnnotationLinks({ db, annotation, documents, author, onOpenInDocument }: AnnotationLinksProps): JSX.Element {
  const [picking, setPicking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useLiveQuery(async (): Promise<LinkedRow[]> => {
    const outgoing = await db.links.where('fromId').equals(annotation.id).toArray();
    const incoming = await db.links.where('toId').equals(annotation.id).toArray();
    const links = [...outgoing, ...incoming];
    const others = await db.annotations.bulkGet(links.map((link) => (link.fromId === annotation.id ? link.toId : link.fromId)));
    return links
      .map((link, index) => ({ link, outgoing: link.fromId === annotation.id, other: others[index] }))
      .sort((a, b) => RELATION_ORDER.indexOf(a.link.relation) - RELATION_ORDER.indexOf(b.link.relation) || a.link.createdAt.localeCompare(b.link.createdAt));
  }, [db, annotation.id]);

  const open = (other: Annotation): void =>
    onOpenInDocument({ documentId: other.documentId, start: other.start, end: other.end, annotationId: other.id });

  return (
    <section className="annotation-links" aria-label="Links">
      <h3>Links</h3>
      {rows === undefined ? null : rows.length === 0 ? (
        <p className="muted links-empty">Not linked to any other annotation yet.</p>
      ) : (
        <ul className="link-list" aria-label="Linked annotations">
          {rows.map(({ link, outgoing, other }) => {
            const relation = (outgoing ? OUTGOING : INCOMING)[link.relation];
            return (
              <li key={link.id} className={`linked relation-${link.relation}`}>
                <span className="link-relation">{relation}</span>
                {other ? (
                  <button type="button" className="linked-annotation" onClick={() => open(other)}>
                    <span className={`kind-chip kind-${other.kind}`}>{KIND_LABELS[other.kind]}</span>
                    <span className="linked-quote">“<bdi>{shorten(other.quote)}</bdi>”</span>
                    <span className="linked-document">{documents.get(other.documentId)?.title ?? 'Removed document'}</span>
                  </button>
                ) : (
                  <span className="muted">an annotation that is no longer in the library</span>
                )}
                {link.note && <p className="link-note">{link.note}</p>}
                <button
                  type="button"
                  className="icon-button link-remove"
                  aria-label={`Remove link: ${relation.toLowerCase()} “${shorten(other?.quote ?? '', 40)}”`}
                  title="Remove this link"
                  onClick={() => {
                    setFailure(null);
                    void deleteLink(db, link.id).catch((error: Error) => setFailure(error.message));
                  }}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {failure && (
        <p className="link-error" role="alert">
          {failure}
        </p>
      )}
      {picking ? (
        <LinkPicker
          db={db}
          annotation={annotation}
          documents={documents}
          onCancel={() => setPicking(false)}
          onLink={async (target, relation, note) => {
            await createLink(db, { fromId: annotation.id, toId: target.id, relation, note, author });
            setPicking(false);
          }}
        />
      ) : (
        <button type="button" className="link-start" onClick={() => setPicking(true)}>
          Link to…
        </button>
      )}
    </section>
  );
}

/** Search the library for the other end, choose a relation, add a note. */
function LinkPicker(props: {
  db: CrosscheckDatabase;
  annotation: Annotation;
  documents: ReadonlyMap<string, SourceDocument>;
  onCancel(): void;
  onLink(target: Annotation, relation: LinkRelation, note: string): Promise<void>;
}): JSX.Element {
  const { db, annotation, documents } = props;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Annotation[] | null>(null);
  const [target, setTarget] = useState<Annotation | null>(null);
  const [relation, setRelation] = useState<LinkRelation>(annotation.kind === 'entity' ? 'same-as' : 'contradicts');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupName = useId();

  useEffect(() => {
    let current = true;
    // Search once typing pauses; a later query's results replace an earlier one's, never the other way.
    const timer = setTimeout(() => {
      void findLinkTargets(db, documents, query, annotation.id).then((found) => {
        if (current) setResults(query.trim() ? found : null);
      });
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [db, documents, query, annotation.id]);

  // The chosen annotation stays chosen while it is still among the results.
  const shown = target && results && !results.some((r) => r.id === target.id) ? [target, ...results] : (results ?? (target ? [target] : []));

  return (
    <form
      className="link-picker"
      aria-label="Link to another annotation"
      onSubmit={(event) => {
        event.preventDefault();
        if (!target || busy) return;
        setBusy(true);
        setFailure(null);
        props
          .onLink(target, relation, note)
          .catch((error: Error) => setFailure(error.message))
          .finally(() => setBusy(false));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <label>
        Find the annotation to link to
        <input
          type="search"
          autoFocus
          value={query}
          placeholder="Words of its quote or of its document's title"
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      {query.trim() && results?.length === 0 && <p className="muted">No annotation in the library matches “{query.trim()}”.</p>}
      {shown.length > 0 && (
        <fieldset className="link-candidates">
          <legend>Annotation to link to</legend>
          {shown.map((candidate) => (
            <label key={candidate.id} className="link-candidate">
              <input type="radio" name={groupName} checked={target?.id === candidate.id} onChange={() => setTarget(candidate)} />
              <span className={`kind-chip kind-${candidate.kind}`}>{KIND_LABELS[candidate.kind]}</span>
              <span className="linked-quote">“<bdi>{shorten(candidate.quote, 90)}</bdi>”</span>
              <span className="linked-document">{documents.get(candidate.documentId)?.title ?? 'Removed document'}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label>
        This annotation
        <select value={relation} onChange={(event) => setRelation(event.target.value as LinkRelation)}>
          {LINK_RELATIONS.map((option) => (
            <option key={option} value={option}>
              {RELATION_PHRASES[option]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note (optional)
        <input value={note} placeholder="Why they are linked" onChange={(event) => setNote(event.target.value)} />
      </label>
      {failure && (
        <p className="link-error" role="alert">
          {failure}
        </p>
      )}
      <div className="link-picker-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!target || busy}>
          Link
        </button>
      </div>
    </form>
  );
}
