/**
 * Merging one entity with another: find the other, choose which one's name and type to keep, and whether the
 * name that goes is a misspelling (recorded, never flagged again) or a true alias.
 */
import { useId, useMemo, useState, type JSX } from 'react';
import type { Entity } from '../../shared/model';
import { nameKey } from '../../shared/text/name-key';
import type { CrosscheckDatabase } from '../store/database';
import { mergeEntities } from '../store/entity-commands';
import { entityMatches } from './entity-search';

const MAX_CANDIDATES = 8;

/** Words long enough to say something about a name ("Tobias", "Brask"; not "of", "al"). */
function nameWords(entity: Entity): string[] {
  return [entity.name, ...entity.aliases].flatMap((name) => nameKey(name).split(/[\s.,'’-]+/)).filter((word) => word.length >= 3);
}

/**
 * Entities to offer: with a query, those matching it; without, those sharing a word of a name with this
 * one (the likely duplicates), same type first. One pass over the registry, only while the form is open.
 */
function mergeCandidates(entity: Entity, entities: readonly Entity[], query: string): Entity[] {
  const words = new Set(nameWords(entity));
  const matching = query.trim()
    ? entities.filter((other) => other.id !== entity.id && entityMatches(other, query))
    : entities.filter((other) => other.id !== entity.id && nameWords(other).some((word) => words.has(word)));
  return matching
    .sort((a, b) => Number(b.type === entity.type) - Number(a.type === entity.type) || a.name.localeCompare(b.name))
    .slice(0, MAX_CANDIDATES);
}

export function MergeEntityForm(props: {
  db: CrosscheckDatabase;
  entity: Entity;
  entities: readonly Entity[];
  onMerged(kept: Entity, merged: Entity): void;
  onCancel(): void;
}): JSX.Element {
  const { db, entity, entities } = props;
  const [query, setQuery] = useState('');
  const [otherId, setOtherId] = useState<string | null>(null);
  // By default the entity the merge was started from goes into the one chosen ("merge into…").
  const [keepThis, setKeepThis] = useState(false);
  const [misspelling, setMisspelling] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupName = useId();

  const candidates = useMemo(() => mergeCandidates(entity, entities, query), [entity, entities, query]);
  const other = otherId ? entities.find((e) => e.id === otherId) : undefined;
  const offered = other && !candidates.some((c) => c.id === other.id) ? [other, ...candidates] : candidates;
  const kept = other ? (keepThis ? entity : other) : undefined;
  const merged = other ? (keepThis ? other : entity) : undefined;

  return (
    <form
      className="entity-form merge-form"
      aria-label={`Merge ${entity.name}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!kept || !merged || busy) return;
        setBusy(true);
        setFailure(null);
        mergeEntities(db, kept.id, merged.id, misspelling ? { misspellings: [merged.name] } : {})
          .then((result) => props.onMerged(result, merged))
          .catch((error: Error) => {
            setFailure(error.message);
            setBusy(false);
          });
      }}
    >
      <label className="entity-form-field">
        Merge “{entity.name}” with
        <input type="search" autoFocus value={query} placeholder="Find the other entity by name or alias" onChange={(event) => setQuery(event.target.value)} />
      </label>
      {offered.length === 0 ? (
        <p className="muted">{query.trim() ? `No other entity matches “${query.trim()}”.` : 'No entity shares a name with this one; search for the other by name.'}</p>
      ) : (
        <fieldset className="merge-candidates">
          <legend>{query.trim() ? 'Matching entities' : 'Entities with a name in common'}</legend>
          {offered.map((candidate) => (
            <label key={candidate.id}>
              <input type="radio" name={`${groupName}-other`} checked={otherId === candidate.id} onChange={() => setOtherId(candidate.id)} />
              <span className="candidate-name">{candidate.name}</span>
              <span className="muted">
                {candidate.type}
                {candidate.aliases.length > 0 ? ` · also ${candidate.aliases.join(', ')}` : ''}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {other && kept && merged && (
        <>
          <fieldset className="merge-keep">
            <legend>Name and type to keep</legend>
            <label>
              <input type="radio" name={`${groupName}-keep`} checked={!keepThis} onChange={() => setKeepThis(false)} />
              {other.name} <span className="muted">({other.type})</span>
            </label>
            <label>
              <input type="radio" name={`${groupName}-keep`} checked={keepThis} onChange={() => setKeepThis(true)} />
              {entity.name} <span className="muted">({entity.type})</span>
            </label>
          </fieldset>
          <label className="merge-misspelling">
            <input type="checkbox" checked={misspelling} onChange={(event) => setMisspelling(event.target.checked)} />
            Record “{merged.name}” as a misspelling
            <span className="muted"> (a wrong spelling: its mentions stay with “{kept.name}” and it is not flagged again)</span>
          </label>
          <p className="merge-summary">
            “{merged.name}” becomes {misspelling ? 'a recorded misspelling' : 'an alias'} of “{kept.name}”; its mentions, and the claims it is the
            speaker of, move there.
          </p>
        </>
      )}
      {failure && (
        <p className="entity-error" role="alert">
          {failure}
        </p>
      )}
      <div className="entity-form-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!other || busy}>
          Merge
        </button>
      </div>
    </form>
  );
}
