/**
 * The contradiction engine: holds documents, annotations, entities and links (as the store has them) plus
 * optional extraction results, and derives contradictions from them. Work is incremental: a change marks
 * the groups it touches (a document's entity mentions and through them an entity cluster, a quantity key,
 * an event word, a statement key, a link) and `refresh()` re-examines only those.
 */
import type { Annotation, Entity, EntityType, Link } from '../model';
import { claimFromQuote, type ClaimMention } from '../extract/claims';
import { findDocumentDate } from '../extract/dates';
import type { DocumentExtraction } from '../extract/extract-document';
import { roleHead, rolesAround } from '../extract/roles';
import { suggestionId, type SuggestedAnnotation } from '../extract/suggest-annotations';
import { EntityResolver, type ResolvedCluster, type ResolverMention } from '../resolve/entity-resolver';
import { CLAIM_RULES, linkedClaimConflict, polarityConflictsFrom, type ClaimObservation } from './claim-conflicts';
import type { ConflictGroup } from './conflict-groups';
import { ConflictIndex } from './conflict-index';
import type { Contradiction, ContradictionKind } from './contradiction';
import { EVENT_RULES, dateMismatchesFrom, type EventObservation } from './date-mismatches';
import { detectNameVariants } from './name-variants';
import { nameKey } from '../text/name-key';
import { QUANTITY_RULES, quantityMismatchesFrom, type QuantityObservation } from './quantity-mismatches';

/** What the engine needs of a document. `SourceDocument` fits. */
export interface EngineDocument {
  id: string;
  title?: string;
  text: string;
  publishedAt?: string;
}

/** A stored annotation, or a suggestion not (yet) stored. */
export type EngineAnnotation = Annotation | SuggestedAnnotation;

export interface EngineOptions {
  /** Resolves document dates without a year; defaults to today. */
  now?: Date;
  /** Entity blocks larger than this are not compared within (see EntityResolver). */
  maxBlockSize?: number;
  /** Topics shared by more documents than this do not relate them (see ConflictIndex); default 150. */
  maxTopicBucket?: number;
}

export interface ContradictionDelta {
  added: Contradiction[];
  /** Same id, new score, explanation or details. */
  updated: Contradiction[];
  removed: string[];
}

/** Called during long work: `done` of `total` steps of `phase`. */
export type ProgressCallback = (progress: { phase: string; done: number; total: number }) => void;

export interface EngineData {
  documents: readonly EngineDocument[];
  entities?: readonly Entity[];
  annotations?: readonly EngineAnnotation[];
  links?: readonly Link[];
  /** Extraction results by document id, for suggested entities, quantities, events and statements. */
  extractions?: ReadonlyMap<string, DocumentExtraction> | readonly DocumentExtraction[];
}

interface DocumentState {
  document: EngineDocument;
  date?: string;
  extraction?: DocumentExtraction;
  annotations: Set<string>;
  /** The entity topics last given to the observation indexes, to notice a change. */
  topics: string;
}

type Aspect = 'entities' | 'quantities' | 'claims' | 'events';
const ASPECTS: readonly Aspect[] = ['entities', 'quantities', 'claims', 'events'];
const KIND_ORDER: Record<ContradictionKind, number> = { 'name-variant': 0, 'quantity-mismatch': 1, 'date-mismatch': 2, 'claim-conflict': 3 };

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Same id means same evidence; what else a reviewer sees is the score and the explanation. */
function sameContent(a: Contradiction, b: Contradiction): boolean {
  return a.score === b.score && a.explanation === b.explanation;
}

const EMPTY_TOPICS: ReadonlySet<string> = new Set();

/** A name as the user tagged it, without a title in front ("Envoy Tobias Wendtner" → "Tobias Wendtner"). */
function nameFromQuote(quote: string, fallback: string): string {
  const words = quote.trim().split(/\s+/);
  if (!/\p{Lu}/u.test(quote) || words.length > 8) return fallback;
  let first = 0;
  for (let i = 0; i < words.length - 1; i++) if (roleHead(words[i]!.replace(/[^\p{L}’'-]/gu, ''))) first = i + 1;
  while (first < words.length - 1 && /^\p{Ll}/u.test(words[first]!)) first++;
  const name = words.slice(first).join(' ').replace(/['’]s$/, '');
  return name || fallback;
}

/** Incremental contradiction detection over a corpus; see the module comment. */
export class ContradictionEngine {
  private readonly options: EngineOptions;
  private readonly documents = new Map<string, DocumentState>();
  private readonly annotations = new Map<string, EngineAnnotation>();
  private readonly entities = new Map<string, Entity>();
  private readonly links = new Map<string, Link>();
  private readonly annotationsByEntity = new Map<string, Set<string>>();
  private readonly linksByAnnotation = new Map<string, Set<string>>();
  // Derived state, rebuilt from scratch by fullScan().
  private resolver!: EntityResolver;
  private quantities!: ConflictIndex<QuantityObservation>;
  private claims!: ConflictIndex<ClaimObservation>;
  private events!: ConflictIndex<EventObservation>;
  private readonly claimCache = new Map<string, { quote: string; claim?: ClaimMention }>();
  private readonly dirtyDocuments: Record<Aspect, Set<string>> = { entities: new Set(), quantities: new Set(), claims: new Set(), events: new Set() };
  private readonly dirtyLinks = new Set<string>();
  private readonly groups = new Map<string, Contradiction[]>();
  private readonly byId = new Map<string, Contradiction>();
  private readonly groupsOfId = new Map<string, number>();
  /** Entities whose recorded misspellings changed: their clusters' name variants are re-examined. */
  private readonly misspellingsChanged = new Set<string>();
  private nameDistinctions: ReadonlyArray<readonly [string, string]> = [];

  constructor(options: EngineOptions = {}) {
    this.options = options;
    this.resetDerivedState();
  }

  private resetDerivedState(): void {
    this.resolver = new EntityResolver({ maxBlockSize: this.options.maxBlockSize });
    this.resolver.setDistinctNames(this.nameDistinctions ?? []);
    this.quantities = new ConflictIndex(QUANTITY_RULES, this.options.maxTopicBucket);
    this.claims = new ConflictIndex(CLAIM_RULES, this.options.maxTopicBucket);
    this.events = new ConflictIndex(EVENT_RULES, this.options.maxTopicBucket);
    this.groups.clear();
    this.byId.clear();
    this.groupsOfId.clear();
    for (const state of this.documents.values()) state.topics = '';
  }

  // ----- changes -----

  /** Adds or replaces a document, with its extraction when the caller has one (suggestions come from it). */
  upsertDocument(document: EngineDocument, extraction?: DocumentExtraction): void {
    const previous = this.documents.get(document.id);
    const date =
      (document.publishedAt && /^\d{4}-\d{2}-\d{2}/.test(document.publishedAt) ? document.publishedAt.slice(0, 10) : undefined) ??
      extraction?.documentDate?.date ??
      (previous?.document.text === document.text && previous.date ? previous.date : findDocumentDate(document, this.options.now)?.date);
    const state: DocumentState = {
      document,
      ...(date ? { date } : {}),
      ...(extraction ?? previous?.extraction ? { extraction: extraction ?? previous?.extraction } : {}),
      annotations: previous?.annotations ?? new Set(),
      topics: previous?.topics ?? '',
    };
    this.documents.set(document.id, state);
    for (const aspect of ASPECTS) this.dirtyDocuments[aspect].add(document.id);
  }

  /** Removes a document and everything annotated in it. */
  removeDocument(documentId: string): void {
    const state = this.documents.get(documentId);
    if (!state) return;
    for (const id of [...state.annotations]) this.removeAnnotation(id);
    for (const index of [this.quantities, this.claims, this.events] as const) index.setDocument(documentId, [], EMPTY_TOPICS);
    this.documents.delete(documentId);
    for (const aspect of ASPECTS) this.dirtyDocuments[aspect].add(documentId);
  }

  /** Adds or replaces an entity (its name and type feed the mentions that point to it). */
  upsertEntity(entity: Entity): void {
    const previous = this.entities.get(entity.id);
    if ((previous?.misspellings ?? []).join('\n') !== (entity.misspellings ?? []).join('\n')) this.misspellingsChanged.add(entity.id);
    this.entities.set(entity.id, entity);
    for (const id of this.annotationsByEntity.get(entity.id) ?? []) this.markAnnotation(this.annotations.get(id));
  }

  removeEntity(entityId: string): void {
    if (this.entities.get(entityId)?.misspellings?.length) this.misspellingsChanged.add(entityId);
    this.entities.delete(entityId);
    for (const id of this.annotationsByEntity.get(entityId) ?? []) this.markAnnotation(this.annotations.get(id));
  }

  /** Replaces the reviewers' rulings that two names are different referents; they are never joined again. */
  setNameDistinctions(pairs: ReadonlyArray<readonly [string, string]>): void {
    this.resolver.setDistinctNames(pairs);
    this.nameDistinctions = pairs;
  }

  /** Adds or replaces an annotation: a user's, a stored suggestion, or an unstored suggestion draft. */
  upsertAnnotation(annotation: EngineAnnotation): void {
    const previous = this.annotations.get(annotation.id);
    if (previous) this.forgetAnnotation(previous);
    this.annotations.set(annotation.id, annotation);
    let state = this.documents.get(annotation.documentId);
    if (!state) {
      // An annotation may arrive before its document; it waits without text context.
      state = this.placeholder(annotation.documentId);
    }
    state.annotations.add(annotation.id);
    if (annotation.entityId) {
      let set = this.annotationsByEntity.get(annotation.entityId);
      if (!set) this.annotationsByEntity.set(annotation.entityId, (set = new Set()));
      set.add(annotation.id);
    }
    this.markAnnotation(annotation);
  }

  removeAnnotation(annotationId: string): void {
    const annotation = this.annotations.get(annotationId);
    if (!annotation) return;
    this.forgetAnnotation(annotation);
    this.annotations.delete(annotationId);
    this.claimCache.delete(annotationId);
  }

  /** Adds or replaces a link: `contradicts` gives a claim conflict, `same-as` ties two entity mentions. */
  upsertLink(link: Link): void {
    const previous = this.links.get(link.id);
    if (previous) this.forgetLink(previous);
    this.links.set(link.id, link);
    for (const end of [link.fromId, link.toId]) {
      let set = this.linksByAnnotation.get(end);
      if (!set) this.linksByAnnotation.set(end, (set = new Set()));
      set.add(link.id);
      if (link.relation === 'same-as') this.markAnnotation(this.annotations.get(end));
    }
    this.dirtyLinks.add(link.id);
  }

  removeLink(linkId: string): void {
    const link = this.links.get(linkId);
    if (!link) return;
    this.forgetLink(link);
    this.links.delete(linkId);
    this.dirtyLinks.add(linkId);
  }

  /** Loads a whole corpus and computes all contradictions, reporting progress. */
  load(data: EngineData, onProgress?: ProgressCallback): ContradictionDelta {
    const extractions = new Map<string, DocumentExtraction>();
    if (data.extractions) {
      for (const item of data.extractions instanceof Map ? data.extractions.values() : (data.extractions as readonly DocumentExtraction[])) extractions.set(item.documentId, item);
    }
    for (const document of data.documents) this.upsertDocument(document, extractions.get(document.id));
    for (const entity of data.entities ?? []) this.upsertEntity(entity);
    for (const annotation of data.annotations ?? []) this.upsertAnnotation(annotation);
    for (const link of data.links ?? []) this.upsertLink(link);
    return this.refresh(onProgress);
  }

  /**
   * Re-examines the whole corpus from scratch, reporting progress: everything derived (clusters, indexes,
   * contradictions) is rebuilt from the documents, annotations, entities and links held.
   */
  fullScan(onProgress?: ProgressCallback): Contradiction[] {
    this.resetDerivedState();
    for (const id of this.documents.keys()) for (const aspect of ASPECTS) this.dirtyDocuments[aspect].add(id);
    for (const id of this.links.keys()) this.dirtyLinks.add(id);
    this.refresh(onProgress);
    return this.contradictions();
  }

  // ----- reading -----

  /** All current contradictions, by kind then score. Brings the engine up to date first. */
  contradictions(): Contradiction[] {
    this.refresh();
    return [...this.byId.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /** The contradictions with evidence in one document. */
  contradictionsForDocument(documentId: string): Contradiction[] {
    return this.contradictions().filter((item) => item.evidence.some((evidence) => evidence.documentId === documentId));
  }

  /** The resolved cluster an entity annotation (or suggestion) belongs to: its spellings and why. */
  clusterOfAnnotation(annotationId: string): ResolvedCluster | undefined {
    this.refresh();
    const id = this.resolver.clusterOfMention(annotationId);
    return id === undefined ? undefined : this.resolver.cluster(id);
  }

  /** The date the engine uses for a document (metadata, else what its text states). */
  documentDate(documentId: string): string | undefined {
    return this.documents.get(documentId)?.date;
  }

  // ----- recomputation -----

  /**
   * Re-examines what changed since the last call and returns the contradictions added, updated and removed.
   */
  refresh(onProgress?: ProgressCallback): ContradictionDelta {
    const delta: ContradictionDelta = { added: [], updated: [], removed: [] };
    this.refreshEntities(onProgress);
    const clusters = this.resolver.refresh();
    for (const id of clusters.removed) this.setGroup(`name:${id}`, [], delta);
    const changedClusters = new Set(clusters.changed);
    for (const entityId of this.misspellingsChanged) {
      for (const annotationId of this.annotationsByEntity.get(entityId) ?? []) {
        const clusterId = this.resolver.clusterOfMention(annotationId);
        if (clusterId !== undefined) changedClusters.add(clusterId);
      }
    }
    this.misspellingsChanged.clear();
    [...changedClusters].forEach((id, index) => {
      const cluster = this.resolver.cluster(id);
      this.setGroup(`name:${id}`, cluster ? detectNameVariants(cluster, this.misspellingsOf(cluster)) : [], delta);
      if (onProgress && index % 500 === 0) onProgress({ phase: 'entity clusters', done: index, total: clusters.changed.length });
    });
    this.refreshObservations('quantities', onProgress);
    this.refreshObservations('claims', onProgress);
    this.refreshObservations('events', onProgress);
    this.recomputeKeys(this.quantities, 'quantity', (key, groups) => quantityMismatchesFrom(key, groups, this.titleOf), delta, onProgress);
    this.recomputeKeys(this.events, 'event', (key, groups) => dateMismatchesFrom(key, groups, this.titleOf), delta, onProgress);
    this.recomputeKeys(this.claims, 'claim', (key, groups) => polarityConflictsFrom(key, groups, this.titleOf), delta, onProgress);
    for (const id of this.dirtyLinks) this.setGroup(`link:${id}`, this.linkConflict(id), delta);
    this.dirtyLinks.clear();
    onProgress?.({ phase: 'done', done: 1, total: 1 });
    return delta;
  }

  /** Name keys recorded as misspellings on the user entities whose mentions are in the cluster. */
  private misspellingsOf(cluster: ResolvedCluster): Set<string> {
    const names = new Set<string>();
    for (const form of cluster.forms) {
      for (const referent of form.referents) {
        for (const mention of referent.mentions) {
          const entity = mention.entityId ? this.entities.get(mention.entityId) : undefined;
          for (const name of entity?.misspellings ?? []) names.add(nameKey(name));
        }
      }
    }
    return names;
  }

  private readonly titleOf = (documentId: string): string => {
    const document = this.documents.get(documentId)?.document;
    return document?.title || documentId;
  };

  private placeholder(documentId: string): DocumentState {
    const state: DocumentState = {
      document: { id: documentId, text: '' },
      annotations: new Set(),
      topics: '',
    };
    this.documents.set(documentId, state);
    return state;
  }

  private markAnnotation(annotation: EngineAnnotation | undefined): void {
    if (!annotation) return;
    const aspect: Aspect | undefined =
      annotation.kind === 'entity' ? 'entities' : annotation.kind === 'quantity' ? 'quantities' : annotation.kind === 'claim' ? 'claims' : undefined;
    if (aspect) this.dirtyDocuments[aspect].add(annotation.documentId);
    for (const id of this.linksByAnnotation.get(annotation.id) ?? []) this.dirtyLinks.add(id);
  }

  private forgetAnnotation(annotation: EngineAnnotation): void {
    this.documents.get(annotation.documentId)?.annotations.delete(annotation.id);
    if (annotation.entityId) this.annotationsByEntity.get(annotation.entityId)?.delete(annotation.id);
    this.markAnnotation(annotation);
  }

  private forgetLink(link: Link): void {
    for (const end of [link.fromId, link.toId]) {
      this.linksByAnnotation.get(end)?.delete(link.id);
      if (link.relation === 'same-as') this.markAnnotation(this.annotations.get(end));
    }
  }

  private storedOfKind(state: DocumentState, kind: Annotation['kind']): EngineAnnotation[] {
    const list: EngineAnnotation[] = [];
    for (const id of state.annotations) {
      const annotation = this.annotations.get(id);
      if (annotation && annotation.kind === kind) list.push(annotation);
    }
    return list;
  }

  private entityMentions(state: DocumentState): ResolverMention[] {
    const { document } = state;
    const mentions: ResolverMention[] = [];
    const stored = this.storedOfKind(state, 'entity');
    for (const annotation of stored) {
      const entity = annotation.entityId ? this.entities.get(annotation.entityId) : undefined;
      const draft = 'entity' in annotation ? annotation.entity : undefined;
      const type: EntityType | undefined = entity?.type ?? draft?.type;
      const fallback = entity?.name ?? draft?.name ?? annotation.quote;
      if (!type) continue;
      const textual = document.text.slice(annotation.start, annotation.end) === annotation.quote;
      const linkKeys = [...(this.linksByAnnotation.get(annotation.id) ?? [])].filter((id) => this.links.get(id)?.relation === 'same-as');
      mentions.push({
        id: annotation.id,
        documentId: annotation.documentId,
        name: nameFromQuote(annotation.quote, fallback),
        type,
        start: annotation.start,
        end: annotation.end,
        quote: annotation.quote,
        origin: annotation.origin,
        annotationId: annotation.id,
        ...(annotation.entityId ? { entityId: annotation.entityId } : {}),
        ...(linkKeys.length > 0 ? { linkKeys } : {}),
        roles: textual ? rolesAround(document.text, annotation.start, annotation.end) : [],
      });
    }
    for (const mention of state.extraction?.entities ?? []) {
      if (stored.some((annotation) => overlaps(annotation, mention))) continue;
      mentions.push({
        id: suggestionId(document.id, 'entity', mention.start, mention.end),
        documentId: document.id,
        name: mention.name,
        type: mention.type,
        start: mention.start,
        end: mention.end,
        quote: mention.quote,
        origin: 'suggested',
        roles: mention.roles,
      });
    }
    return mentions;
  }

  private refreshEntities(onProgress?: ProgressCallback): void {
    const dirty = [...this.dirtyDocuments.entities];
    this.dirtyDocuments.entities.clear();
    dirty.forEach((documentId, index) => {
      const state = this.documents.get(documentId);
      if (!state || (state.annotations.size === 0 && !state.extraction && state.document.text === '')) {
        this.resolver.removeDocument(documentId);
        if (state && state.annotations.size === 0) this.documents.delete(documentId);
      } else {
        this.resolver.setDocumentMentions(documentId, this.entityMentions(state));
        const topicSet = this.resolver.topicsOf(documentId);
        const topics = [...topicSet].sort().join('\n');
        if (topics !== state.topics) {
          // The document now tells a different story: its figures, dates and statements meet other documents.
          state.topics = topics;
          for (const index of [this.quantities, this.claims, this.events] as const) index.setTopics(documentId, topicSet);
        }
      }
      if (onProgress && index % 200 === 0) onProgress({ phase: 'entities', done: index, total: dirty.length });
    });
  }

  private quantityObservations(state: DocumentState): QuantityObservation[] {
    const { document } = state;
    const stored = this.storedOfKind(state, 'quantity');
    const observations: QuantityObservation[] = [];
    for (const annotation of stored) {
      const quantity = annotation.quantity;
      if (!quantity || !quantity.key) continue;
      const asOf = quantity.asOf ?? state.date;
      observations.push({
        documentId: document.id,
        annotationId: annotation.id,
        origin: annotation.origin,
        start: annotation.start,
        end: annotation.end,
        quote: annotation.quote,
        key: quantity.key,
        value: quantity.value,
        ...(quantity.upper !== undefined ? { upper: quantity.upper } : {}),
        approximation: quantity.approximation ?? 'exact',
        ...(asOf ? { asOf } : {}),
      });
    }
    for (const mention of state.extraction?.quantities ?? []) {
      if (stored.some((annotation) => overlaps(annotation, mention)) || !mention.noun) continue;
      const asOf = mention.asOfSource === 'text' ? mention.asOf : (state.date ?? mention.asOf);
      observations.push({
        documentId: document.id,
        origin: 'suggested',
        start: mention.start,
        end: mention.end,
        quote: mention.quote,
        key: mention.key,
        value: mention.value,
        ...(mention.upper !== undefined ? { upper: mention.upper } : {}),
        approximation: mention.approximation,
        ...(asOf ? { asOf } : {}),
      });
    }
    return observations;
  }

  private claimObservations(state: DocumentState): ClaimObservation[] {
    const { document } = state;
    const stored = this.storedOfKind(state, 'claim');
    const observations: ClaimObservation[] = [];
    for (const annotation of stored) {
      let cached = this.claimCache.get(annotation.id);
      if (!cached || cached.quote !== annotation.quote) {
        const fromDraft = 'claim' in annotation ? annotation.claim : undefined;
        const claim = fromDraft ? undefined : claimFromQuote(annotation.quote);
        cached = { quote: annotation.quote, ...(claim ? { claim } : {}) };
        if (fromDraft) {
          cached.claim = { ...fromDraft, start: 0, end: annotation.quote.length, quote: annotation.quote, modifiers: [] };
        }
        this.claimCache.set(annotation.id, cached);
      }
      const claim = cached.claim;
      if (!claim) continue;
      observations.push({
        documentId: document.id,
        annotationId: annotation.id,
        origin: annotation.origin,
        start: annotation.start,
        end: annotation.end,
        quote: annotation.quote,
        key: claim.key,
        subject: claim.subject,
        predicate: claim.predicate,
        modifiers: claim.modifiers,
        polarity: claim.polarity,
      });
    }
    for (const claim of state.extraction?.claims ?? []) {
      if (stored.some((annotation) => overlaps(annotation, claim))) continue;
      observations.push({
        documentId: document.id,
        origin: 'suggested',
        start: claim.start,
        end: claim.end,
        quote: claim.quote,
        key: claim.key,
        subject: claim.subject,
        predicate: claim.predicate,
        modifiers: claim.modifiers,
        polarity: claim.polarity,
      });
    }
    return observations;
  }

  private eventObservations(state: DocumentState): EventObservation[] {
    return (state.extraction?.events ?? []).map((event) => ({
      documentId: state.document.id,
      origin: 'suggested' as const,
      start: event.start,
      end: event.end,
      quote: event.quote,
      event: event.event,
      ...(event.subject ? { subject: event.subject } : {}),
      date: event.date,
      precision: event.precision,
    }));
  }

  private refreshObservations(aspect: Exclude<Aspect, 'entities'>, onProgress?: ProgressCallback): void {
    const dirty = [...this.dirtyDocuments[aspect]];
    this.dirtyDocuments[aspect].clear();
    dirty.forEach((documentId, index) => {
      const state = this.documents.get(documentId);
      const topics = this.resolver.topicsOf(documentId);
      if (aspect === 'quantities') this.quantities.setDocument(documentId, state ? this.quantityObservations(state) : [], topics);
      else if (aspect === 'claims') this.claims.setDocument(documentId, state ? this.claimObservations(state) : [], topics);
      else this.events.setDocument(documentId, state ? this.eventObservations(state) : [], topics);
      if (onProgress && index % 500 === 0) onProgress({ phase: aspect, done: index, total: dirty.length });
    });
  }

  private recomputeKeys<T extends { documentId: string }>(
    index: ConflictIndex<T>,
    prefix: string,
    detect: (key: string, groups: Array<ConflictGroup<T>>) => Contradiction[],
    delta: ContradictionDelta,
    onProgress?: ProgressCallback,
  ): void {
    const keys = index.takeDirtyKeys();
    keys.forEach((key, i) => {
      // One group per key and connected set of documents, so a change re-examines only its own story.
      const { removed, changed } = index.refreshKey(key);
      for (const id of removed) this.setGroup(`${prefix}:${key}#${id}`, [], delta);
      for (const component of changed) this.setGroup(`${prefix}:${key}#${component.id}`, detect(key, component.groups), delta);
      if (onProgress && i % 500 === 0) onProgress({ phase: `${prefix} keys`, done: i, total: keys.length });
    });
  }

  private linkConflict(linkId: string): Contradiction[] {
    const link = this.links.get(linkId);
    if (!link || link.relation !== 'contradicts') return [];
    const from = this.annotations.get(link.fromId);
    const to = this.annotations.get(link.toId);
    return from && to ? [linkedClaimConflict(link, from, to, this.titleOf)] : [];
  }

  private setGroup(groupKey: string, next: Contradiction[], delta: ContradictionDelta): void {
    const previous = this.groups.get(groupKey) ?? [];
    if (previous.length === 0 && next.length === 0) return;
    const nextIds = new Set(next.map((item) => item.id));
    for (const item of previous) {
      if (nextIds.has(item.id)) continue;
      const count = (this.groupsOfId.get(item.id) ?? 1) - 1;
      if (count <= 0) {
        this.groupsOfId.delete(item.id);
        this.byId.delete(item.id);
        delta.removed.push(item.id);
      } else {
        this.groupsOfId.set(item.id, count);
      }
    }
    const previousIds = new Set(previous.map((item) => item.id));
    for (const item of next) {
      const existing = this.byId.get(item.id);
      if (!previousIds.has(item.id)) this.groupsOfId.set(item.id, (this.groupsOfId.get(item.id) ?? 0) + 1);
      if (!existing) delta.added.push(item);
      else if (!sameContent(existing, item)) delta.updated.push(item);
      this.byId.set(item.id, item);
    }
    if (next.length === 0) this.groups.delete(groupKey);
    else this.groups.set(groupKey, next);
  }
}
