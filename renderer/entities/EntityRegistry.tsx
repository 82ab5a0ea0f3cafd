/** Every entity with its aliases, type and mentions per document; merge, split and rename. */
import { useDeferredValue, useMemo, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, Entity, EntityType, NameDistinction, SourceDocument } from '../../shared/model';
import { ENTITY_TYPES } from '../../shared/model';
import { nameKey } from '../../shared/text/name-key';
import type { CrosscheckDatabase } from '../store/database';
import type { DocumentPlace, MentionsQuery } from '../app/navigation';
import { renameEntity, setEntityKind, splitAlias, withdrawNameDistinction } from '../store/entity-commands';
import { foldForSearch } from './entity-search';
import { MergeEntityForm } from './MergeEntityForm';
import './entity-registry.css';

export interface EntityRegistryProps {
  db: CrosscheckDatabase;
  documents: ReadonlyMap<string, SourceDocument>;
  onShowMentions(query: MentionsQuery): void;
  onOpenInDocument(place: DocumentPlace): void;
}

/** Rows per page: the registry may hold thousands of entities; only one page is drawn and counted. */
const PAGE_SIZE = 40;
const TYPE_LABELS: Record<EntityType, string> = { person: 'Person', organization: 'Organisation', place: 'Place', other: 'Other' };

/** Mentions of one entity on the page: per document (first mention, to open it), and claims it is quoted in. */
interface EntityStats {
  documents: Array<{ documentId: string; count: number; first: Annotation }>;
  mentions: number;
  spoken: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function EntityRegistry({ db, documents, onShowMentions, onOpenInDocument }: EntityRegistryProps): JSX.Element {
  const entities = useLiveQuery(() => db.entities.toArray(), [db]);
  const rulings = useLiveQuery(() => db.nameDistinctions.toArray(), [db]);
  const [search, setSearch] = useState('');
  const [typeFilter, setTypeFilter] = useState<EntityType | 'all'>('all');
  const [page, setPage] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  // Typing stays responsive with thousands of entities: filtering follows a moment behind the input.
  const deferredSearch = useDeferredValue(search);

  // Sorted and folded once per change of the registry, not per keystroke or render.
  const sorted = useMemo(
    () =>
      [...(entities ?? [])]
        .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
        .map((entity) => ({ entity, folded: foldForSearch([entity.name, ...entity.aliases].join('\n')) })),
    [entities],
  );
  const filtered = useMemo(() => {
    const words = foldForSearch(deferredSearch).split(/\s+/).filter(Boolean);
    return sorted
      .filter(({ entity, folded }) => (typeFilter === 'all' || entity.type === typeFilter) && words.every((word) => folded.includes(word)))
      .map(({ entity }) => entity);
  }, [sorted, deferredSearch, typeFilter]);

  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const currentPage = Math.min(page, pageCount - 1);
  const visible = filtered.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE);
  const visibleIds = visible.map((entity) => entity.id).join('\n');

  // Counts for the visible page only, through the entityId and speaker indexes.
  const stats = useLiveQuery(async () => {
    const ids = visibleIds ? visibleIds.split('\n') : [];
    const [named, spoken] = await Promise.all([
      db.annotations.where('entityId').anyOf(ids).toArray(),
      db.annotations.where('speaker').anyOf(ids).toArray(),
    ]);
    const result = new Map<string, EntityStats>();
    const statsOf = (id: string): EntityStats => {
      let entry = result.get(id);
      if (!entry) result.set(id, (entry = { documents: [], mentions: 0, spoken: 0 }));
      return entry;
    };
    for (const annotation of named.sort((a, b) => a.start - b.start)) {
      const entry = statsOf(annotation.entityId!);
      entry.mentions += 1;
      const perDocument = entry.documents.find((d) => d.documentId === annotation.documentId);
      if (perDocument) perDocument.count += 1;
      else entry.documents.push({ documentId: annotation.documentId, count: 1, first: annotation });
    }
    for (const annotation of spoken) statsOf(annotation.speaker!).spoken += 1;
    return result;
  }, [db, visibleIds]);

  return (
    <section className="entity-registry" aria-label="Entities">
      <div className="entity-main">
        <header className="entity-toolbar">
          <h2>Entities</h2>
          <input
            type="search"
            aria-label="Search entities"
            placeholder="Search names and aliases"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(0);
            }}
          />
          <select
            aria-label="Show type"
            value={typeFilter}
            onChange={(event) => {
              setTypeFilter(event.target.value as EntityType | 'all');
              setPage(0);
            }}
          >
            <option value="all">All types</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
              </option>
            ))}
          </select>
          <span className="muted entity-total">
            {entities === undefined ? 'Loading…' : filtered.length === entities.length ? plural(entities.length, 'entity', 'entities') : `${filtered.length} of ${entities.length}`}
          </span>
        </header>
        {status && (
          <p className="entity-status" role="status">
            {status}
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setStatus(null)}>
              ✕
            </button>
          </p>
        )}
        {entities !== undefined && entities.length === 0 ? (
          <p className="empty-hint">No entities yet. Tag a name in the reader with E, or accept suggested people and places.</p>
        ) : filtered.length === 0 && entities !== undefined ? (
          <p className="empty-hint">No entity is called “{search.trim()}”.</p>
        ) : (
          <ol className="entity-list" aria-label="Entities by name">
            {visible.map((entity) => (
              <EntityRow
                key={entity.id}
                db={db}
                entity={entity}
                entities={entities ?? []}
                stats={stats?.get(entity.id)}
                documents={documents}
                onShowMentions={onShowMentions}
                onOpenInDocument={onOpenInDocument}
                onStatus={setStatus}
              />
            ))}
          </ol>
        )}
        {pageCount > 1 && (
          <nav className="entity-pages" aria-label="Pages">
            <button type="button" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
              Previous
            </button>
            <span>
              {currentPage * PAGE_SIZE + 1}–{Math.min(filtered.length, (currentPage + 1) * PAGE_SIZE)} of {filtered.length}
            </span>
            <button type="button" disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)}>
              Next
            </button>
          </nav>
        )}
      </div>
      <NameRulings db={db} rulings={rulings} />
    </section>
  );
}

type RowMode = 'view' | 'rename' | 'merge';

function EntityRow(props: {
  db: CrosscheckDatabase;
  entity: Entity;
  entities: readonly Entity[];
  stats: EntityStats | undefined;
  documents: ReadonlyMap<string, SourceDocument>;
  onShowMentions(query: MentionsQuery): void;
  onOpenInDocument(place: DocumentPlace): void;
  onStatus(text: string): void;
}): JSX.Element {
  const { db, entity, stats, documents } = props;
  const [mode, setMode] = useState<RowMode>('view');
  const [failure, setFailure] = useState<string | null>(null);
  const misspelt = new Set((entity.misspellings ?? []).map(nameKey));
  const perDocument = [...(stats?.documents ?? [])].sort((a, b) => {
    const x = documents.get(a.documentId);
    const y = documents.get(b.documentId);
    return (x?.publishedAt ?? '\uffff').localeCompare(y?.publishedAt ?? '\uffff') || (x?.title ?? '').localeCompare(y?.title ?? '');
  });
  const run = (work: Promise<unknown>, done?: string): void => {
    setFailure(null);
    work.then(() => done && props.onStatus(done)).catch((error: Error) => setFailure(error.message));
  };

  return (
    <li className="entity-row" aria-label={entity.name}>
      <div className="entity-head">
        <h3 className="entity-title">{entity.name}</h3>
        <select aria-label={`Type of ${entity.name}`} value={entity.type} onChange={(event) => run(setEntityKind(db, entity.id, event.target.value as EntityType))}>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <span className="muted entity-count">
          {stats === undefined
            ? '…'
            : `${plural(stats.mentions, 'mention')} in ${plural(stats.documents.length, 'document')}${stats.spoken > 0 ? ` · speaker of ${plural(stats.spoken, 'annotation')}` : ''}`}
        </span>
      </div>
      {entity.aliases.length > 0 && (
        <div className="entity-aliases">
          <span className="entity-label">Also written</span>
          <ul aria-label={`Aliases of ${entity.name}`}>
            {entity.aliases.map((alias) => (
              <li key={alias}>
                <span className="alias-name">{alias}</span>
                {misspelt.has(nameKey(alias)) && <span className="misspelling-tag">misspelling</span>}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Split “${alias}” off into its own entity`}
                  title="Make this name an entity of its own, with the mentions written this way"
                  onClick={() => run(splitAlias(db, entity.id, alias), `“${alias}” is now an entity of its own, with the mentions written that way.`)}
                >
                  Split off
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {perDocument.length > 0 && (
        <div className="entity-documents">
          <span className="entity-label">Mentioned in</span>
          <ul aria-label={`Mentions of ${entity.name} by document`}>
            {perDocument.map(({ documentId, count, first }) => (
              <li key={documentId}>
                <button
                  type="button"
                  className="entity-document"
                  title="Open the first mention in this document"
                  onClick={() => props.onOpenInDocument({ documentId, start: first.start, end: first.end, annotationId: first.id })}
                >
                  {documents.get(documentId)?.title ?? 'Removed document'}
                </button>
                <span className="entity-document-count" aria-label={plural(count, 'mention')}>
                  {count}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {mode === 'view' && (
        <div className="entity-actions">
          <button type="button" onClick={() => props.onShowMentions({ kind: 'entity', entityId: entity.id })}>
            All mentions
          </button>
          <button type="button" onClick={() => setMode('rename')}>
            Rename…
          </button>
          <button type="button" onClick={() => setMode('merge')}>
            Merge…
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <RenameForm
          entity={entity}
          onCancel={() => setMode('view')}
          onRename={async (name) => {
            await renameEntity(db, entity.id, name);
            setMode('view');
            if (nameKey(name) !== nameKey(entity.name)) props.onStatus(`Renamed “${entity.name}” to “${name.trim()}”; the old name stays as an alias.`);
          }}
        />
      )}
      {mode === 'merge' && (
        <MergeEntityForm
          db={db}
          entity={entity}
          entities={props.entities}
          onCancel={() => setMode('view')}
          onMerged={(kept, merged) => {
            setMode('view');
            const recorded = (kept.misspellings ?? []).some((m) => nameKey(m) === nameKey(merged.name));
            props.onStatus(`Merged “${merged.name}” into “${kept.name}”${recorded ? ' as a misspelling' : ''}; its mentions now belong to “${kept.name}”.`);
          }}
        />
      )}
      {failure && (
        <p className="entity-error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

function RenameForm(props: { entity: Entity; onRename(name: string): Promise<void>; onCancel(): void }): JSX.Element {
  const [name, setName] = useState(props.entity.name);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <form
      className="entity-form rename-form"
      aria-label={`Rename ${props.entity.name}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        setFailure(null);
        props.onRename(name).catch((error: Error) => setFailure(error.message));
      }}
    >
      <label className="entity-form-field">
        New name
        <input autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <p className="muted">“{props.entity.name}” stays as an alias, so mentions written that way still belong here.</p>
      {failure && (
        <p className="entity-error" role="alert">
          {failure}
        </p>
      )}
      <div className="entity-form-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!name.trim()}>
          Rename
        </button>
      </div>
    </form>
  );
}

/** The reviewers' rulings that two names are different referents, newest first, each withdrawable. */
function NameRulings({ db, rulings }: { db: CrosscheckDatabase; rulings: readonly NameDistinction[] | undefined }): JSX.Element {
  const ordered = useMemo(() => [...(rulings ?? [])].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt)), [rulings]);
  return (
    <aside className="name-rulings" aria-label="Names ruled different">
      <h2>Names ruled different</h2>
      <p className="muted">Names a reviewer ruled to be different people or organisations. Crosscheck never joins them or flags them as variants.</p>
      {rulings === undefined ? null : ordered.length === 0 ? (
        <p className="empty-hint">No rulings yet. They are made in review, when a flagged name variant turns out to be two different people.</p>
      ) : (
        <ul aria-label="Rulings">
          {ordered.map((ruling) => (
            <li key={ruling.id}>
              <span className="ruling-names">
                “{ruling.names[0]}” ≠ “{ruling.names[1]}”
              </span>
              <span className="muted ruling-by">
                {ruling.reviewer}, {ruling.decidedAt.slice(0, 10)}
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={`Withdraw the ruling that “${ruling.names[0]}” and “${ruling.names[1]}” are different`}
                onClick={() => void withdrawNameDistinction(db, ruling.id)}
              >
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
