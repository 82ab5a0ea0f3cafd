/**
 * Writing a `.crosscheck` bundle: records checked and put in a stable order, encoded as NDJSON parts,
 * hashed, described by the manifest and zipped with fflate. The same contents give the same parts and
 * checksums on every machine; only the manifest's time (and the zip's entry times) say when.
 */
import { Zip, ZipDeflate } from 'fflate';
import { BundleError, listExamples } from './bundle-error';
import { ProblemList, checkConsistency, checkRecord } from './bundle-checks';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_FILE,
  PART_FILES,
  RECORD_TYPES,
  emptyContents,
  manifestSchema,
  type BundleContents,
  type BundleManifest,
  type BundleMeta,
  type BundleProgressCallback,
  type RecordType,
} from './bundle-format';
import { encodeNdjson } from './ndjson';
import { sha256OfBytes } from './part-checksum';

export interface WriteBundleOptions {
  onProgress?: BundleProgressCallback;
  /** Deflate level 0–9; 6 by default (smaller levels pack faster and larger). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

const PACK_SLICE = 1 << 20;

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable order, so that the same library always gives the same bytes (and readers a sensible one). */
function sortRecords(contents: BundleContents): BundleContents {
  return {
    documents: [...contents.documents].sort((a, b) => byText(a.id, b.id)),
    entities: [...contents.entities].sort((a, b) => byText(a.id, b.id)),
    annotations: [...contents.annotations].sort(
      (a, b) => byText(a.documentId, b.documentId) || a.start - b.start || a.end - b.end || byText(a.id, b.id),
    ),
    links: [...contents.links].sort((a, b) => byText(a.id, b.id)),
    decisions: [...contents.decisions].sort((a, b) => byText(a.contradictionId, b.contradictionId)),
    decisionHistory: [...contents.decisionHistory].sort((a, b) => byText(a.id, b.id)),
  };
}

function recordCount(contents: BundleContents): number {
  return RECORD_TYPES.reduce((sum, type) => sum + contents[type].length, 0);
}

/** Checks the records as a reader would and returns them in the schema's shape; throws what it finds. */
async function checkedContents(contents: BundleContents): Promise<BundleContents> {
  const sorted = sortRecords(contents);
  // Positions in a sorted copy mean nothing to the person exporting: name records by their id instead.
  const label = (type: RecordType, index: number): string => {
    const record = sorted[type][index] as unknown as Record<string, unknown> | undefined;
    return `${type}[“${String(record?.id ?? record?.contradictionId ?? index)}”]`;
  };
  const problems = new ProblemList();
  const checked = emptyContents();
  for (const type of RECORD_TYPES) {
    const out = checked[type] as Array<BundleContents[RecordType][number]>;
    sorted[type].forEach((record, index) => {
      const parsed = checkRecord(type, record, index, problems, label);
      if (parsed) out.push(parsed);
    });
  }
  if (problems.empty) {
    const inconsistent = await checkConsistency(checked, undefined, label);
    if (!inconsistent.empty) {
      throw new BundleError(
        'inconsistent-records',
        `The selection cannot be exported: ${inconsistent.count} of its records do not fit together:\n${listExamples(inconsistent.examples, inconsistent.count)}\nNo file was written. Include the documents and entities these records refer to, or remove the records.`,
      );
    }
    return checked;
  }
  throw new BundleError(
    'invalid-records',
    `The selection cannot be exported: ${problems.count} of its fields are not valid:\n${listExamples(problems.examples, problems.count)}\nNo file was written. Correct these records in the library and export again.`,
  );
}

function zipParts(files: ReadonlyArray<readonly [string, Uint8Array]>, createdAt: Date, level: WriteBundleOptions['level'], onProgress?: BundleProgressCallback): Uint8Array {
  const total = files.reduce((sum, [, bytes]) => sum + bytes.length, 0);
  const chunks: Uint8Array[] = [];
  const state: { failure?: Error } = {};
  const zip = new Zip((error, chunk) => {
    if (error) state.failure = error;
    else chunks.push(chunk);
  });
  let done = 0;
  for (const [name, bytes] of files) {
    const file = new ZipDeflate(name, { level: level ?? 6 });
    file.mtime = createdAt;
    zip.add(file);
    if (bytes.length === 0) file.push(bytes, true);
    for (let at = 0; at < bytes.length; at += PACK_SLICE) {
      const end = Math.min(bytes.length, at + PACK_SLICE);
      file.push(bytes.subarray(at, end), end === bytes.length);
      done += end - at;
      onProgress?.({ stage: 'packing', done, total });
    }
  }
  zip.end();
  if (state.failure) throw state.failure;
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Writes a bundle of `contents`. Throws BundleError when the records would not pass readBundle (a record
 * that does not fit the format, an annotation whose document is not included, …).
 */
export async function writeBundle(contents: BundleContents, meta: BundleMeta, options: WriteBundleOptions = {}): Promise<Uint8Array> {
  const { onProgress } = options;
  const checked = await checkedContents(contents);
  const total = recordCount(checked);
  let encoded = 0;
  const parts = {} as Record<RecordType, Uint8Array<ArrayBuffer>>;
  for (const type of RECORD_TYPES) {
    const before = encoded;
    parts[type] = encodeNdjson(checked[type], (done) => onProgress?.({ stage: 'encoding', done: before + done, total }));
    encoded += checked[type].length;
  }

  const createdAt = meta.createdAt ?? new Date().toISOString();
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: meta.appVersion,
    createdBy: meta.createdBy,
    createdAt,
    ...(meta.selection !== undefined ? { selection: meta.selection } : {}),
    counts: {
      documents: checked.documents.length,
      entities: checked.entities.length,
      annotations: checked.annotations.length,
      links: checked.links.length,
      decisions: checked.decisions.length,
      decisionHistory: checked.decisionHistory.length,
    },
    parts: {} as BundleManifest['parts'],
  };
  for (const type of RECORD_TYPES) {
    const bytes = parts[type];
    (manifest.parts as Record<RecordType, { file: string; sha256: string; bytes: number }>)[type] = {
      file: PART_FILES[type],
      sha256: await sha256OfBytes(bytes),
      bytes: bytes.length,
    };
  }
  const valid = manifestSchema.safeParse(manifest);
  if (!valid.success) {
    const problems = valid.error.issues.map((issue) => `manifest.${issue.path.join('.')}: ${issue.message}`);
    throw new BundleError('invalid-records', `The bundle's description is not valid:\n${listExamples(problems, problems.length)}\nNo file was written.`);
  }
  const files: Array<readonly [string, Uint8Array]> = [
    [MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)],
    ...RECORD_TYPES.map((type) => [PART_FILES[type], parts[type]] as const),
  ];
  // DOS times start in 1980; a bundle "created" earlier (a test clock) still gets a valid entry time.
  const time = new Date(Math.max(Date.parse(createdAt), Date.UTC(1980, 1, 1)));
  return zipParts(files, time, options.level, onProgress);
}
