/** Every entity with its aliases, type and mentions per document; merge, split and rename. */
import type { JSX } from 'react';
import type { SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import type { DocumentPlace, MentionsQuery } from '../app/navigation';

export interface EntityRegistryProps {
  db: CrosscheckDatabase;
  documents: ReadonlyMap<string, SourceDocument>;
  onShowMentions(query: MentionsQuery): void;
  onOpenInDocument(place: DocumentPlace): void;
}

export function EntityRegistry(_props: EntityRegistryProps): JSX.Element {
  return <section className="entity-registry" aria-label="Entities" />;
}
