/**
 * A deterministic library for the bundle and store benchmarks: documents of about 3,000 characters, each with
 * annotations of every kind over its words, 200 entities, links, decisions and decision history. Pure, so
 * the same records are made in Node and in the Chromium bench page.
 */
import type { BundleContents } from '../../shared/bundles/bundle-format';
import type { Annotation, AnnotationKind, ClaimStatus, Entity, SourceDocument } from '../../shared/model';
import { sha256Hex } from '../../shared/text/sha256';
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
/** The time stamp every generated record carries. */
export const BUNDLE_LIBRARY_AT = '2025-03-06T09:00:00.000Z';
const AT = BUNDLE_LIBRARY_AT;

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
