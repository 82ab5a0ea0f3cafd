/** One list of every mention of an entity or a quantity key across the corpus, with context and date. */
import type { JSX } from 'react';
import type { SourceDocument } from '../../shared/model';
import type { CrosscheckDatabase } from '../store/database';
import type { DocumentPlace, MentionsQuery } from '../app/navigation';

export interface CorpusMentionsProps {
  db: CrosscheckDatabase;
  query: MentionsQuery;
  documents: ReadonlyMap<string, SourceDocument>;
  onOpenInDocument(place: DocumentPlace): void;
  onClose(): void;
}

export function CorpusMentions(_props: CorpusMentionsProps): JSX.Element | null {
  return null;
}
