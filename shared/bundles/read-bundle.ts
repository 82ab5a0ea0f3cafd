/**
 * Reading a `.crosscheck` bundle: everything is checked before anything is returned, in the order a
 * person would want to hear about it (is it a bundle at all, is it from a newer Crosscheck, is it damaged,
 * do its records fit the format, do they fit together). Any failure is a BundleError; callers write
 * nothing unless this resolves.
 */
import { BundleError, NOTHING_IMPORTED, listExamples } from './bundle-error';
import { ProblemList, checkConsistency, checkRecord, recordPath } from './bundle-checks';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_FILE,
  PART_FILES,
  RECORD_TYPES,
  RECORD_WORDS,
  emptyContents,
  manifestSchema,
  type BundleContents,
  type BundleManifest,
  type BundleProgressCallback,
  type ParsedBundle,
  type RecordType,
} from './bundle-format';
import { forEachNdjsonLine } from './ndjson';
import { sha256OfBytes } from './part-checksum';
import { DEFAULT_ZIP_LIMITS, listZipEntries, readZipEntry, type ZipEntry, type ZipLimits } from './zip-archive';

export interface ReadBundleOptions {
  onProgress?: BundleProgressCallback;
  /** Tighter or looser limits than DEFAULT_ZIP_LIMITS (tests use tiny ones). */
  limits?: Partial<ZipLimits>;
}

// A manifest is a few hundred bytes; anything near this is not one.
const MAX_MANIFEST_BYTES = 1 << 20;
const ASK_AGAIN = 'Ask the sender to export it again from Crosscheck.';
const ASK_AGAIN_LATER = 'ask the sender to export it again from Crosscheck.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notABundle(detail: string): BundleError {
  return new BundleError(
    'not-a-bundle',
    `This zip file is not a Crosscheck bundle: ${detail}. ${NOTHING_IMPORTED} Choose a .crosscheck file exported from Crosscheck.`,
  );
}

function readManifest(bytes: Uint8Array, entries: Map<string, ZipEntry>): BundleManifest {
  const entry = entries.get(MANIFEST_FILE);
  if (!entry) throw notABundle(`it has no ${MANIFEST_FILE}`);
  if (entry.size > MAX_MANIFEST_BYTES) throw notABundle(`its ${MANIFEST_FILE} is far too large to be a bundle manifest`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readZipEntry(bytes, entry)));
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw notABundle(`its ${MANIFEST_FILE} is not readable JSON`);
  }
  if (!isRecord(raw) || raw.format !== BUNDLE_FORMAT) throw notABundle(`its ${MANIFEST_FILE} is not a Crosscheck manifest`);
  const version = raw.formatVersion;
  if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) {
    const made = typeof raw.appVersion === 'string' ? ` (Crosscheck ${raw.appVersion})` : '';
    throw new BundleError(
      'newer-format',
      `This bundle was made by a newer version of Crosscheck${made} in bundle format ${version}; this version reads format ${BUNDLE_FORMAT_VERSION}. ${NOTHING_IMPORTED} Update Crosscheck, then import the bundle again.`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${[MANIFEST_FILE, ...issue.path.map(String)].join('.')}: ${issue.message}`);
    throw new BundleError('damaged', `The bundle's ${MANIFEST_FILE} is not valid:\n${listExamples(problems, problems.length)}\n${NOTHING_IMPORTED} ${ASK_AGAIN}`);
  }
  return parsed.data;
}

/** Finds every part before inflating any, so that a missing one is reported without work. */
function partEntries(manifest: BundleManifest, entries: Map<string, ZipEntry>): Record<RecordType, ZipEntry> {
  const found = {} as Record<RecordType, ZipEntry>;
  for (const type of RECORD_TYPES) {
    const entry = entries.get(PART_FILES[type]);
    if (!entry) {
      throw new BundleError(
        'missing-part',
        `The bundle has no ${PART_FILES[type]}, which should hold its ${RECORD_WORDS[type].many} (${manifest.counts[type]} listed in the manifest). ${NOTHING_IMPORTED} The file is incomplete; ${ASK_AGAIN_LATER}`,
      );
    }
    if (entry.size !== manifest.parts[type].bytes) {
      throw new BundleError(
        'damaged',
        `${PART_FILES[type]} is ${entry.size.toLocaleString('en-US')} bytes, but the manifest says ${manifest.parts[type].bytes.toLocaleString('en-US')}: the bundle was changed after it was exported. ${NOTHING_IMPORTED} ${ASK_AGAIN}`,
      );
    }
    found[type] = entry;
  }
  return found;
}

/**
 * Reads and checks a bundle. Resolves only when every part is present and intact and every record fits
 * the format and the others; otherwise throws a BundleError that says what is wrong and what to do.
 */
export async function readBundle(bytes: Uint8Array, options: ReadBundleOptions = {}): Promise<ParsedBundle> {
  const { onProgress } = options;
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const entries = new Map(listZipEntries(bytes, limits).map((entry) => [entry.name, entry]));
  const manifest = readManifest(bytes, entries);
  const parts = partEntries(manifest, entries);

  const totalBytes = RECORD_TYPES.reduce((sum, type) => sum + parts[type].size, 0);
  let unpacked = 0;
  const data = {} as Record<RecordType, Uint8Array<ArrayBuffer>>;
  for (const type of RECORD_TYPES) {
    const before = unpacked;
    data[type] = readZipEntry(bytes, parts[type], (done) => onProgress?.({ stage: 'unpacking', done: before + done, total: totalBytes }));
    unpacked += parts[type].size;
    if ((await sha256OfBytes(data[type])) !== manifest.parts[type].sha256) {
      throw new BundleError(
        'damaged',
        `${PART_FILES[type]} does not match its checksum in the manifest: the bundle was damaged or edited after it was exported. ${NOTHING_IMPORTED} ${ASK_AGAIN}`,
      );
    }
  }

  const totalRecords = RECORD_TYPES.reduce((sum, type) => sum + manifest.counts[type], 0);
  let checked = 0;
  const problems = new ProblemList();
  const contents = emptyContents();
  for (const type of RECORD_TYPES) {
    const out = contents[type] as Array<BundleContents[RecordType][number]>;
    let index = 0;
    forEachNdjsonLine(data[type], PART_FILES[type], ({ line, text }) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        problems.add(`${recordPath(type, index)} (line ${line} of ${PART_FILES[type]}) is not valid JSON`);
        index++;
        return;
      }
      const record = checkRecord(type, value, index, problems);
      if (record) out.push(record);
      index++;
      if (++checked % 1000 === 0) onProgress?.({ stage: 'checking', done: checked, total: totalRecords });
    });
    if (index !== manifest.counts[type]) {
      throw new BundleError(
        'damaged',
        `The manifest lists ${manifest.counts[type]} ${RECORD_WORDS[type].many}, but ${PART_FILES[type]} holds ${index}. ${NOTHING_IMPORTED} ${ASK_AGAIN}`,
      );
    }
    // The bytes are parsed; drop them so that a large import does not hold the part twice.
    data[type] = new Uint8Array(0);
  }
  if (!problems.empty) {
    throw new BundleError(
      'invalid-records',
      `${problems.count.toLocaleString('en-US')} ${problems.count === 1 ? 'value in this bundle does' : 'values in this bundle do'} not fit Crosscheck's format:\n${listExamples(problems.examples, problems.count)}\n${NOTHING_IMPORTED} The bundle was edited or made by another program; ${ASK_AGAIN_LATER}`,
    );
  }

  const inconsistent = await checkConsistency(contents, (done) => {
    if (done % 1000 === 0) onProgress?.({ stage: 'checking', done: Math.min(totalRecords, checked + done), total: totalRecords });
  });
  if (!inconsistent.empty) {
    throw new BundleError(
      'inconsistent-records',
      `The records in this bundle do not fit together (${inconsistent.count.toLocaleString('en-US')} ${inconsistent.count === 1 ? 'problem' : 'problems'}):\n${listExamples(inconsistent.examples, inconsistent.count)}\n${NOTHING_IMPORTED} The bundle was edited or made by another program; ${ASK_AGAIN_LATER}`,
    );
  }
  onProgress?.({ stage: 'checking', done: totalRecords, total: totalRecords });
  return { manifest, contents };
}
