import { strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundles/bundle-error';
import { PART_FILES, RECORD_TYPES, type BundleContents, type BundleProgress, type RecordType } from '../../../../shared/bundles/bundle-format';
import { readBundle } from '../../../../shared/bundles/read-bundle';
import { writeBundle } from '../../../../shared/bundles/write-bundle';
import { brokenBundles, packBundle, rawLibrary, type BrokenBundle, type RawParts } from '../../../fixtures/bundles/broken-bundles';
import { ferryStrikeLibrary, IDS } from '../../../fixtures/bundles/ferry-strike';

const META = { appVersion: '0.1.0', createdBy: 'Ines', createdAt: '2025-03-07T12:00:00.000Z' };

function sortedById<T>(records: readonly T[], key: (record: T) => string): T[] {
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

function sameContents(a: BundleContents, b: BundleContents): void {
  for (const type of RECORD_TYPES) {
    const key = (record: object): string => ('id' in record ? String(record.id) : String((record as { contradictionId: string }).contradictionId));
    expect(sortedById(a[type] as object[], key), type).toEqual(sortedById(b[type] as object[], key));
  }
}

describe('writeBundle and readBundle', () => {
  let library: BundleContents;
  let bytes: Uint8Array;

  beforeAll(async () => {
    library = await ferryStrikeLibrary();
    bytes = await writeBundle(library, META);
  });

  it('reads back exactly the records that were written', async () => {
    const { contents, manifest } = await readBundle(bytes);
    sameContents(contents, library);
    expect(manifest).toMatchObject({ format: 'crosscheck-bundle', formatVersion: 1, appVersion: '0.1.0', createdBy: 'Ines', createdAt: META.createdAt });
    expect(manifest.counts).toEqual({ documents: 3, entities: 2, annotations: 8, links: 2, decisions: 1, decisionHistory: 1 });
  });

  it('is a zip any tool can open: a manifest and one NDJSON line per record, with checksums', async () => {
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', ...Object.values(PART_FILES)].sort());
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { parts: Record<string, { sha256: string; bytes: number }> };
    const annotations = files['annotations.ndjson']!;
    expect(new TextDecoder().decode(annotations).trimEnd().split('\n')).toHaveLength(8);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', annotations)).toString('hex');
    expect(manifest.parts.annotations).toEqual({ file: 'annotations.ndjson', sha256: digest, bytes: annotations.length });
  });

  it('gives the same parts for the same library, whatever the order of its records', async () => {
    const shuffled: BundleContents = { ...library, annotations: [...library.annotations].reverse(), documents: [...library.documents].reverse() };
    const again = unzipSync(await writeBundle(shuffled, { ...META, createdAt: '2026-01-01T00:00:00.000Z' }));
    const first = unzipSync(bytes);
    for (const file of Object.values(PART_FILES)) expect(again[file], file).toEqual(first[file]);
  });

  it('reports progress through encoding and packing, then unpacking and checking', async () => {
    const seen: BundleProgress[] = [];
    const written = await writeBundle(library, META, { onProgress: (progress) => seen.push(progress) });
    await readBundle(written, { onProgress: (progress) => seen.push(progress) });
    const stages = [...new Set(seen.map((progress) => progress.stage))];
    expect(stages).toEqual(['encoding', 'packing', 'unpacking', 'checking']);
    for (const progress of seen) expect(progress.done).toBeLessThanOrEqual(progress.total);
    const last = seen[seen.length - 1]!;
    expect(last.done).toBe(last.total);
  });

  it('refuses to write a selection whose annotations point at a document left out', async () => {
    const partial = { ...library, documents: library.documents.filter((document) => document.id !== IDS.wire) };
    const error = await writeBundle(partial, META).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).message).toMatch(/annotations\[“wire-ferries”\]\.documentId refers to document “doc-wire”, which is not in the bundle/);
    expect((error as BundleError).message).toMatch(/No file was written/);
  });

  it('refuses to write records that do not fit the format', async () => {
    const broken = { ...library, entities: [{ ...library.entities[0]!, type: 'ship' as never }] };
    const error = await writeBundle(broken, META).catch((e: unknown) => e);
    expect((error as BundleError).code).toBe('invalid-records');
    expect((error as BundleError).message).toMatch(/entities\[“entity-lindqvist”\]\.type must be one of "person"/);
  });
});

describe('readBundle on the broken-bundle corpus', () => {
  let corpus: BrokenBundle[];
  beforeAll(async () => {
    corpus = await brokenBundles();
  });

  it('has one case per way a file can be wrong', () => {
    expect(corpus.map((item) => item.code)).toEqual(
      expect.arrayContaining(['not-a-zip', 'not-a-bundle', 'newer-format', 'damaged', 'missing-part', 'invalid-records', 'unsafe-entry', 'too-large', 'inconsistent-records']),
    );
  });

  it('rejects each with a message that says what is wrong and what to do', async () => {
    for (const item of corpus) {
      const error = await readBundle(item.bytes, item.limits ? { limits: item.limits } : {}).then(
        () => new Error(`${item.name}: was accepted`),
        (e: unknown) => e,
      );
      expect(error, item.name).toBeInstanceOf(BundleError);
      expect((error as BundleError).code, item.name).toBe(item.code);
      for (const fragment of item.says) expect((error as BundleError).message, item.name).toMatch(fragment);
    }
  });

  it('names at most five schema problems and counts the rest', async () => {
    const parts = await rawLibrary();
    for (const annotation of parts.annotations as Array<Record<string, unknown>>) annotation.origin = 'imagined';
    const error = (await readBundle(await packBundle(parts)).catch((e: unknown) => e)) as BundleError;
    expect(error.message.match(/^ {2}• annotations\[\d\]\.origin/gm)).toHaveLength(5);
    expect(error.message).toMatch(/• and 3 more/);
  });

  it('rejects an NDJSON line that is not JSON, naming its line', async () => {
    const parts = await rawLibrary();
    const bytes = await packBundleWithLines(parts, 'links', [JSON.stringify(parts.links[0]), '{"id": "half a record"']);
    const error = (await readBundle(bytes).catch((e: unknown) => e)) as BundleError;
    expect(error.code).toBe('invalid-records');
    expect(error.message).toMatch(/links\[1\] \(line 2 of links\.ndjson\) is not valid JSON/);
  });
});

/** A bundle whose `part` is exactly `lines` (with right checksums), for malformed NDJSON. */
async function packBundleWithLines(parts: RawParts, part: RecordType, lines: string[]): Promise<Uint8Array> {
  const text = `${lines.join('\n')}\n`;
  const raw = strToU8(text);
  const digest = Buffer.from(await crypto.subtle.digest('SHA-256', raw)).toString('hex');
  return packBundle(parts, {
    manifest: (manifest) => {
      (manifest.parts as Record<string, unknown>)[part] = { file: PART_FILES[part], sha256: digest, bytes: raw.length };
      (manifest.counts as Record<string, number>)[part] = lines.length;
    },
    tamper: { part, edit: () => text },
  });
}
