import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleContents } from '../../../../shared/bundles/bundle-format';
import { exportWebAnnotations, webAnnotationsJson, type WebAnnotationExport } from '../../../../shared/exports/web-annotations';
import { ferryStrikeContradictions, ferryStrikeLibrary, IDS } from '../../../fixtures/bundles/ferry-strike';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Node = Record<string, unknown>;

function values(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The MUST rules of the W3C Web Annotation Data Model that our output can break, as problems found.
 * (Sections 3.1 Annotations, 3.2 bodies and targets, 3.2.4 TextualBody, 3.3 created/modified,
 * 3.3.5 motivation and purpose, 4 SpecificResource and selectors, 5 collections and pages.)
 */
function annotationViolations(annotation: Node, where: string): string[] {
  const problems: string[] = [];
  if (!values(annotation['@context']).includes(CONTEXT)) problems.push(`${where}: @context lacks ${CONTEXT}`);
  if (typeof annotation.id !== 'string' || !IRI.test(annotation.id)) problems.push(`${where}: id is not one IRI`);
  if (!values(annotation.type).includes('Annotation')) problems.push(`${where}: type lacks Annotation`);
  if (annotation.body !== undefined && annotation.bodyValue !== undefined) problems.push(`${where}: both body and bodyValue`);
  for (const key of ['created', 'modified']) {
    if (annotation[key] !== undefined && !(typeof annotation[key] === 'string' && DATE_TIME.test(annotation[key]))) problems.push(`${where}: ${key} is not xsd:dateTime`);
  }
  for (const motivation of values(annotation.motivation)) if (!MOTIVATIONS.includes(motivation as string)) problems.push(`${where}: unknown motivation ${String(motivation)}`);
  for (const body of values(annotation.body) as Node[]) {
    if (body.type === 'TextualBody' && (typeof body.value !== 'string' || values(body.value).length !== 1)) problems.push(`${where}: TextualBody without one value`);
    for (const purpose of values(body.purpose)) if (!MOTIVATIONS.includes(purpose as string)) problems.push(`${where}: unknown purpose ${String(purpose)}`);
  }
  const targets = values(annotation.target) as Node[];
  if (targets.length === 0) problems.push(`${where}: no target`);
  for (const target of targets) {
    if (target.type !== 'SpecificResource') continue;
    if (typeof target.source !== 'string' || !IRI.test(target.source)) problems.push(`${where}: SpecificResource without exactly one source IRI`);
    for (const selector of values(target.selector) as Node[]) {
      if (typeof selector.type !== 'string') problems.push(`${where}: selector without type`);
      if (selector.type === 'TextQuoteSelector') {
        if (typeof selector.exact !== 'string') problems.push(`${where}: TextQuoteSelector without exact`);
        for (const key of ['prefix', 'suffix']) if (selector[key] !== undefined && typeof selector[key] !== 'string') problems.push(`${where}: ${key} is not one string`);
      }
      if (selector.type === 'TextPositionSelector') {
        for (const key of ['start', 'end']) {
          if (!Number.isInteger(selector[key]) || (selector[key] as number) < 0) problems.push(`${where}: TextPositionSelector.${key} is not a non-negative integer`);
        }
      }
    }
  }
  return problems;
}

function collectionViolations(exported: WebAnnotationExport): string[] {
  const { collection, pages } = exported;
  const problems: string[] = [];
  if (!values(collection['@context']).includes(CONTEXT)) problems.push('collection: @context');
  if (!IRI.test(collection.id)) problems.push('collection: id');
  if (!values(collection.type).includes('AnnotationCollection')) problems.push('collection: type');
  if (!Number.isInteger(collection.total) || collection.total < 0) problems.push('collection: total');
  if (collection.total > 0 && !(typeof collection.first === 'string' && IRI.test(collection.first))) problems.push('collection: first missing');
  if (collection.last !== undefined && !IRI.test(collection.last)) problems.push('collection: last');
  pages.forEach((page, n) => {
    if (!values(page['@context']).includes(CONTEXT)) problems.push(`page ${n}: @context`);
    if (!IRI.test(page.id)) problems.push(`page ${n}: id`);
    if (page.type !== 'AnnotationPage') problems.push(`page ${n}: type`);
    if (!Array.isArray(page.items) || page.items.length === 0) problems.push(`page ${n}: items`);
    for (const key of ['partOf', 'next', 'prev'] as const) if (page[key] !== undefined && !IRI.test(page[key])) problems.push(`page ${n}: ${key}`);
    if (!Number.isInteger(page.startIndex) || page.startIndex < 0) problems.push(`page ${n}: startIndex`);
    page.items.forEach((item, i) => problems.push(...annotationViolations(item as unknown as Node, `page ${n} item ${i}`)));
  });
  return problems;
}

let library: BundleContents;
let exported: WebAnnotationExport;
beforeAll(async () => {
  library = await ferryStrikeLibrary();
  exported = await exportWebAnnotations(library, { contradictions: ferryStrikeContradictions(library), pageSize: 5, generatedAt: '2025-03-07T12:00:00.000Z' });
});

function all(result: WebAnnotationExport) {
  return result.pages.flatMap((page) => page.items);
}

describe('exportWebAnnotations', () => {
  it('meets every MUST of the data model it can break', () => {
    expect(collectionViolations(exported)).toEqual([]);
  });

  it('the checker does catch broken output', () => {
    const broken = structuredClone(exported);
    const item = broken.pages[0]!.items[0]! as unknown as Node;
    delete item['@context'];
    (item.target as Node[])[0]!.selector = [{ type: 'TextPositionSelector', start: -1, end: 2.5 }];
    expect(collectionViolations(broken)).toEqual([
      expect.stringMatching(/@context lacks/),
      expect.stringMatching(/TextPositionSelector\.start/),
      expect.stringMatching(/TextPositionSelector\.end/),
    ]);
  });

  it('pages the collection: total, first, last, and next/prev/partOf on every page', () => {
    const items = all(exported);
    // 8 annotations, 2 links, 2 contradictions.
    expect(exported.collection.total).toBe(12);
    expect(items).toHaveLength(12);
    expect(exported.pages.map((page) => page.items.length)).toEqual([5, 5, 2]);
    expect(exported.collection.first).toBe(exported.pages[0]!.id);
    expect(exported.collection.last).toBe(exported.pages[2]!.id);
    expect(exported.pages[0]!.next).toBe(exported.pages[1]!.id);
    expect(exported.pages[1]!.prev).toBe(exported.pages[0]!.id);
    expect(exported.pages[2]!.next).toBeUndefined();
    expect(exported.pages.map((page) => page.startIndex)).toEqual([0, 5, 10]);
    for (const page of exported.pages) expect(page.partOf).toBe(exported.collection.id);
  });

  it('counts TextPosition offsets in code points: the emoji before the span counts once', () => {
    const ledger = library.documents.find((document) => document.id === IDS.ledger)!;
    const stored = library.annotations.find((annotation) => annotation.id === IDS.ledgerFerries)!;
    const item = all(exported).find((annotation) => annotation.id === `urn:uuid:${IDS.ledgerFerries}`)!;
    const [quote, position] = item.target[0]!.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'Forty ferries sat idle' });
    expect(position).toEqual({ type: 'TextPositionSelector', start: stored.start - 1, end: stored.end - 1 });
    expect([...ledger.text].slice(position.start, position.end).join('')).toBe('Forty ferries sat idle');
  });

  it('gives each annotation its kind, note and status as bodies with purposes, and the document as source', () => {
    const item = all(exported).find((annotation) => annotation.id.endsWith(IDS.ledgerFerries))!;
    expect(item.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'TextualBody', value: 'quantity', purpose: 'tagging' }),
        expect.objectContaining({ value: 'Union figure, not confirmed by the port authority.', purpose: 'commenting' }),
        expect.objectContaining({ value: '40 (ferry|idle, as of 2025-03-04)', purpose: 'describing' }),
      ]),
    );
    expect(item.target[0]!.source).toBe('https://ledger.example/2025/03/04/ferry-strike');
    const claim = all(exported).find((annotation) => annotation.body?.some((body) => body.value === 'refuted'))!;
    expect(claim.motivation).toBe('assessing');
    expect(claim.body).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'refuted', purpose: 'assessing' }), expect.objectContaining({ value: 'said by Mara Lindqvist' })]));
    // A document without a URL is named by its text's hash.
    const wire = all(exported).find((annotation) => annotation.body?.some((body) => body.value === '28 (ferry|idle)'))!;
    expect(wire.target[0]!.source).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
    expect(item.creator).toEqual({ type: 'Person', name: 'Ines' });
  });

  it('turns links and contradictions into annotations with several targets', () => {
    const link = all(exported).find((annotation) => annotation.motivation === 'linking' && annotation.body?.[0]?.value === 'contradicts')!;
    expect(link.target).toHaveLength(2);
    expect(link.body).toEqual(expect.arrayContaining([expect.objectContaining({ value: '40 or 28?', purpose: 'commenting' })]));
    const contradiction = all(exported).find((annotation) => annotation.motivation === 'questioning' && annotation.target.length === 3)!;
    expect(contradiction.target.map((target) => target.selector[0].exact)).toEqual(['Forty ferries sat idle', '28 ferries were idle', '40 ferries were idle']);
    expect(contradiction.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'The reports give 40 and 28 idle ferries for the same Tuesday.', purpose: 'questioning' }),
        expect.objectContaining({ purpose: 'assessing', value: expect.stringMatching(/^confirmed by Ines/) }),
      ]),
    );
  });

  it('keeps UUID ids, derives stable UUIDs for other ids, or uses the base URL', async () => {
    const ids = all(exported).map((annotation) => annotation.id);
    expect(ids).toContain(`urn:uuid:${IDS.lindqvistMention}`);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await exportWebAnnotations(library, { contradictions: ferryStrikeContradictions(library), pageSize: 5 });
    expect(all(again).map((annotation) => annotation.id)).toEqual(ids);
    expect(again.collection.id).toBe(exported.collection.id);

    const published = await exportWebAnnotations(library, { baseUrl: 'https://checks.example/ferry-strike' });
    expect(published.collection.id).toBe('https://checks.example/ferry-strike/annotations');
    expect(published.pages[0]!.id).toBe('https://checks.example/ferry-strike/annotations?page=1');
    expect(all(published).map((annotation) => annotation.id)).toContain('https://checks.example/ferry-strike/annotations/wire-ferries');
    expect(collectionViolations(published)).toEqual([]);
  });

  it('has no first page when there is nothing to export', async () => {
    const empty = await exportWebAnnotations({ ...library, annotations: [], links: [] });
    expect(empty.collection.total).toBe(0);
    expect(empty.collection.first).toBeUndefined();
    expect(empty.pages).toEqual([]);
  });

  it('writes one JSON-LD file: the collection and its pages', () => {
    const nodes = JSON.parse(webAnnotationsJson(exported)) as Node[];
    expect(nodes.map((node) => node.type)).toEqual(['AnnotationCollection', 'AnnotationPage', 'AnnotationPage', 'AnnotationPage']);
  });
});
