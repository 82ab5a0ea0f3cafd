/**
 * Small libraries that are valid by construction (every offset inside its text, every quote the text at its
 * offsets, every reference to a record that exists), generated as recipes: plain data that fast-check
 * prints and shrinks well, turned into records by buildLibrary. Texts and names reach into odd Unicode
 * (astral characters, combining marks, lone surrogates), ids into odd characters.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describeTextQuote } from '../../../shared/anchoring/text-anchor';
import type { BundleContents } from '../../../shared/bundles/bundle-format';
import {
  ANNOTATION_KINDS,
  APPROXIMATIONS,
  CLAIM_STATUSES,
  ENTITY_TYPES,
  LINK_RELATIONS,
  SOURCE_FORMATS,
  type Annotation,
  type SourceDocument,
} from '../../../shared/model';
import { sha256Hex } from '../../../shared/text/sha256';

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Text as people write it, as other programs mangle it, and in scripts far from Latin. */
export const anyText = (maxLength = 60): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.lorem({ maxCount: 12, mode: 'sentences' }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate), maxLength }) },
  );

const nonEmptyText = (maxLength = 60) => anyText(maxLength).filter((text) => text.length > 0);

export const recordId: fc.Arbitrary<string> = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 8 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }));

export const isoDateTime: fc.Arbitrary<string> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const isoDay = isoDateTime.map((dateTime) => dateTime.slice(0, 10));

/** A finite number that survives JSON unchanged (no -0, which JSON writes as 0). */
const jsonNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((value) => (value === 0 ? 0 : value));

/**
 * Where ids and texts come from. The defaults are wide; small pools make two libraries share ids and texts,
 * which is what a bundle merged into a library must cope with.
 */
export interface RecipePools {
  id: fc.Arbitrary<string>;
  text: fc.Arbitrary<string>;
}

const WIDE: RecipePools = { id: recordId, text: nonEmptyText(200) };

const NARROW_TEXTS = ['Forty ferries sat idle.', 'Only 28 ferries were idle.', 'Talks have collapsed, the union said.', '🚢 Strike enters day two.'];

/** Ids and texts from a handful of each, so that libraries made from them collide. */
export const NARROW: RecipePools = {
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  text: fc.constantFrom(...NARROW_TEXTS),
};

/**
 * NARROW, plus the ids a merge gives a document whose id the library already uses for another text
 * (`a~<first 12 hex digits of its text's sha-256>`), so that those can collide too.
 */
export const NARROW_WITH_DERIVED_IDS: RecipePools = {
  id: fc.oneof(
    { weight: 3, arbitrary: NARROW.id },
    { weight: 1, arbitrary: fc.constantFrom(...NARROW_TEXTS.flatMap((text) => ['a', 'b'].map((id) => `${id}~${createHash('sha256').update(text).digest('hex').slice(0, 12)}`))) },
  ),
  text: NARROW.text,
};

const documentRecipe = (pools: RecipePools) => fc.record(
  {
    id: pools.id,
    title: anyText(30),
    text: pools.text,
    format: fc.constantFrom(...SOURCE_FORMATS),
    outlet: anyText(20),
    author: anyText(20),
    url: fc.webUrl(),
    publishedAt: fc.oneof(isoDay, isoDateTime),
    language: fc.constantFrom('en', 'de', 'und', 'pt-BR', 'ar'),
    importedAt: isoDateTime,
  },
  { requiredKeys: ['id', 'title', 'text', 'format', 'language', 'importedAt'] },
);

const quantityRecipe = fc.record(
  {
    value: jsonNumber,
    upper: jsonNumber,
    approximation: fc.constantFrom(...APPROXIMATIONS),
    unit: anyText(10),
    key: nonEmptyText(20),
    asOf: isoDay,
  },
  { requiredKeys: ['value', 'key'] },
);

const annotationRecipe = (pools: RecipePools) => fc.record(
  {
    id: pools.id,
    document: fc.nat(),
    start: fc.nat(),
    length: fc.nat(),
    kind: fc.constantFrom(...ANNOTATION_KINDS),
    status: fc.constantFrom(...CLAIM_STATUSES),
    origin: fc.constantFrom('user' as const, 'suggested' as const),
    entity: fc.nat(),
    speaker: fc.nat(),
    note: anyText(40),
    quantity: quantityRecipe,
    author: anyText(12),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  },
  { requiredKeys: ['id', 'document', 'start', 'length', 'kind', 'status', 'origin', 'author', 'createdAt', 'updatedAt'] },
);

const entityRecipe = (pools: RecipePools) => fc.record({
  id: pools.id,
  name: nonEmptyText(30),
  type: fc.constantFrom(...ENTITY_TYPES),
  aliases: fc.array(anyText(20), { maxLength: 3 }),
});

const linkRecipe = (pools: RecipePools) => fc.record(
  {
    id: pools.id,
    from: fc.nat(),
    to: fc.nat(),
    relation: fc.constantFrom(...LINK_RELATIONS),
    note: anyText(30),
    author: anyText(12),
    createdAt: isoDateTime,
  },
  { requiredKeys: ['id', 'from', 'to', 'relation', 'author', 'createdAt'] },
);

const decisionFields = (pools: RecipePools) => ({
  contradictionId: pools.id,
  status: fc.constantFrom('confirmed' as const, 'dismissed' as const, 'needs-follow-up' as const),
  reason: anyText(30),
  reviewer: anyText(12),
  decidedAt: isoDateTime,
  evidenceHash: anyText(16),
});
const decisionKeys = ['contradictionId', 'status', 'reviewer', 'decidedAt', 'evidenceHash'] as const;

const decisionRecipe = (pools: RecipePools) => fc.record(decisionFields(pools), { requiredKeys: [...decisionKeys] });
const historyRecipe = (pools: RecipePools) =>
  fc.record({ ...decisionFields(pools), id: pools.id, supersededAt: isoDateTime }, { requiredKeys: [...decisionKeys, 'id', 'supersededAt'] });

type Generated<F> = F extends (pools: RecipePools) => fc.Arbitrary<infer T> ? T : never;

export interface LibraryRecipe {
  documents: Array<Generated<typeof documentRecipe>>;
  annotations: Array<Generated<typeof annotationRecipe>>;
  entities: Array<Generated<typeof entityRecipe>>;
  links: Array<Generated<typeof linkRecipe>>;
  decisions: Array<Generated<typeof decisionRecipe>>;
  decisionHistory: Array<Generated<typeof historyRecipe>>;
}

/** A recipe for a library of up to `documents` documents and a handful of every other record. */
export function libraryRecipe(pools: RecipePools = WIDE): fc.Arbitrary<LibraryRecipe> {
  return fc.record({
    documents: fc.uniqueArray(documentRecipe(pools), { minLength: 1, maxLength: 3, selector: (document) => document.id }),
    annotations: fc.uniqueArray(annotationRecipe(pools), { maxLength: 6, selector: (annotation) => annotation.id }),
    entities: fc.uniqueArray(entityRecipe(pools), { maxLength: 3, selector: (entity) => entity.id }),
    links: fc.uniqueArray(linkRecipe(pools), { maxLength: 3, selector: (link) => link.id }),
    decisions: fc.uniqueArray(decisionRecipe(pools), { maxLength: 2, selector: (decision) => decision.contradictionId }),
    decisionHistory: fc.uniqueArray(historyRecipe(pools), { maxLength: 2, selector: (entry) => entry.id }),
  });
}

function pick<T>(list: readonly T[], index: number | undefined): T | undefined {
  return index === undefined || list.length === 0 ? undefined : list[index % list.length];
}

/** The records a recipe describes: consistent, so writeBundle must accept them. */
export async function buildLibrary(recipe: LibraryRecipe): Promise<BundleContents> {
  const documents: SourceDocument[] = [];
  const texts = new Set<string>();
  for (const { id, text, ...rest } of recipe.documents) {
    const sha256 = await sha256Hex(text);
    // Lone surrogates encode as U+FFFD, so two texts can share a hash; a library holds one of them.
    if (texts.has(sha256)) continue;
    texts.add(sha256);
    documents.push({ id, text, sha256, ...rest });
  }
  const entities = recipe.entities.map((entity) => ({ ...entity, aliases: [...entity.aliases] }));
  const annotations: Annotation[] = recipe.annotations.map(({ document: documentIndex, start: startSeed, length, entity, speaker, ...rest }) => {
    const document = pick(documents, documentIndex)!;
    const start = startSeed % document.text.length;
    const end = start + 1 + (length % (document.text.length - start));
    const entityId = pick(entities, entity)?.id;
    const speakerId = pick(entities, speaker)?.id;
    return {
      ...rest,
      documentId: document.id,
      start,
      end,
      ...describeTextQuote(document.text, start, end),
      ...(entityId !== undefined ? { entityId } : {}),
      ...(speakerId !== undefined ? { speaker: speakerId } : {}),
    };
  });
  const links = annotations.length === 0
    ? []
    : recipe.links.map(({ from, to, ...rest }) => ({ ...rest, fromId: pick(annotations, from)!.id, toId: pick(annotations, to)!.id }));
  return {
    documents,
    annotations,
    entities,
    links,
    decisions: recipe.decisions.map((decision) => ({ ...decision })),
    decisionHistory: recipe.decisionHistory.map((entry) => ({ ...entry })),
  };
}
