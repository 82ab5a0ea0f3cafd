/**
 * W3C Web Annotation Data Model export (https://www.w3.org/TR/annotation-model/): an AnnotationCollection
 * split into AnnotationPages. Every Annotation carries the anno.jsonld @context, an IRI id, type
 * Annotation and one or more SpecificResource targets with a TextQuoteSelector and a TextPositionSelector
 * (counted in code points, as the model requires). Crosscheck annotations tag one span; links and
 * contradictions become annotations with several targets.
 */
import type { Annotation, Decision, Entity, Link, SourceDocument } from '../model';
import { describeTextQuote } from '../anchoring/text-anchor';
import { codePointOffsets, wholeCodePoints } from './code-points';
import { contradictionKindLabel, type ExportContradiction, type ExportEvidence, type ExportLibrary } from './export-input';
import { documentIri, nameBasedUuid, normaliseBaseUrl, resourceIri } from './export-iris';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type Motivation = 'assessing' | 'commenting' | 'describing' | 'identifying' | 'linking' | 'questioning' | 'tagging';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: Motivation;
  format: 'text/plain';
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code points, not UTF-16 units. */
  start: number;
  end: number;
}

export interface SpecificResource {
  type: 'SpecificResource';
  /** The document's URL, or `urn:sha256:<hex>` of its text. */
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

export interface Agent {
  type: 'Person' | 'Software';
  name: string;
}

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created?: string;
  modified?: string;
  creator?: Agent;
  body?: TextualBody[];
  target: SpecificResource[];
}

export interface AnnotationPage {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: number;
  next?: string;
  prev?: string;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  created: string;
  first?: string;
  last?: string;
}

export interface WebAnnotationExport {
  collection: AnnotationCollection;
  pages: AnnotationPage[];
}

export interface WebAnnotationOptions {
  /** Where the export will be published; ids become addresses under it instead of urn:uuid: names. */
  baseUrl?: string;
  /** Annotations per page; 100 by default. */
  pageSize?: number;
  label?: string;
  /** When the export was made (the collection's `created`); now by default. */
  generatedAt?: string;
  contradictions?: readonly ExportContradiction[];
}

function body(value: string, purpose: Motivation): TextualBody {
  return { type: 'TextualBody', value, purpose, format: 'text/plain' };
}

function agent(name: string, origin: Annotation['origin'] = 'user'): Agent | undefined {
  if (origin === 'suggested') return { type: 'Software', name: name.trim() || 'Crosscheck extraction' };
  return name.trim() === '' ? undefined : { type: 'Person', name };
}

/** Resolves documents and converts offsets per document in one pass over each text. */
class Targets {
  private readonly documents: Map<string, SourceDocument>;
  private readonly wanted = new Map<string, number[]>();
  private readonly converted = new Map<string, Map<number, number>>();

  constructor(documents: readonly SourceDocument[]) {
    this.documents = new Map(documents.map((document) => [document.id, document]));
  }

  has(documentId: string): boolean {
    return this.documents.has(documentId);
  }

  /** Registers offsets to convert; call for every span before the first `target`. */
  want(documentId: string, start: number, end: number): void {
    const list = this.wanted.get(documentId) ?? [];
    list.push(start, end);
    this.wanted.set(documentId, list);
  }

  target(span: { documentId: string; start: number; end: number; quote: string; prefix?: string; suffix?: string }): SpecificResource {
    const document = this.documents.get(span.documentId)!;
    let points = this.converted.get(span.documentId);
    if (!points) {
      points = codePointOffsets(document.text, this.wanted.get(span.documentId) ?? []);
      this.converted.set(span.documentId, points);
    }
    const context = span.prefix === undefined || span.suffix === undefined ? describeTextQuote(document.text, span.start, span.end) : span;
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: span.quote };
    const prefix = wholeCodePoints(context.prefix ?? '');
    const suffix = wholeCodePoints(context.suffix ?? '');
    if (prefix) quote.prefix = prefix;
    if (suffix) quote.suffix = suffix;
    return {
      type: 'SpecificResource',
      source: documentIri(document),
      selector: [quote, { type: 'TextPositionSelector', start: points.get(span.start)!, end: points.get(span.end)! }],
    };
  }
}

function quantityText(annotation: Annotation): string | undefined {
  const quantity = annotation.quantity;
  if (!quantity) return undefined;
  const value = quantity.upper !== undefined ? `${quantity.value}–${quantity.upper}` : String(quantity.value);
  const parts = [quantity.approximation && quantity.approximation !== 'exact' ? `${quantity.approximation} ` : '', value, quantity.unit ? ` ${quantity.unit}` : ''];
  return `${parts.join('')} (${quantity.key}${quantity.asOf ? `, as of ${quantity.asOf}` : ''})`;
}

function motivationOf(annotation: Annotation): Motivation {
  if (annotation.kind === 'entity') return 'identifying';
  if (annotation.kind === 'claim' && annotation.status !== 'unverified') return 'assessing';
  return 'tagging';
}

function annotationBodies(annotation: Annotation, entities: ReadonlyMap<string, Entity>): TextualBody[] {
  const bodies = [body(annotation.kind, 'tagging')];
  // A verdict belongs to claims; other kinds always carry `unverified`, which says nothing.
  if (annotation.kind === 'claim' || annotation.status !== 'unverified') bodies.push(body(annotation.status, 'assessing'));
  if (annotation.note) bodies.push(body(annotation.note, 'commenting'));
  const entity = annotation.entityId ? entities.get(annotation.entityId) : undefined;
  if (entity) bodies.push(body(entity.name, 'identifying'));
  const speaker = annotation.speaker ? entities.get(annotation.speaker) : undefined;
  if (speaker) bodies.push(body(`said by ${speaker.name}`, 'describing'));
  const quantity = quantityText(annotation);
  if (quantity) bodies.push(body(quantity, 'describing'));
  return bodies;
}

function decisionText(decision: Decision): string {
  return `${decision.status} by ${decision.reviewer || 'a reviewer'} on ${decision.decidedAt}${decision.reason ? `: ${decision.reason}` : ''}`;
}

function byPosition(a: Annotation, b: Annotation): number {
  return a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start || a.end - b.end;
}

/**
 * The library's annotations, links (and the given contradictions) as a W3C AnnotationCollection with
 * pages. Links and evidence whose document is not in `library` are left out.
 */
export async function exportWebAnnotations(library: ExportLibrary, options: WebAnnotationOptions = {}): Promise<WebAnnotationExport> {
  const { baseUrl } = options;
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 100));
  const targets = new Targets(library.documents);
  const entities = new Map(library.entities.map((entity) => [entity.id, entity]));
  const annotations = library.annotations.filter((annotation) => targets.has(annotation.documentId)).sort(byPosition);
  const annotationsById = new Map(annotations.map((annotation) => [annotation.id, annotation]));
  const links = library.links.filter((link) => annotationsById.has(link.fromId) && annotationsById.has(link.toId));
  const decisions = new Map(library.decisions.map((decision) => [decision.contradictionId, decision]));
  const contradictions = (options.contradictions ?? [])
    .map((contradiction) => ({ ...contradiction, evidence: contradiction.evidence.filter((item) => targets.has(item.documentId)) }))
    .filter((contradiction) => contradiction.evidence.length > 0);

  for (const annotation of annotations) targets.want(annotation.documentId, annotation.start, annotation.end);
  for (const contradiction of contradictions) for (const item of contradiction.evidence) targets.want(item.documentId, item.start, item.end);

  const items: WebAnnotation[] = [];
  for (const annotation of annotations) {
    const creator = agent(annotation.author, annotation.origin);
    items.push({
      '@context': ANNO_CONTEXT,
      id: await resourceIri('annotation', annotation.id, baseUrl),
      type: 'Annotation',
      motivation: motivationOf(annotation),
      created: annotation.createdAt,
      modified: annotation.updatedAt,
      ...(creator ? { creator } : {}),
      body: annotationBodies(annotation, entities),
      target: [targets.target(annotation)],
    });
  }
  for (const link of links) items.push(await linkAnnotation(link, annotationsById, targets, baseUrl));
  for (const contradiction of contradictions) {
    const decision = decisions.get(contradiction.id);
    const bodies = [body(contradiction.explanation, 'questioning'), body(contradictionKindLabel(contradiction.kind), 'tagging')];
    if (decision) bodies.push(body(decisionText(decision), 'assessing'));
    items.push({
      '@context': ANNO_CONTEXT,
      id: await resourceIri('contradiction', contradiction.id, baseUrl),
      type: 'Annotation',
      motivation: 'questioning',
      ...(decision ? { modified: decision.decidedAt } : {}),
      body: bodies,
      target: contradiction.evidence.map((item: ExportEvidence) => targets.target(item)),
    });
  }

  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const base = normaliseBaseUrl(baseUrl);
  // Without a base URL the collection is named after what it holds, so the same export gets the same name.
  const collectionId = base ? `${base}annotations` : `urn:uuid:${await nameBasedUuid(`crosscheck:collection:${items.map((item) => item.id).join('\n')}`)}`;
  const pageIds: string[] = [];
  for (let n = 0; n * pageSize < items.length; n++) {
    pageIds.push(base ? `${collectionId}?page=${n + 1}` : `urn:uuid:${await nameBasedUuid(`${collectionId}#page-${n + 1}`)}`);
  }
  const pages = pageIds.map((id, n): AnnotationPage => ({
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationPage',
    partOf: collectionId,
    startIndex: n * pageSize,
    ...(n + 1 < pageIds.length ? { next: pageIds[n + 1]! } : {}),
    ...(n > 0 ? { prev: pageIds[n - 1]! } : {}),
    items: items.slice(n * pageSize, (n + 1) * pageSize),
  }));
  const documentCount = library.documents.length;
  return {
    collection: {
      '@context': ANNO_CONTEXT,
      id: collectionId,
      type: 'AnnotationCollection',
      label: options.label ?? `Crosscheck annotations on ${documentCount} ${documentCount === 1 ? 'document' : 'documents'}`,
      total: items.length,
      created: generatedAt,
      ...(pageIds.length > 0 ? { first: pageIds[0]!, last: pageIds[pageIds.length - 1]! } : {}),
    },
    pages,
  };
}

async function linkAnnotation(link: Link, annotations: ReadonlyMap<string, Annotation>, targets: Targets, baseUrl: string | undefined): Promise<WebAnnotation> {
  const creator = agent(link.author);
  const bodies = [body(link.relation, 'linking')];
  if (link.note) bodies.push(body(link.note, 'commenting'));
  return {
    '@context': ANNO_CONTEXT,
    id: await resourceIri('link', link.id, baseUrl),
    type: 'Annotation',
    motivation: 'linking',
    created: link.createdAt,
    ...(creator ? { creator } : {}),
    body: bodies,
    target: [targets.target(annotations.get(link.fromId)!), targets.target(annotations.get(link.toId)!)],
  };
}

/**
 * One JSON-LD file: an array of the collection and its pages, each a complete node with its own
 * @context (a JSON-LD document may be an array of node objects), so every page can also be served alone.
 */
export function webAnnotationsJson(exported: WebAnnotationExport): string {
  return `${JSON.stringify([exported.collection, ...exported.pages], null, 2)}\n`;
}
