/**
 * Bundle benchmarks on a generated library of 1,000 documents and 100,000 annotations (with entities,
 * links, decisions and history): writing the bundle, reading and checking it, planning its merge into an
 * empty library and again into a library that already has it, and the Dexie import into fake-indexeddb.
 * The target is the round trip a fact-checker waits for: write, then read and plan, under 10 s.
 */
import 'fake-indexeddb/auto';
import type { BundleContents } from '../../shared/bundles/bundle-format';
import { planBundleMerge } from '../../shared/bundles/merge-plan';
import { readBundle } from '../../shared/bundles/read-bundle';
import { writeBundle } from '../../shared/bundles/write-bundle';
import type { Annotation, AnnotationKind, ClaimStatus, Entity, SourceDocument } from '../../shared/model';
import { sha256Hex } from '../../shared/text/sha256';
import { importParsedBundle } from '../../renderer/store/bundle-commands';
import { CrosscheckDatabase } from '../../renderer/store/database';
import type { BenchRow } from './bench-row';
import { seededRandom } from './corpus-generator';

const WORDS = (
  'harbour ferry crew strike union company port minister council budget bridge river school hospital ' +
  'report figure vote talks deal island route night shift inquiry court village water power station ' +
  'said told announced denied confirmed reported added warned agreed refused'
).split(' ');
const NAMES = ['Mara', 'Ivo', 'Petra', 'Tom', 'Ines', 'Jonas', 'Leila', 'Arto', 'Sena', 'Oskar'];
const SURNAMES = ['Lindqvist', 'Marek', 'Okafor', 'Calloway', 'Renn', 'Fenwick', 'Haddad', 'Kowal', 'Brisco', 'Tamm'];
const KINDS: readonly AnnotationKind[] = ['entity', 'quantity', 'claim', 'fact', 'demand'];
const STATUSES: readonly ClaimStatus[] = ['unverified', 'supported', 'refuted', 'disputed'];
const AT = '2025-03-06T09:00:00.000Z';

/** A deterministic library of `documents` articles with `perDocument` annotations each. */
export async function generateBundleLibrary(documents: number, perDocument: number, seed = 11): Promise<BundleContents> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const entities: Entity[] = [];
  for (let i = 0; i < 200; i++) {
    entities.push({ id: `entity-${i}`, name: `${pick(NAMES)} ${pick(SURNAMES)} ${i}`, type: i % 3 === 0 ? 'organization' : 'person', aliases: i % 4 === 0 ? [`${pick(SURNAMES)} ${i}`] : [] });
  }
  const library: BundleContents = { documents: [], annotations: [], entities, links: [], decisions: [], decisionHistory: [] };
  for (let d = 0; d < documents; d++) {
    const paragraphs: string[] = [`Story ${d}: ${pick(WORDS)} ${pick(WORDS)} at ${pick(SURNAMES)} Bay`];
    // About 3,000 characters: enough room for 100 spans of one to four words.
    while (paragraphs.join('\n\n').length < 3000) {
      const sentence = Array.from({ length: 12 + Math.floor(random() * 10) }, () => pick(WORDS)).join(' ');
      paragraphs.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} ${Math.floor(random() * 500)} times.`);
    }
    const text = paragraphs.join('\n\n');
    const id = `doc-${String(d).padStart(5, '0')}`;
    const document: SourceDocument = { id, title: paragraphs[0]!, text, format: 'text', sha256: await sha256Hex(text), language: 'en', importedAt: AT, outlet: `${pick(SURNAMES)} Post`, publishedAt: '2025-03-04' };
    library.documents.push(document);
    const words = [...text.matchAll(/\S+/g)].map((match) => [match.index, match.index + match[0].length] as const);
    for (let a = 0; a < perDocument; a++) {
      const first = Math.floor((a / perDocument) * (words.length - 4));
      const start = words[first]![0];
      const end = words[first + Math.floor(random() * 4)]![1];
      const kind = pick(KINDS);
      const annotation: Annotation = {
        id: `${id}-a${a}`,
        documentId: id,
        kind,
        start,
        end,
        quote: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
        origin: random() < 0.5 ? 'user' : 'suggested',
        status: kind === 'claim' ? pick(STATUSES) : 'unverified',
        author: pick(NAMES),
        createdAt: AT,
        updatedAt: AT,
      };
      if (kind === 'entity') annotation.entityId = pick(entities).id;
      if (kind === 'claim') annotation.speaker = pick(entities).id;
      if (kind === 'quantity') annotation.quantity = { value: Math.floor(random() * 1000), key: `${pick(WORDS)}|${pick(WORDS)}` };
      if (random() < 0.1) annotation.note = `Checked against the ${pick(WORDS)} ${pick(WORDS)} record.`;
      library.annotations.push(annotation);
    }
  }
  for (let l = 0; l < library.annotations.length / 20; l++) {
    library.links.push({ id: `link-${l}`, fromId: pick(library.annotations).id, toId: pick(library.annotations).id, relation: pick(['same-as', 'supports', 'contradicts', 'refers-to'] as const), author: pick(NAMES), createdAt: AT });
  }
  for (let c = 0; c < 500; c++) {
    library.decisions.push({ contradictionId: `quantity-mismatch:bench${c}`, status: pick(['confirmed', 'dismissed', 'needs-follow-up'] as const), reviewer: pick(NAMES), decidedAt: AT, evidenceHash: `ev-${c}` });
    if (c % 5 === 0) {
      library.decisionHistory.push({ id: `history-${c}`, contradictionId: `quantity-mismatch:bench${c}`, status: 'needs-follow-up', reviewer: pick(NAMES), decidedAt: '2025-03-05T09:00:00.000Z', evidenceHash: `ev-${c}`, supersededAt: AT });
    }
  }
  return library;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

function row(name: string, value: number, unit: string, target: number | null = null, baseline: number | null = null): BenchRow {
  return { name, value, unit, target, baseline, ratio: baseline ? value / baseline : null, met: target === null ? null : value <= target };
}

/** Runs the bundle benchmarks and returns their rows. */
export async function bundleBench(log: (line: string) => void): Promise<BenchRow[]> {
  log('bundle: generating 1,000 documents with 100,000 annotations…');
  const library = await generateBundleLibrary(1_000, 100);
  const meta = { appVersion: 'bench', createdBy: 'bench', createdAt: AT };
  // Warm the JIT on a small library so the measured runs do not pay for compilation.
  const warm = await generateBundleLibrary(20, 50, 5);
  planBundleMerge(library, (await readBundle(await writeBundle(warm, meta))).contents);

  log('bundle: writing…');
  const written = await timed(() => writeBundle(library, meta));
  log('bundle: reading and checking…');
  const read = await timed(() => readBundle(written.result));
  log('bundle: planning the merge into an empty library and into one that has it…');
  const empty: BundleContents = { documents: [], annotations: [], entities: [], links: [], decisions: [], decisionHistory: [] };
  const planned = await timed(() => planBundleMerge(empty, read.result.contents));
  const again = await timed(() => planBundleMerge(library, read.result.contents));
  if (again.result.report.changed) throw new Error('bench: merging the same library again planned writes');
  const roundTrip = written.milliseconds + read.milliseconds + planned.milliseconds;

  const rows = [
    row('bundle: write 100,000 annotations', written.milliseconds, 'ms'),
    row('bundle: size on disk', written.result.length / 1024 / 1024, 'MB'),
    row('bundle: read and check everything', read.milliseconds, 'ms'),
    row('bundle: plan merge into an empty library', planned.milliseconds, 'ms'),
    row('bundle: plan merge again (all skipped)', again.milliseconds, 'ms', null, planned.milliseconds),
    row('bundle: round trip (write + read + plan)', roundTrip, 'ms', 10_000),
  ];

  log('bundle: importing into fake-indexeddb (Dexie)…');
  const db = new CrosscheckDatabase(`bench-${Date.now()}`);
  await db.open();
  try {
    const imported = await timed(() => importParsedBundle(db, read.result));
    rows.push(row('bundle: Dexie import into fake-indexeddb (one transaction)', imported.milliseconds, 'ms'));
    const records = Object.values(library).reduce((sum, records: unknown[]) => sum + records.length, 0);
    rows.push(row('bundle: Dexie import rate (fake-indexeddb)', records / (imported.milliseconds / 1000), 'records/s'));
  } finally {
    await db.delete();
  }
  return rows;
}
