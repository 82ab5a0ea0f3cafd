/**
 * Damaged bundles made from valid ones. A case is a library recipe and a list of edits, plain data that
 * fast-check prints and shrinks; buildCase writes the library with the real writer, takes the archive
 * apart, applies the edits at the level each one belongs to (record, NDJSON line, manifest, zip entry,
 * raw bytes), and packs it again. Edits below the archive level recompute checksums and counts unless they
 * say otherwise, so that the reader's record and consistency checks are reached, not only its checksums.
 *
 * Each applied edit says whether the bundle must now be refused. That is judged from the edit alone
 * (a dangling reference, a line cut short), never by re-running the reader's own checks.
 */
import fc from 'fast-check';
import { deflateSync, strToU8, unzipSync } from 'fflate';
import type { BundleErrorCode } from '../../../shared/bundles/bundle-error';
import { MANIFEST_FILE, PART_FILES, RECORD_TYPES, type BundleContents, type RecordType } from '../../../shared/bundles/bundle-format';
import { writeBundle } from '../../../shared/bundles/write-bundle';
import { buildLibrary, libraryRecipe, recordId, type LibraryRecipe, type RecipePools } from './library-arbitrary';
import { writeZip, type ZipEntrySpec } from './zip-writer';

export const META = { appVersion: '0.1.0', createdBy: 'Fuzz', createdAt: '2025-03-07T12:00:00.000Z' };

type Json = Record<string, unknown>;

/** The bundle taken apart: what the edits work on. */
interface Model {
  manifest: Json;
  /** Replaces the manifest's JSON text when set. */
  manifestBytes?: Uint8Array;
  lines: Record<RecordType, string[]>;
  /** Line ending and padding used when a part is serialised. */
  eol: Record<RecordType, string>;
  blankLines: Record<RecordType, number>;
  /** Byte-level changes made to a part after its checksum is taken. */
  afterChecksum: Partial<Record<RecordType, (bytes: Uint8Array) => Uint8Array>>;
  /** Byte-level changes made to a part before its checksum is taken (it stays consistent). */
  beforeChecksum: Partial<Record<RecordType, (bytes: Uint8Array) => Uint8Array>>;
  manifestEdits: Array<(manifest: Json) => void>;
  entryEdits: Array<(entries: ZipEntrySpec[]) => void>;
  byteEdits: Array<(bytes: Uint8Array) => Uint8Array>;
  comment?: Uint8Array;
  /** Effects that entry edits can judge only once the entries exist. */
  late: Effect[];
}

/** What applying an edit did. */
interface Effect {
  applied: boolean;
  mustReject: boolean;
  /** The error codes the refusal may carry, when the edit determines them. */
  codes?: BundleErrorCode[];
}

const NOTHING: Effect = { applied: false, mustReject: false };
/** Applied, and the bundle still holds exactly the library. */
const benign: Effect = { applied: true, mustReject: false };
/** Applied; whether the bundle is still sound depends on what else it holds, so either answer may be right. */
const EITHER: Effect = { applied: true, mustReject: false };
const refused = (...codes: BundleErrorCode[]): Effect => ({ applied: true, mustReject: true, ...(codes.length > 0 ? { codes } : {}) });

/** A line's record, or undefined once an earlier edit has broken the line. */
function parse(line: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function recordAt(model: Model, type: RecordType, index: number): { at: number; record: Json } | undefined {
  const lines = model.lines[type];
  if (lines.length === 0) return undefined;
  const at = index % lines.length;
  const record = parse(lines[at]!);
  return record && { at, record };
}

function store(model: Model, type: RecordType, at: number, record: Json): void {
  model.lines[type][at] = JSON.stringify(record);
}

function ids(model: Model, type: RecordType): Set<string> {
  return new Set(model.lines[type].map((line) => String(parse(line)?.id)));
}

// ----- record edits: the records no longer fit the format, or each other -----

/** Values each field can never take; setting one must be refused. */
const INVALID_VALUES: Record<RecordType, Record<string, unknown[]>> = {
  documents: {
    id: ['', 5, null],
    title: [null, 12],
    text: [7, null, ['a']],
    format: ['pdfx', '', 'TEXT'],
    sha256: ['ABC', 'g'.repeat(64), 'A'.repeat(64), 'a'.repeat(63)],
    outlet: [5, false],
    url: [false, {}],
    publishedAt: ['March 5', '2025-3-5', 20250305, '05/03/2025'],
    language: ['', 3],
    importedAt: ['yesterday', '2025-13-01T00:00:00Z', 20250101, '2025-03-07', ''],
  },
  annotations: {
    id: ['', 3],
    documentId: ['', 3, null],
    kind: ['rumour', '', 'Claim'],
    start: [-1, 1.5, '0', null, Number.MAX_VALUE],
    end: [-3, 2.5, '9', null, 0],
    quote: ['', 5, null],
    prefix: [null, 1],
    suffix: [[], 0],
    origin: ['robot', true],
    status: ['true', 'verified'],
    speaker: ['', 4],
    note: [4, {}],
    entityId: ['', []],
    quantity: ['40', { value: '40', key: 'ferry' }, { value: 1, key: '' }, { value: 1, key: 'x', approximation: 'roughly' }, { value: 1, key: 'x', asOf: 'Tuesday' }],
    author: [null, 7],
    createdAt: ['now', '2025-03-07T25:00:00Z'],
    updatedAt: [0, 'later'],
  },
  entities: {
    id: ['', null],
    name: ['', null, 9],
    type: ['ship', 'Person'],
    aliases: ['a', [1], null, [null]],
  },
  links: {
    id: [''],
    fromId: ['', 1],
    toId: [null],
    relation: ['hates', 'same_as'],
    note: [1],
    author: [0, null],
    createdAt: ['x', 1741348800000],
  },
  decisions: {
    contradictionId: ['', 1],
    status: ['maybe', 'open'],
    reason: [false],
    reviewer: [null],
    decidedAt: ['x', '2025-02-30T00:00:00'],
    evidenceHash: [1],
  },
  decisionHistory: {
    id: [''],
    contradictionId: [null],
    status: ['unverified'],
    reviewer: [3],
    decidedAt: [''],
    evidenceHash: [null],
    supersededAt: ['x', 0],
  },
};

/** Fields a record must have; removing one must be refused. */
const REQUIRED_FIELDS: Record<RecordType, string[]> = {
  documents: ['id', 'title', 'text', 'format', 'sha256', 'language', 'importedAt'],
  annotations: ['id', 'documentId', 'kind', 'start', 'end', 'quote', 'prefix', 'suffix', 'origin', 'status', 'author', 'createdAt', 'updatedAt'],
  entities: ['id', 'name', 'type', 'aliases'],
  links: ['id', 'fromId', 'toId', 'relation', 'author', 'createdAt'],
  decisions: ['contradictionId', 'status', 'reviewer', 'decidedAt', 'evidenceHash'],
  decisionHistory: ['id', 'contradictionId', 'status', 'reviewer', 'decidedAt', 'evidenceHash', 'supersededAt'],
};

const OPTIONAL_FIELDS: Record<RecordType, string[]> = {
  documents: ['outlet', 'author', 'url', 'publishedAt'],
  annotations: ['speaker', 'note', 'entityId', 'quantity'],
  entities: [],
  links: ['note'],
  decisions: ['reason'],
  decisionHistory: ['reason'],
};

const recordType = fc.constantFrom(...RECORD_TYPES);

const invalidValueEdit = recordType.chain((type) =>
  fc.constantFrom(...Object.keys(INVALID_VALUES[type])).chain((field) =>
    fc.record({ edit: fc.constant('invalid-value' as const), type: fc.constant(type), index: fc.nat(), field: fc.constant(field), value: fc.constantFrom(...INVALID_VALUES[type][field]!) }),
  ),
);

const missingFieldEdit = recordType.chain((type) =>
  fc.record({ edit: fc.constant('missing-field' as const), type: fc.constant(type), index: fc.nat(), field: fc.constantFrom(...REQUIRED_FIELDS[type]) }),
);

const danglingEdit = fc.record({
  edit: fc.constant('dangling' as const),
  field: fc.constantFrom('documentId', 'entityId', 'speaker', 'fromId', 'toId'),
  index: fc.nat(),
  ghost: recordId,
});

const offsetsEdit = fc.record({ edit: fc.constant('offsets' as const), index: fc.nat(), start: fc.integer({ min: 0, max: 400 }), end: fc.integer({ min: 0, max: 400 }) });
const quoteEdit = fc.record({ edit: fc.constant('quote' as const), index: fc.nat(), quote: fc.string({ minLength: 1, maxLength: 20 }) });
const duplicateEdit = fc.record({ edit: fc.constant('duplicate-record' as const), type: recordType, index: fc.nat(), changed: fc.boolean() });
const sameTextEdit = fc.record({ edit: fc.constant('same-text' as const), from: fc.nat(), to: fc.nat() });
const wrongHashEdit = fc.record({ edit: fc.constant('wrong-hash' as const), index: fc.nat(), sha: fc.stringMatching(/^[0-9a-f]{64}$/) });
const removeRecordEdit = fc.record({ edit: fc.constant('remove-record' as const), type: recordType, index: fc.nat() });
const dropOptionalEdit = recordType
  .filter((type) => OPTIONAL_FIELDS[type].length > 0)
  .chain((type) => fc.record({ edit: fc.constant('drop-optional' as const), type: fc.constant(type), index: fc.nat(), field: fc.constantFrom(...OPTIONAL_FIELDS[type]) }));
const extraFieldEdit = fc.record({ edit: fc.constant('extra-field' as const), type: recordType, index: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) });

// ----- NDJSON edits: lines broken, repeated, reordered, padded -----

const cutLineEdit = fc.record({ edit: fc.constant('cut-line' as const), type: recordType, index: fc.nat(), at: fc.nat() });
const splitLineEdit = fc.record({ edit: fc.constant('split-line' as const), type: recordType, index: fc.nat(), at: fc.nat() });
const garbageLineEdit = fc.record({
  edit: fc.constant('garbage-line' as const),
  type: recordType,
  index: fc.nat(),
  text: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.json({ maxDepth: 2 }), fc.constantFrom('null', '[]', '{}', '"text"', '1e999', '{"id":', '\u0000')),
});
const notUtf8Edit = fc.record({ edit: fc.constant('not-utf8' as const), type: recordType, at: fc.nat(), byte: fc.constantFrom(0xff, 0xfe, 0xc0, 0x80, 0xed) });
const bomEdit = fc.record({ edit: fc.constant('bom' as const), type: recordType });
const reorderEdit = fc.record({ edit: fc.constant('reorder' as const), type: recordType, seed: fc.nat() });
const blankLinesEdit = fc.record({ edit: fc.constant('blank-lines' as const), type: recordType, count: fc.integer({ min: 1, max: 3 }) });
const lineEndingEdit = fc.record({ edit: fc.constant('line-ending' as const), type: recordType, eol: fc.constantFrom('\r\n', ' \n', '\t\n', '\n\n') });
const tamperEdit = fc.record({ edit: fc.constant('tamper-after-checksum' as const), type: recordType, at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) });

// ----- manifest edits -----

const MANIFEST_INVALID: Array<[string[], unknown[]]> = [
  [['format'], ['crosscheck', 1, null, 'CROSSCHECK-BUNDLE']],
  [['formatVersion'], [0, -1, 1.5, '1', null, 2, 1e9]],
  [['appVersion'], ['', 5]],
  [['createdBy'], [null, 3]],
  [['createdAt'], ['today', '', '2025-03-07']],
  [['selection'], [5, null, []]],
  [['counts'], [null, [], 'all']],
  [['parts'], [null, {}]],
  ...RECORD_TYPES.flatMap((type): Array<[string[], unknown[]]> => [
    [['counts', type], [-1, 1.5, 'x', null, 1e15]],
    [['parts', type, 'file'], ['x.ndjson', PART_FILES[type].toUpperCase(), `../${PART_FILES[type]}`]],
    [['parts', type, 'sha256'], ['0'.repeat(64), 'xyz', null]],
    [['parts', type, 'bytes'], [-1, 'x', 2 ** 40, 0.5]],
  ]),
];
const MANIFEST_REQUIRED: string[][] = [
  ['format'], ['formatVersion'], ['appVersion'], ['createdBy'], ['createdAt'], ['counts'], ['parts'],
  ...RECORD_TYPES.flatMap((type) => [['counts', type], ['parts', type], ['parts', type, 'sha256'], ['parts', type, 'bytes'], ['parts', type, 'file']]),
];

const manifestInvalidEdit = fc.constantFrom(...MANIFEST_INVALID).chain(([path, values]) =>
  fc.record({ edit: fc.constant('manifest-invalid' as const), path: fc.constant(path), value: fc.constantFrom(...values) }),
);
const manifestMissingEdit = fc.record({ edit: fc.constant('manifest-missing' as const), path: fc.constantFrom(...MANIFEST_REQUIRED) });
const manifestCountEdit = fc.record({ edit: fc.constant('manifest-count' as const), type: recordType, delta: fc.integer({ min: -3, max: 3 }).filter((delta) => delta !== 0) });
const manifestBytesEdit = fc.record({ edit: fc.constant('manifest-bytes' as const), type: recordType, delta: fc.integer({ min: -3, max: 3 }).filter((delta) => delta !== 0) });
const manifestExtraEdit = fc.record({ edit: fc.constant('manifest-extra' as const), value: fc.jsonValue({ maxDepth: 2 }) });
const manifestRawEdit = fc.record({
  edit: fc.constant('manifest-raw' as const),
  text: fc.oneof(fc.string({ maxLength: 60 }), fc.json({ maxDepth: 3 }), fc.constantFrom('', '{', '[]', 'null', '{"format":"crosscheck-bundle"}', '{"format":"crosscheck-bundle","formatVersion":"2"}')),
});
const manifestNotUtf8Edit = fc.record({ edit: fc.constant('manifest-not-utf8' as const), at: fc.nat() });

// ----- zip entry edits -----

const UNSAFE_NAMES = ['../evil.sh', 'parts/../../evil', '/etc/passwd', 'C:\\evil.bat', 'c:evil', 'a\\b.ndjson', '', 'a\u0000b', '..', 'x/../../y'];
const entryName = fc.constantFrom(MANIFEST_FILE, ...Object.values(PART_FILES));

const removeEntryEdit = fc.record({ edit: fc.constant('remove-entry' as const), name: entryName });
const unsafeNameEdit = fc.record({ edit: fc.constant('unsafe-name' as const), name: fc.option(entryName, { nil: undefined }), unsafe: fc.constantFrom(...UNSAFE_NAMES) });
const renameEntryEdit = fc.record({ edit: fc.constant('rename-entry' as const), name: entryName, to: fc.constantFrom('Documents.ndjson', 'parts/annotations.ndjson', 'manifest.json.bak', 'links.json', 'decisions.ndjson ') });
const duplicateEntryEdit = fc.record({ edit: fc.constant('duplicate-entry' as const), name: entryName, same: fc.boolean() });
const extraEntryEdit = fc.record({
  edit: fc.constant('extra-entry' as const),
  name: fc.oneof(fc.constantFrom('readme.txt', 'notes/ferry.md', '.DS_Store', '__MACOSX/._manifest.json', 'deep/a/b/c/d.bin'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
  data: fc.uint8Array({ maxLength: 64 }),
});
const crowdEdit = fc.record({ edit: fc.constant('crowd' as const), count: fc.integer({ min: 58, max: 80 }) });
const storedEdit = fc.record({ edit: fc.constant('stored' as const), name: entryName });
const methodEdit = fc.record({ edit: fc.constant('method' as const), name: entryName, method: fc.constantFrom(1, 6, 9, 12, 14, 93, 95, 98, 99, 0xffff) });
const encryptedEdit = fc.record({ edit: fc.constant('encrypted' as const), name: entryName });
const declaredSizeEdit = fc.record({
  edit: fc.constant('declared-size' as const),
  name: entryName,
  size: fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0xfffffffe, 0x7fffffff, 1 << 20, (1 << 20) + 1), fc.nat()),
});
const compressedSizeEdit = fc.record({ edit: fc.constant('compressed-size' as const), name: entryName, delta: fc.integer({ min: -40, max: 1 << 20 }).filter((delta) => delta !== 0) });
const bombEdit = fc.record({ edit: fc.constant('bomb' as const), name: entryName, megabytes: fc.constantFrom(1, 4), declareAll: fc.boolean() });
const brokenStreamEdit = fc.record({ edit: fc.constant('broken-stream' as const), name: entryName, data: fc.uint8Array({ minLength: 1, maxLength: 200 }) });
const offsetEdit = fc.record({ edit: fc.constant('declared-offset' as const), name: entryName, offset: fc.oneof(fc.nat({ max: 5000 }), fc.constantFrom(0xffffffff, 0xfffffff0)) });
const commentEdit = fc.record({ edit: fc.constant('comment' as const), text: fc.string({ maxLength: 100 }) });
const entryOrderEdit = fc.record({ edit: fc.constant('entry-order' as const), seed: fc.nat() });

// ----- byte edits on the finished archive -----

const truncateEdit = fc.record({ edit: fc.constant('truncate' as const), keep: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }) });
const flipEdit = fc.record({ edit: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), xor: fc.integer({ min: 1, max: 255 }) });
const prependEdit = fc.record({ edit: fc.constant('prepend' as const), data: fc.uint8Array({ minLength: 1, maxLength: 64 }) });
const appendEdit = fc.record({ edit: fc.constant('append' as const), data: fc.uint8Array({ minLength: 1, maxLength: 64 }) });
const directoryFieldEdit = fc.record({
  edit: fc.constant('directory-field' as const),
  entry: fc.nat(),
  field: fc.constantFrom(8, 10, 20, 24, 28, 30, 32, 42),
  value: fc.oneof(fc.nat({ max: 0xffff }), fc.constantFrom(0, 0xffff, 0xffffffff, 0x7fffffff)),
});
const endRecordFieldEdit = fc.record({
  edit: fc.constant('end-record-field' as const),
  field: fc.constantFrom(4, 6, 8, 10, 12, 16, 20),
  value: fc.oneof(fc.nat({ max: 0xffff }), fc.constantFrom(0, 0xffff, 0xffffffff)),
});

/** Edits after which the bundle still holds exactly the library: a reader must accept them and lose nothing. */
export const benignEdit = fc.oneof(reorderEdit, blankLinesEdit, lineEndingEdit, extraFieldEdit, manifestExtraEdit, storedEdit, commentEdit, entryOrderEdit);

/** Edits that each damage the bundle in one way the reader must notice (or may accept, when they say so). */
export const faultEdit = fc.oneof(
  invalidValueEdit,
  missingFieldEdit,
  danglingEdit,
  offsetsEdit,
  quoteEdit,
  duplicateEdit,
  sameTextEdit,
  wrongHashEdit,
  removeRecordEdit,
  dropOptionalEdit,
  cutLineEdit,
  splitLineEdit,
  garbageLineEdit,
  notUtf8Edit,
  bomEdit,
  tamperEdit,
  manifestInvalidEdit,
  manifestMissingEdit,
  manifestCountEdit,
  manifestBytesEdit,
  manifestRawEdit,
  manifestNotUtf8Edit,
  removeEntryEdit,
  unsafeNameEdit,
  renameEntryEdit,
  duplicateEntryEdit,
  extraEntryEdit,
  crowdEdit,
  methodEdit,
  encryptedEdit,
  declaredSizeEdit,
  compressedSizeEdit,
  bombEdit,
  brokenStreamEdit,
  offsetEdit,
);

/** Edits of the finished archive's bytes. */
export const byteEdit = fc.oneof(truncateEdit, flipEdit, prependEdit, appendEdit, directoryFieldEdit, endRecordFieldEdit);

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;
export type BundleEdit = Generated<typeof benignEdit> | Generated<typeof faultEdit> | Generated<typeof byteEdit>;

export interface BundleCase {
  library: LibraryRecipe;
  edits: BundleEdit[];
}

/** A valid library with only edits that keep its content. */
export const benignCase = (pools?: RecipePools): fc.Arbitrary<BundleCase> => fc.record({ library: libraryRecipe(pools), edits: fc.array(benignEdit, { maxLength: 4 }) });

/** One fault among benign noise (which comes first, so the fault has the last word). */
export const singleFaultCase = (pools?: RecipePools): fc.Arbitrary<BundleCase> =>
  fc.tuple(libraryRecipe(pools), faultEdit, fc.array(benignEdit, { maxLength: 2 })).map(([library, fault, noise]) => ({ library, edits: [...noise, fault] }));

/** Several faults at every level, with or without damage to the bytes. */
export const chaosCase = (pools?: RecipePools): fc.Arbitrary<BundleCase> => fc.record({
  library: libraryRecipe(pools),
  edits: fc.array(fc.oneof({ weight: 3, arbitrary: faultEdit }, { weight: 1, arbitrary: benignEdit }, { weight: 2, arbitrary: byteEdit }), { minLength: 1, maxLength: 5 }),
});

// ----- applying edits -----

function shuffle<T>(list: T[], seed: number): T[] {
  // A small deterministic shuffle, so that the seed in a printed case replays the same order.
  let state = seed >>> 0 || 1;
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function entryByName(entries: ZipEntrySpec[], name: string): ZipEntrySpec | undefined {
  return entries.find((entry) => entry.name === name);
}

/** Changes the entry called `name`, if an earlier edit left one. */
function onEntry(entries: ZipEntrySpec[], name: string, change: (entry: ZipEntrySpec) => void): void {
  const entry = entryByName(entries, name);
  if (entry) change(entry);
}

function setPath(target: Json, path: readonly string[], value: unknown): boolean {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Json)[key];
  }
  if (typeof node !== 'object' || node === null) return false;
  (node as Json)[path[path.length - 1]!] = value;
  return true;
}

function deletePath(target: Json, path: readonly string[]): boolean {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Json)[key];
  }
  if (typeof node !== 'object' || node === null || !(path[path.length - 1]! in (node as Json))) return false;
  delete (node as Json)[path[path.length - 1]!];
  return true;
}

/** Whether a reader may use `name` as a path: the rules every zip reader should apply, written out here. */
function safeName(name: string): boolean {
  return name !== '' && !name.includes('\0') && !name.includes('\\') && !name.startsWith('/') && !/^[A-Za-z]:/.test(name) && !name.split('/').includes('..');
}

const bombs = new Map<number, Uint8Array>();

/** Deflated zeros: a few kilobytes that inflate to `megabytes` MB (made once per size). */
function bombOf(megabytes: number): Uint8Array {
  let bomb = bombs.get(megabytes);
  if (!bomb) bombs.set(megabytes, (bomb = deflateSync(new Uint8Array(megabytes << 20), { level: 9 })));
  return bomb;
}

function applyEdit(model: Model, edit: BundleEdit): Effect {
  switch (edit.edit) {
    case 'invalid-value': {
      const found = recordAt(model, edit.type, edit.index);
      if (!found) return NOTHING;
      found.record[edit.field] = edit.value;
      store(model, edit.type, found.at, found.record);
      return refused('invalid-records');
    }
    case 'missing-field': {
      const found = recordAt(model, edit.type, edit.index);
      if (!found) return NOTHING;
      delete found.record[edit.field];
      store(model, edit.type, found.at, found.record);
      return refused('invalid-records');
    }
    case 'drop-optional': {
      const found = recordAt(model, edit.type, edit.index);
      if (!found || !(edit.field in found.record)) return NOTHING;
      delete found.record[edit.field];
      store(model, edit.type, found.at, found.record);
      // Still valid, but no longer the library's record.
      return EITHER;
    }
    case 'extra-field': {
      const found = recordAt(model, edit.type, edit.index);
      if (!found) return NOTHING;
      found.record['x-fuzz-extra'] = edit.value;
      store(model, edit.type, found.at, found.record);
      return benign;
    }
    case 'dangling': {
      const type: RecordType = edit.field === 'fromId' || edit.field === 'toId' ? 'links' : 'annotations';
      const target: RecordType = edit.field === 'documentId' ? 'documents' : edit.field === 'fromId' || edit.field === 'toId' ? 'annotations' : 'entities';
      const found = recordAt(model, type, edit.index);
      if (!found) return NOTHING;
      found.record[edit.field] = edit.ghost;
      store(model, type, found.at, found.record);
      return ids(model, target).has(edit.ghost) ? EITHER : refused('inconsistent-records');
    }
    case 'offsets': {
      const found = recordAt(model, 'annotations', edit.index);
      if (!found) return NOTHING;
      const document = model.lines.documents.map(parse).find((record) => record?.id === found.record.documentId);
      const text = String(document?.text ?? '');
      found.record.start = edit.start;
      found.record.end = edit.end;
      store(model, 'annotations', found.at, found.record);
      const fits = edit.start < edit.end && edit.end <= text.length && text.slice(edit.start, edit.end) === found.record.quote;
      return fits ? EITHER : refused('invalid-records', 'inconsistent-records');
    }
    case 'quote': {
      const found = recordAt(model, 'annotations', edit.index);
      if (!found) return NOTHING;
      const same = found.record.quote === edit.quote;
      found.record.quote = edit.quote;
      store(model, 'annotations', found.at, found.record);
      return same ? EITHER : refused('inconsistent-records');
    }
    case 'duplicate-record': {
      const found = recordAt(model, edit.type, edit.index);
      if (!found) return NOTHING;
      const copy = edit.changed ? { ...found.record, 'x-copy': true } : found.record;
      model.lines[edit.type].push(JSON.stringify(copy));
      return refused('inconsistent-records');
    }
    case 'same-text': {
      const documents = model.lines.documents;
      const from = edit.from % documents.length;
      const to = edit.to % documents.length;
      if (from === to) return NOTHING;
      const source = parse(documents[from]!);
      const target = parse(documents[to]!);
      if (!source || !target) return NOTHING;
      documents[to] = JSON.stringify({ ...target, text: source.text, sha256: source.sha256 });
      return refused('inconsistent-records');
    }
    case 'wrong-hash': {
      const found = recordAt(model, 'documents', edit.index);
      if (!found || found.record.sha256 === edit.sha) return NOTHING;
      found.record.sha256 = edit.sha;
      store(model, 'documents', found.at, found.record);
      return refused('inconsistent-records');
    }
    case 'remove-record': {
      const lines = model.lines[edit.type];
      if (lines.length === 0) return NOTHING;
      lines.splice(edit.index % lines.length, 1);
      // Whether something referred to it decides the outcome; either is fine as long as it is reported.
      return EITHER;
    }
    case 'cut-line': {
      const lines = model.lines[edit.type];
      if (lines.length === 0) return NOTHING;
      const at = edit.index % lines.length;
      const line = lines[at]!;
      // A strict prefix of a JSON object is never JSON.
      lines[at] = line.slice(0, 1 + (edit.at % (line.length - 1)));
      return refused('invalid-records');
    }
    case 'split-line': {
      const lines = model.lines[edit.type];
      if (lines.length === 0) return NOTHING;
      const at = edit.index % lines.length;
      const line = lines[at]!;
      const cut = 1 + (edit.at % (line.length - 1));
      lines.splice(at, 1, line.slice(0, cut), line.slice(cut));
      return refused('invalid-records');
    }
    case 'garbage-line': {
      if (!edit.text.split('\n').some((piece) => piece.trim() !== '')) return NOTHING;
      const lines = model.lines[edit.type];
      lines.splice(edit.index % (lines.length + 1), 0, edit.text);
      return refused('invalid-records', 'damaged');
    }
    case 'not-utf8': {
      model.beforeChecksum[edit.type] = (bytes) => {
        const at = edit.at % (bytes.length + 1);
        return concat(bytes.subarray(0, at), new Uint8Array([edit.byte]), bytes.subarray(at));
      };
      return refused('damaged');
    }
    case 'bom': {
      model.beforeChecksum[edit.type] = (bytes) => concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes);
      return EITHER;
    }
    case 'reorder':
      model.lines[edit.type] = shuffle(model.lines[edit.type], edit.seed);
      return benign;
    case 'blank-lines':
      model.blankLines[edit.type] += edit.count;
      return benign;
    case 'line-ending':
      model.eol[edit.type] = edit.eol;
      return benign;
    case 'tamper-after-checksum':
      model.afterChecksum[edit.type] = (bytes) => {
        if (bytes.length === 0) return new Uint8Array([edit.xor]);
        const out = bytes.slice();
        out[edit.at % out.length]! ^= edit.xor;
        return out;
      };
      return refused('damaged');
    case 'manifest-invalid':
      model.manifestEdits.push((manifest) => setPath(manifest, edit.path, edit.value));
      return refused('not-a-bundle', 'newer-format', 'damaged');
    case 'manifest-missing':
      model.manifestEdits.push((manifest) => deletePath(manifest, edit.path));
      return refused('not-a-bundle', 'damaged');
    case 'manifest-count':
      model.manifestEdits.push((manifest) => {
        const counts = manifest.counts as Record<string, unknown>;
        if (typeof counts?.[edit.type] !== 'number') return;
        const count = Math.max(0, (counts[edit.type] as number) + edit.delta);
        if (count !== counts[edit.type]) model.late.push(refused('damaged'));
        counts[edit.type] = count;
      });
      return EITHER;
    case 'manifest-bytes':
      model.manifestEdits.push((manifest) => {
        const part = (manifest.parts as Record<string, { bytes?: unknown }>)?.[edit.type];
        if (typeof part?.bytes !== 'number') return;
        const bytes = Math.max(0, part.bytes + edit.delta);
        if (bytes !== part.bytes) model.late.push(refused('damaged'));
        part.bytes = bytes;
      });
      return EITHER;
    case 'manifest-extra':
      model.manifestEdits.push((manifest) => {
        manifest['x-fuzz-extra'] = edit.value;
      });
      return benign;
    case 'manifest-raw':
      model.manifestBytes = strToU8(edit.text);
      return refused('not-a-bundle', 'newer-format', 'damaged');
    case 'manifest-not-utf8':
      model.entryEdits.push((entries) =>
        onEntry(entries, MANIFEST_FILE, (entry) => {
          const at = edit.at % (entry.data.length + 1);
          entry.data = concat(entry.data.subarray(0, at), new Uint8Array([0xff]), entry.data.subarray(at));
        }),
      );
      return refused('not-a-bundle');
    case 'remove-entry':
      model.entryEdits.push((entries) => {
        const at = entries.findIndex((entry) => entry.name === edit.name);
        if (at !== -1) entries.splice(at, 1);
      });
      return refused('not-a-bundle', 'missing-part');
    case 'unsafe-name':
      model.entryEdits.push((entries) => {
        const entry = edit.name === undefined ? undefined : entryByName(entries, edit.name);
        if (entry) entry.name = edit.unsafe;
        else entries.push({ name: edit.unsafe, data: strToU8('payload') });
      });
      return refused('unsafe-entry');
    case 'rename-entry':
      model.entryEdits.push((entries) => onEntry(entries, edit.name, (entry) => (entry.name = edit.to)));
      return refused('not-a-bundle', 'missing-part');
    case 'duplicate-entry':
      model.entryEdits.push((entries) => onEntry(entries, edit.name, (entry) => entries.push({ ...entry, data: edit.same ? entry.data : strToU8('{"other":true}\n') })));
      return refused('unsafe-entry');
    case 'extra-entry': {
      const clash = edit.name === MANIFEST_FILE || Object.values(PART_FILES).includes(edit.name);
      model.entryEdits.push((entries) => entries.push({ name: edit.name, data: edit.data }));
      return clash || !safeName(edit.name) ? refused('unsafe-entry') : benign;
    }
    case 'crowd':
      model.entryEdits.push((entries) => {
        for (let i = 0; i < edit.count; i++) entries.push({ name: `pad/${i}.txt`, data: new Uint8Array(0), method: 0 });
      });
      return refused('too-large');
    case 'stored':
      model.entryEdits.push((entries) => onEntry(entries, edit.name, (entry) => (entry.method = 0)));
      return benign;
    case 'method':
      model.entryEdits.push((entries) => onEntry(entries, edit.name, (entry) => (entry.method = edit.method)));
      return refused('damaged');
    case 'encrypted':
      model.entryEdits.push((entries) => onEntry(entries, edit.name, (entry) => (entry.flags = 0x801)));
      return refused('damaged');
    case 'declared-size':
      model.entryEdits.push((entries) =>
        onEntry(entries, edit.name, (entry) => {
          // Known only once the entry exists: every declared size but the true one must be refused.
          if (edit.size !== entry.data.length) model.late.push(refused('too-large', 'damaged', 'not-a-bundle'));
          entry.declaredSize = edit.size;
        }),
      );
      return EITHER;
    case 'compressed-size':
      model.entryEdits.push((entries) =>
        onEntry(entries, edit.name, (entry) => {
          const stored = entry.compressed ?? (entry.method === 0 ? entry.data : deflateSync(entry.data));
          entry.compressed = stored;
          entry.declaredCompressedSize = Math.max(0, stored.length + edit.delta);
        }),
      );
      return EITHER;
    case 'bomb':
      model.entryEdits.push((entries) =>
        onEntry(entries, edit.name, (entry) => {
          entry.compressed = bombOf(edit.megabytes);
          entry.method = 8;
          if (edit.declareAll) entry.declaredSize = edit.megabytes << 20;
        }),
      );
      return refused('too-large', 'damaged', 'not-a-bundle');
    case 'broken-stream':
      model.entryEdits.push((entries) =>
        onEntry(entries, edit.name, (entry) => {
          entry.compressed = edit.data;
          entry.method = 8;
        }),
      );
      return EITHER;
    case 'declared-offset':
      model.entryEdits.push((entries) => onEntry(entries, edit.name, (entry) => (entry.declaredOffset = edit.offset)));
      return EITHER;
    case 'comment':
      model.comment = strToU8(edit.text).subarray(0, 0xffff);
      return benign;
    case 'entry-order':
      model.entryEdits.push((entries) => {
        const shuffled = shuffle(entries, edit.seed);
        entries.splice(0, entries.length, ...shuffled);
      });
      return benign;
    case 'truncate':
      model.byteEdits.push((bytes) => bytes.subarray(0, Math.floor(edit.keep * bytes.length)));
      return refused();
    case 'flip':
      model.byteEdits.push((bytes) => {
        const out = bytes.slice();
        out[Math.floor(edit.at * out.length)]! ^= edit.xor;
        return out;
      });
      return EITHER;
    case 'prepend':
      model.byteEdits.push((bytes) => concat(edit.data, bytes));
      return EITHER;
    case 'append':
      model.byteEdits.push((bytes) => concat(bytes, edit.data));
      return EITHER;
    case 'directory-field':
      model.byteEdits.push((bytes) => patchDirectory(bytes, edit.entry, edit.field, edit.value));
      return EITHER;
    case 'end-record-field':
      model.byteEdits.push((bytes) => patchEndRecord(bytes, edit.field, edit.value));
      return EITHER;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function writeField(bytes: Uint8Array, at: number, field: number, value: number): void {
  // Offsets 8, 10, 28, 30 and 32 of a directory entry (and 4–10 and 20 of the end record) are 16-bit.
  const wide = field === 12 || field === 16 || field === 20 || field === 24 || field === 42;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + field + (wide ? 4 : 2) > bytes.length) return;
  if (wide) view.setUint32(at + field, value >>> 0, true);
  else view.setUint16(at + field, value & 0xffff, true);
}

function patchDirectory(bytes: Uint8Array, entry: number, field: number, value: number): Uint8Array {
  const out = bytes.slice();
  const starts: number[] = [];
  for (let at = 0; at + 4 <= out.length; at++) {
    if (out[at] === 0x50 && out[at + 1] === 0x4b && out[at + 2] === 0x01 && out[at + 3] === 0x02) starts.push(at);
  }
  if (starts.length === 0) return out;
  writeField(out, starts[entry % starts.length]!, field, value);
  return out;
}

function patchEndRecord(bytes: Uint8Array, field: number, value: number): Uint8Array {
  const out = bytes.slice();
  for (let at = out.length - 22; at >= 0; at--) {
    if (out[at] === 0x50 && out[at + 1] === 0x4b && out[at + 2] === 0x05 && out[at + 3] === 0x06) {
      // The end record's 32-bit fields sit at 12 and 16; 20 is the 16-bit comment length.
      const view = new DataView(out.buffer);
      if (field === 12 || field === 16) view.setUint32(at + field, value >>> 0, true);
      else view.setUint16(at + field, value & 0xffff, true);
      return out;
    }
  }
  return out;
}

async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface BuiltCase {
  /** The library the bundle was made from (before any edit). */
  library: BundleContents;
  bytes: Uint8Array;
  /** Whether some edit makes refusal the only right answer. */
  mustReject: boolean;
  /** Codes a refusal may carry, when a single edit decides them. */
  codes?: BundleErrorCode[];
  /** Whether every edit kept the library's content. */
  onlyBenign: boolean;
}

/** Writes the case's library with the real writer, applies its edits and packs the result. */
export async function buildCase(bundleCase: BundleCase): Promise<BuiltCase> {
  const library = await buildLibrary(bundleCase.library);
  const written = unzipSync(await writeBundle(library, META));
  const model: Model = {
    manifest: JSON.parse(new TextDecoder().decode(written[MANIFEST_FILE])) as Json,
    lines: {} as Record<RecordType, string[]>,
    eol: {} as Record<RecordType, string>,
    blankLines: {} as Record<RecordType, number>,
    afterChecksum: {},
    beforeChecksum: {},
    manifestEdits: [],
    entryEdits: [],
    byteEdits: [],
    late: [],
  };
  for (const type of RECORD_TYPES) {
    model.lines[type] = new TextDecoder().decode(written[PART_FILES[type]]).split('\n').filter((line) => line !== '');
    model.eol[type] = '\n';
    model.blankLines[type] = 0;
  }

  let mustReject = false;
  let onlyBenign = true;
  const codes: BundleErrorCode[][] = [];
  for (const edit of bundleCase.edits) {
    const effect = applyEdit(model, edit);
    if (!effect.applied) continue;
    if (effect !== benign) onlyBenign = false;
    if (effect.mustReject) mustReject = true;
    if (effect.codes) codes.push(effect.codes);
  }

  const entries: ZipEntrySpec[] = [];
  const partBytes: Partial<Record<RecordType, Uint8Array>> = {};
  for (const type of RECORD_TYPES) {
    const lines = model.lines[type].map((line) => `${line}${model.eol[type]}`);
    for (let i = 0; i < model.blankLines[type]; i++) lines.splice(shuffleIndex(i, lines.length), 0, '\n');
    let bytes: Uint8Array = strToU8(lines.join(''));
    bytes = model.beforeChecksum[type]?.(bytes) ?? bytes;
    const manifestParts = model.manifest.parts as Record<string, { sha256: string; bytes: number }>;
    manifestParts[type] = { ...manifestParts[type]!, sha256: await sha256Of(bytes), bytes: bytes.length };
    (model.manifest.counts as Record<string, number>)[type] = model.lines[type].filter((line) => line.trim() !== '').length;
    partBytes[type] = model.afterChecksum[type]?.(bytes) ?? bytes;
  }
  for (const edit of model.manifestEdits) edit(model.manifest);
  entries.push({ name: MANIFEST_FILE, data: model.manifestBytes ?? strToU8(`${JSON.stringify(model.manifest, null, 2)}\n`) });
  for (const type of RECORD_TYPES) entries.push({ name: PART_FILES[type], data: partBytes[type]! });
  for (const edit of model.entryEdits) edit(entries);
  for (const effect of model.late) {
    mustReject = true;
    if (effect.codes) codes.push(effect.codes);
  }

  let bytes = writeZip({ entries, ...(model.comment ? { comment: model.comment } : {}) });
  for (const edit of model.byteEdits) bytes = edit(bytes);
  // One fault decides the codes; with several, any clear refusal will do.
  const decided = codes.length === 1 && codes[0]!.length > 0 ? { codes: codes[0] } : {};
  return { library, bytes, mustReject, onlyBenign, ...decided };
}

function shuffleIndex(i: number, length: number): number {
  return (i * 7919) % (length + 1);
}
