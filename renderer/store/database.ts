/**
 * The one Dexie database: typed tables with an index on every foreign key. Schema versions live here and
 * nowhere else; a version with an upgrade() keeps its upgrade and gets a test that opens the previous one.
 */
import Dexie, { type Table } from 'dexie';
import type { Annotation, Decision, DecisionHistoryEntry, Entity, Link, NameDistinction, SourceDocument } from '../../shared/model';

export interface Setting {
  key: string;
  value: unknown;
}

/** A suggestion the user rejected: it is not offered again and raises nothing. */
export interface RejectedSuggestion {
  /** The suggestion's deterministic id (document, kind, span). */
  id: string;
  documentId: string;
  kind: 'entity' | 'quantity' | 'claim';
  start: number;
  end: number;
  quote: string;
  rejectedAt: string;
}

export const DATABASE_NAME = 'crosscheck';

export class CrosscheckDatabase extends Dexie {
  documents!: Table<SourceDocument, string>;
  annotations!: Table<Annotation, string>;
  entities!: Table<Entity, string>;
  links!: Table<Link, string>;
  decisions!: Table<Decision, string>;
  decisionHistory!: Table<DecisionHistoryEntry, string>;
  settings!: Table<Setting, string>;
  rejectedSuggestions!: Table<RejectedSuggestion, string>;
  nameDistinctions!: Table<NameDistinction, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      documents: 'id, &sha256, title, importedAt, publishedAt',
      annotations: 'id, documentId, kind, [documentId+kind], entityId, speaker, quantity.key, origin, [documentId+start]',
      entities: 'id, name, type, *aliases',
      links: 'id, fromId, toId, relation',
      decisions: 'contradictionId, status, decidedAt',
      decisionHistory: 'id, contradictionId, decidedAt',
      settings: 'key',
      rejectedSuggestions: 'id, documentId',
      nameDistinctions: 'id',
    });
  }
}
