/**
 * An incremental index of observations by key (a quantity key, an event word, a statement key) that keeps
 * the disagreeing pairs between related documents up to date. Changing one document recompares it only with
 * the documents it is related to for that key (those sharing a topic), never the whole key.
 */
import { groupPairs, type ConflictGroup, type Observation } from './conflict-groups';

export interface ConflictRules<T extends Observation> {
  keyOf: (item: T) => string;
  disagree: (a: T, b: T) => boolean;
  reading: (item: T) => string;
  /** Also compare observations inside one document (statements: a claim and its denial in one article). */
  withinDocuments?: boolean;
}

interface KeyState<T> {
  byDocument: Map<string, T[]>;
  byTopic: Map<string, Set<string>>;
  withoutTopics: Set<string>;
  pairs: Map<string, Array<[T, T]>>;
  pairsOfDocument: Map<string, Set<string>>;
  dirty: Set<string>;
  /** Documents connected by disagreements: each component is one story's findings for this key. */
  componentOf: Map<string, string>;
  components: Map<string, Set<string>>;
}

/** The findings of one connected set of documents, by its id (the smallest document id in it). */
export interface ComponentConflicts<T> {
  id: string;
  groups: Array<ConflictGroup<T>>;
}

export interface KeyChanges<T> {
  /** Components that no longer exist. */
  removed: string[];
  changed: Array<ComponentConflicts<T>>;
}

function pairKey(a: string, b: string): string {
  return a <= b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Observations of one kind across the corpus, by key, with their disagreeing pairs. */
export class ConflictIndex<T extends Observation> {
  private readonly keys = new Map<string, KeyState<T>>();
  private readonly keysOfDocument = new Map<string, Set<string>>();
  private readonly topicsOfDocument = new Map<string, readonly string[]>();
  private readonly dirtyKeys = new Set<string>();
  /** Components of keys that lost all their documents, to report as removed. */
  private readonly orphanComponents = new Map<string, string[]>();

  constructor(
    private readonly rules: ConflictRules<T>,
    /** Topics shared by more documents than this (within a key) do not relate them. */
    private readonly maxBucket = 150,
  ) {}

  /** Replaces a document's observations and topics. */
  setDocument(documentId: string, observations: readonly T[], topics: ReadonlySet<string>): void {
    const previousKeys = this.keysOfDocument.get(documentId) ?? new Set<string>();
    const previousTopics = this.topicsOfDocument.get(documentId) ?? [];
    for (const key of previousKeys) this.leave(key, documentId, previousTopics);
    const grouped = new Map<string, T[]>();
    for (const item of observations) {
      const key = this.rules.keyOf(item);
      let list = grouped.get(key);
      if (!list) grouped.set(key, (list = []));
      list.push(item);
    }
    const topicList = [...topics].sort();
    for (const [key, items] of grouped) this.join(key, documentId, items, topicList);
    if (grouped.size > 0) {
      this.keysOfDocument.set(documentId, new Set(grouped.keys()));
      this.topicsOfDocument.set(documentId, topicList);
    } else {
      this.keysOfDocument.delete(documentId);
      this.topicsOfDocument.delete(documentId);
    }
  }

  /** The document now mentions other entities: it is related to other documents. */
  setTopics(documentId: string, topics: ReadonlySet<string>): void {
    const keys = this.keysOfDocument.get(documentId);
    if (!keys) return;
    const observations: T[] = [];
    for (const key of keys) observations.push(...(this.keys.get(key)?.byDocument.get(documentId) ?? []));
    this.setDocument(documentId, observations, topics);
  }

  /** Keys changed since the last call; `refreshKey` brings each up to date. */
  takeDirtyKeys(): string[] {
    const keys = [...this.dirtyKeys];
    this.dirtyKeys.clear();
    return keys;
  }

  /**
   * Brings one key up to date: recompares the documents that changed with their related documents, and
   * returns the findings of the connected sets of documents that changed.
   */
  refreshKey(key: string): KeyChanges<T> {
    const state = this.keys.get(key);
    if (!state) return { removed: [...(this.orphanComponents.get(key) ?? [])], changed: [] };
    const removedIds = new Set<string>(this.orphanComponents.get(key) ?? []);
    this.orphanComponents.delete(key);
    // Every document whose component may change: the changed ones and their old companions.
    const affected = new Set<string>();
    for (const documentId of state.dirty) {
      affected.add(documentId);
      const component = state.componentOf.get(documentId);
      if (component !== undefined) for (const other of state.components.get(component) ?? []) affected.add(other);
    }
    for (const documentId of state.dirty) this.dropPairs(state, documentId);
    const done = new Set<string>();
    for (const documentId of state.dirty) {
      const mine = state.byDocument.get(documentId);
      if (!mine) continue;
      for (const other of this.relatedTo(state, documentId)) {
        const pk = pairKey(documentId, other);
        if (done.has(pk)) continue;
        done.add(pk);
        this.compare(state, documentId, mine, other, state.byDocument.get(other)!);
      }
      if (this.rules.withinDocuments) this.compare(state, documentId, mine, documentId, mine);
    }
    state.dirty.clear();

    // New components, by walking the disagreements from every affected document.
    const visited = new Set<string>();
    const changed: Array<ComponentConflicts<T>> = [];
    for (const start of affected) {
      const old = state.componentOf.get(start);
      if (old !== undefined) removedIds.add(old);
      if (visited.has(start)) continue;
      const members: string[] = [];
      const queue = [start];
      visited.add(start);
      while (queue.length > 0) {
        const documentId = queue.pop()!;
        members.push(documentId);
        const previous = state.componentOf.get(documentId);
        if (previous !== undefined) removedIds.add(previous);
        for (const pk of state.pairsOfDocument.get(documentId) ?? []) {
          const [a, b] = pk.split('\u0000') as [string, string];
          const other = a === documentId ? b : a;
          if (!visited.has(other)) {
            visited.add(other);
            queue.push(other);
          }
        }
      }
      for (const documentId of members) {
        const previous = state.componentOf.get(documentId);
        if (previous !== undefined) state.components.get(previous)?.delete(documentId);
        state.componentOf.delete(documentId);
      }
      const pairs: Array<[T, T]> = [];
      const seen = new Set<string>();
      for (const documentId of members) {
        for (const pk of state.pairsOfDocument.get(documentId) ?? []) {
          if (seen.has(pk)) continue;
          seen.add(pk);
          pairs.push(...state.pairs.get(pk)!);
        }
      }
      if (pairs.length === 0) continue;
      const id = members.reduce((min, documentId) => (documentId < min ? documentId : min));
      state.components.set(id, new Set(members));
      for (const documentId of members) state.componentOf.set(documentId, id);
      changed.push({ id, groups: groupPairs(pairs, this.rules.reading) });
    }
    for (const [id, members] of state.components) if (members.size === 0) state.components.delete(id);
    for (const item of changed) removedIds.delete(item.id);
    return { removed: [...removedIds], changed };
  }

  private compare(state: KeyState<T>, a: string, xs: readonly T[], b: string, ys: readonly T[]): void {
    const same = a === b;
    const found: Array<[T, T]> = [];
    for (let i = 0; i < xs.length; i++) {
      for (let j = same ? i + 1 : 0; j < ys.length; j++) if (this.rules.disagree(xs[i]!, ys[j]!)) found.push([xs[i]!, ys[j]!]);
    }
    const pk = pairKey(a, b);
    if (found.length === 0) return;
    state.pairs.set(pk, found);
    for (const id of [a, b]) {
      let set = state.pairsOfDocument.get(id);
      if (!set) state.pairsOfDocument.set(id, (set = new Set()));
      set.add(pk);
    }
  }

  private *relatedTo(state: KeyState<T>, documentId: string): Iterable<string> {
    const topics = this.topicsOfDocument.get(documentId) ?? [];
    const seen = new Set<string>([documentId]);
    // A document naming no entity cannot be placed in a story: compare it with all, when they are few.
    if (topics.length === 0 || state.withoutTopics.size > 0) {
      if (state.byDocument.size <= this.maxBucket * 4) {
        for (const other of topics.length === 0 ? state.byDocument.keys() : state.withoutTopics) {
          if (!seen.has(other)) {
            seen.add(other);
            yield other;
          }
        }
      }
    }
    for (const topic of topics) {
      const bucket = state.byTopic.get(topic);
      if (!bucket || bucket.size > this.maxBucket) continue;
      for (const other of bucket) {
        if (seen.has(other)) continue;
        seen.add(other);
        yield other;
      }
    }
  }

  private stateOf(key: string): KeyState<T> {
    let state = this.keys.get(key);
    if (!state) {
      state = {
        byDocument: new Map(),
        byTopic: new Map(),
        withoutTopics: new Set(),
        pairs: new Map(),
        pairsOfDocument: new Map(),
        dirty: new Set(),
        componentOf: new Map(),
        components: new Map(),
      };
      this.keys.set(key, state);
    }
    return state;
  }

  private dropPairs(state: KeyState<T>, documentId: string): void {
    for (const pk of state.pairsOfDocument.get(documentId) ?? []) {
      state.pairs.delete(pk);
      const [a, b] = pk.split('\u0000') as [string, string];
      const other = a === documentId ? b : a;
      state.pairsOfDocument.get(other)?.delete(pk);
    }
    state.pairsOfDocument.delete(documentId);
  }

  private markBuckets(state: KeyState<T>, topics: readonly string[]): void {
    // A bucket that grows past the limit, or shrinks back under it, changes who is related to whom.
    for (const topic of topics) {
      const bucket = state.byTopic.get(topic);
      if (bucket && (bucket.size === this.maxBucket + 1 || bucket.size === this.maxBucket)) for (const other of bucket) state.dirty.add(other);
    }
  }

  private leave(key: string, documentId: string, topics: readonly string[]): void {
    const state = this.keys.get(key);
    if (!state) return;
    this.dropPairs(state, documentId);
    state.byDocument.delete(documentId);
    state.dirty.delete(documentId);
    state.withoutTopics.delete(documentId);
    for (const topic of topics) {
      const bucket = state.byTopic.get(topic);
      bucket?.delete(documentId);
      if (bucket && bucket.size === 0) state.byTopic.delete(topic);
    }
    this.markBuckets(state, topics);
    this.dirtyKeys.add(key);
    // The document's old companions must be regrouped without it.
    const component = state.componentOf.get(documentId);
    if (component !== undefined) {
      state.componentOf.delete(documentId);
      state.components.get(component)?.delete(documentId);
      for (const other of state.components.get(component) ?? []) state.dirty.add(other);
      if (state.components.get(component)?.size === 0) state.components.delete(component);
      // Reported as removed by refreshKey unless the regrouped documents keep the same id.
      const orphans = this.orphanComponents.get(key) ?? [];
      orphans.push(component);
      this.orphanComponents.set(key, orphans);
    }
    if (state.byDocument.size === 0) this.keys.delete(key);
  }

  private join(key: string, documentId: string, items: T[], topics: readonly string[]): void {
    const state = this.stateOf(key);
    this.dropPairs(state, documentId);
    state.byDocument.set(documentId, items);
    if (topics.length === 0) state.withoutTopics.add(documentId);
    for (const topic of topics) {
      let bucket = state.byTopic.get(topic);
      if (!bucket) state.byTopic.set(topic, (bucket = new Set()));
      bucket.add(documentId);
    }
    this.markBuckets(state, topics);
    state.dirty.add(documentId);
    this.dirtyKeys.add(key);
  }
}
