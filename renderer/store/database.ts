/**
 * The one Dexie database: typed tables with an index on every foreign key. Schema versions live here and
 * nowhere else; a version with an upgrade() keeps its upgrade and gets a test that opens the previous one.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type Middleware, type Table } from 'dexie';
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

/**
 * The words of one annotation's quote, under the annotation's id: the word index that finding the other end
 * of a link searches. Derived from the annotation and kept by the database itself (see quoteWordsMiddleware),
 * so it never travels in bundles and no command has to remember it.
 */
export interface QuoteWords {
  id: string;
  documentId: string;
  words: string[];
}

export const DATABASE_NAME = 'crosscheck';

/** The newest schema version this code knows. A library written by a later Crosscheck is not opened. */
export const SCHEMA_VERSION = 2;

// Accents (Latin, Greek, Cyrillic), Arabic short vowels and Hebrew points: what a reader may leave out when
// typing. Not every combining mark: a Devanagari vowel sign or a Japanese voicing mark changes the letter.
const OPTIONAL_MARK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x0591, 0x05bd],
  [0x05bf, 0x05bf],
  [0x05c1, 0x05c2],
  [0x05c4, 0x05c5],
  [0x05c7, 0x05c7],
];
const withoutOptionalMark = (mark: string): string => {
  const code = mark.codePointAt(0)!;
  return OPTIONAL_MARK_RANGES.some(([from, to]) => code >= from && code <= to) ? '' : mark;
};
// Scripts written without spaces between words: each character is indexed as a word of its own, so that a
// query finds a name in the middle of a run of text.
const UNSPACED = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])/gu;

/**
 * The distinct search words of a text: lowercase, without accents (José is found as jose), split at anything
 * that is not a letter, a mark or a digit. Queries are split the same way and match words by prefix.
 */
export function searchWords(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, withoutOptionalMark).normalize('NFC').toLowerCase().replace(UNSPACED, ' $1 ');
  return [...new Set(folded.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean))];
}

export function quoteWordsOf(annotation: Pick<Annotation, 'id' | 'documentId' | 'quote'>): QuoteWords {
  return { id: annotation.id, documentId: annotation.documentId, words: searchWords(annotation.quote) };
}

/**
 * Keeps quoteWords in step with annotations inside the same transaction, whoever writes them (tagging,
 * suggestions, bundle import, merges): every read-write transaction on annotations also covers quoteWords,
 * and every write to annotations is followed by the matching write to quoteWords. Both tables commit or
 * roll back together.
 */
function quoteWordsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'quote-words',
    create: (down) => {
      const indexed = down.schema.tables.some((table) => table.name === 'quoteWords');
      if (!indexed) return {};
      const follow = async (annotations: DBCoreTable, request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
        const response = await annotations.mutate(request);
        const words = down.table('quoteWords');
        const { trans } = request;
        if (request.type === 'delete') await words.mutate({ type: 'delete', trans, keys: request.keys });
        else if (request.type === 'deleteRange') await words.mutate({ type: 'deleteRange', trans, range: request.range });
        else {
          // Only the records that were written: a failed add (a duplicate id) leaves the old words in place.
          const values = (request.values as Annotation[]).filter((_, index) => !response.failures[index]).map(quoteWordsOf);
          if (values.length > 0) await words.mutate({ type: 'put', trans, values });
        }
        return response;
      };
      return {
        transaction: (stores, mode, options) =>
          down.transaction(mode === 'readwrite' && stores.includes('annotations') && !stores.includes('quoteWords') ? [...stores, 'quoteWords'] : stores, mode, options),
        table: (name) => {
          const table = down.table(name);
          return name === 'annotations' ? { ...table, mutate: (request) => follow(table, request) } : table;
        },
      };
    },
  };
}

// Version 2 reads annotations in pages while it builds the word index, so a library of a million
// annotations is never held in memory at once.
const UPGRADE_PAGE = 2000;

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
  quoteWords!: Table<QuoteWords, string>;

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
    // Version 2: a word index over annotation quotes. Finding the other end of a link used to read every
    // annotation in the library for a word that occurs in none of them.
    this.version(2)
      .stores({ quoteWords: 'id, documentId, *words' })
      .upgrade(async (transaction) => {
        const annotations = transaction.table<Annotation, string>('annotations');
        const quoteWords = transaction.table<QuoteWords, string>('quoteWords');
        let after: string | undefined;
        for (;;) {
          const page = await (after === undefined ? annotations.orderBy(':id') : annotations.where(':id').above(after)).limit(UPGRADE_PAGE).toArray();
          if (page.length === 0) break;
          await quoteWords.bulkPut(page.map(quoteWordsOf));
          after = page.at(-1)!.id;
        }
      });
    this.use(quoteWordsMiddleware());
  }
}

/** The library was last written by a newer Crosscheck, whose data this version may not understand. */
export class NewerLibraryError extends Error {
  constructor(readonly installedVersion: number) {
    super(
      `This library was last used by a newer version of Crosscheck (its data is in format ${installedVersion}; this version reads up to format ${SCHEMA_VERSION}). ` +
        'Nothing in it was changed. Install the newer Crosscheck to open it, or export a bundle from the newer version and import that here.',
    );
    this.name = 'NewerLibraryError';
  }
}

/**
 * Opens the library, upgrading it from any earlier version (`onUpgrading` is called first, so that the window
 * can say why a large library takes a while). A library written by a newer Crosscheck is refused with
 * NewerLibraryError before anything touches it: Dexie 4 would otherwise open it at its installed version
 * (and even add what its schema lacks), letting this older code write records the newer one does not expect.
 */
export async function openCrosscheckDatabase(name: string = DATABASE_NAME, options: { onUpgrading?: () => void } = {}): Promise<CrosscheckDatabase> {
  const installed = await installedVersion(name);
  // Dexie stores version n as 10n natively, and adds one when it patches a schema in place (still version n).
  const version = installed === undefined ? undefined : Math.floor(installed / 10);
  if (version !== undefined && version > SCHEMA_VERSION) throw new NewerLibraryError(version);
  if (version !== undefined && version > 0 && version < SCHEMA_VERSION) options.onUpgrading?.();
  const db = new CrosscheckDatabase(name);
  await db.open();
  return db;
}

/** The native IndexedDB version of a database, without opening (or creating) it; undefined when unknown. */
async function installedVersion(name: string): Promise<number | undefined> {
  const factory = Dexie.dependencies.indexedDB;
  if (typeof factory?.databases !== 'function') return undefined;
  return (await factory.databases()).find((info) => info.name === name)?.version;
}
