/**
 * Incremental entity resolution across documents. Mentions are grouped within a document into referents
 * ("Witkoff" after "Steve Witkoff" is him), referents with one spelling across documents into forms, and
 * forms into clusters: one person or organisation however it is spelled. Candidate pairs come from blocking
 * keys; a change re-examines only the forms it touches and the clusters they belong to.
 */
import type { AnnotationOrigin, EntityType } from '../model';
import { blockingKeys } from './blocking-keys';
import { parseName, type NameParts } from './name-parts';
import { compareTokens } from './name-similarity';
import { decidePair, type PairDecision } from './pair-decision';
import { isSpecificRole } from '../extract/roles';
import { nameKey, namePairId } from '../text/name-key';


export interface MentionRole {
  head: string;
  phrase: string;
}

/** One mention of a named entity, from a user's annotation or from extraction. */
export interface ResolverMention {
  /** Unique across the corpus (annotation or suggestion id). */
  id: string;
  documentId: string;
  /** The name as written, titles set aside. */
  name: string;
  type: EntityType;
  start: number;
  end: number;
  quote: string;
  origin: AnnotationOrigin;
  /** Set for annotations in the store. */
  annotationId?: string;
  /** The user's entity: mentions of one entity are one referent, across documents too. */
  entityId?: string;
  /** Keys that force mentions together (explicit same-as links). */
  linkKeys?: readonly string[];
  roles: readonly MentionRole[];
}

export interface ResolvedReferent {
  documentId: string;
  mentions: readonly ResolverMention[];
}

export interface ResolvedForm {
  key: string;
  /** The spelling as most often written. */
  name: string;
  type: EntityType;
  parts: NameParts;
  referents: readonly ResolvedReferent[];
  /** Specific roles written next to this spelling, with counts. */
  roles: ReadonlyMap<string, number>;
}

export interface ClusterLink {
  from: string;
  to: string;
  score: number;
  reasons: string[];
  /** `user`: the user tied them (one entity, or a same-as link); `match`: the resolver matched them. */
  source: 'user' | 'match';
}

export interface ResolvedCluster {
  id: string;
  type: EntityType;
  forms: ResolvedForm[];
  /** The links that joined the cluster's forms. */
  links: ClusterLink[];
}

export interface ResolverOptions {
  /** Blocks larger than this are too common to compare within (a frequent first name); default 400. */
  maxBlockSize?: number;
}

interface Referent {
  key: string;
  documentId: string;
  formKey: string;
  mentions: ResolverMention[];
  /** How each mention spells the form (a lone surname counts as the full name it stands for). */
  written: string[];
  parts: NameParts;
  type: EntityType;
  roles: string[];
  mustKeys: string[];
}

interface Form {
  key: string;
  type: EntityType;
  parts: NameParts;
  written: Map<string, number>;
  referents: Map<string, Referent>;
  roles: Map<string, number>;
  mustKeys: Map<string, number>;
  blockKeys: string[];
  contextKey: string;
}

interface Aggregate {
  types: Set<EntityType>;
  roles: Set<string>;
  /** Every spelling in the group, as name keys, to honour rulings that two names are different. */
  names: Set<string>;
  givens: NameParts['tokens'];
  surnames: NameParts['tokens'];
}

const MAX_NEIGHBOUR_DOCS = 40;

/** What a referent contributes to its form: when this is unchanged, the form need not be re-examined. */
function signatureOf(referent: Referent): string {
  const mentions = referent.mentions.map((m) => `${m.id}@${m.start}-${m.end}:${m.origin}`).join(',');
  return [referent.formKey, mentions, referent.written.join(','), referent.roles.join(','), referent.mustKeys.join(',')].join('\u0001');
}

function formKeyOf(type: EntityType, parts: NameParts): string {
  return `${type}:${parts.tokens.map((token) => token.plain).join(' ')}`;
}

/** A key for "this entity is mentioned here", loose enough that spellings of one place or company agree. */
function contextKeyOf(type: EntityType, parts: NameParts): string {
  const token = type === 'person' ? parts.surname : parts.tokens[0];
  return `${type[0]}:${type === 'place' ? parts.joined : (token?.romanized ?? '')}`;
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

function addToIndex(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

function removeFromIndex(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}

/**
 * Groups a document's mentions into referents: one per user entity, one per full name, with a lone surname
 * or short company name joined to the nearest full name before it that contains it.
 */
function groupDocument(mentions: readonly ResolverMention[]): Array<{ mentions: ResolverMention[]; written: string[]; parts: NameParts; type: EntityType }> {
  const groups = new Map<string, { mentions: ResolverMention[]; parts: NameParts; type: EntityType; user: boolean; first: number }>();
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const tokenCount = new Map<ResolverMention, number>();
  for (const mention of sorted) {
    const parts = parseName(mention.name, mention.type === 'person' ? 'person' : 'any');
    if (parts.tokens.length === 0) continue;
    tokenCount.set(mention, parts.tokens.length);
    const key = mention.entityId ? `e:${mention.entityId}` : `n:${formKeyOf(mention.type, parts)}`;
    const group = groups.get(key);
    if (group) {
      group.mentions.push(mention);
      if (parts.tokens.length > group.parts.tokens.length) group.parts = parts;
    } else {
      groups.set(key, { mentions: [mention], parts, type: mention.type, user: mention.entityId !== undefined, first: mention.start });
    }
  }
  // Short forms join a longer name of the same type that contains them.
  const entries = [...groups.entries()];
  for (const [key, group] of entries) {
    if (group.user || (group.parts.tokens.length > 1 && group.type === 'person')) continue;
    const words = group.parts.tokens.map((token) => token.plain);
    let best: { key: string; distance: number } | undefined;
    for (const [otherKey, other] of entries) {
      if (otherKey === key || other.type !== group.type || other.parts.tokens.length <= words.length || !groups.has(otherKey)) continue;
      const otherWords = other.parts.tokens.map((token) => token.plain);
      const contained =
        group.type === 'person'
          ? otherWords[otherWords.length - 1] === words[0] || (otherWords.includes(words[0]!) && words[0] !== otherWords[0])
          : words.every((word) => otherWords.includes(word)) && otherWords[0] === words[0];
      if (!contained) continue;
      // Prefer the full name written before the short one, then the closest.
      const distance = other.first <= group.first ? group.first - other.first : 1e9 + other.first - group.first;
      if (!best || distance < best.distance) best = { key: otherKey, distance };
    }
    if (best) {
      groups.get(best.key)!.mentions.push(...group.mentions);
      groups.delete(key);
    }
  }
  return [...groups.values()].map(({ mentions: list, parts, type }) => ({
    mentions: list,
    written: list.map((mention) => (tokenCount.get(mention) === parts.tokens.length ? mention.name : parts.core)),
    parts,
    type,
  }));
}

/** Incremental resolver of entity mentions into clusters; see the module comment. */
export class EntityResolver {
  private readonly maxBlockSize: number;
  private readonly forms = new Map<string, Form>();
  private readonly documentReferents = new Map<string, Referent[]>();
  private readonly documentTopics = new Map<string, Set<string>>();
  private readonly topicNames = new Map<string, string>();
  private readonly mentionReferent = new Map<string, Referent>();
  private readonly blocks = new Map<string, Set<string>>();
  private readonly mustIndex = new Map<string, Set<string>>();
  private readonly edges = new Map<string, Map<string, PairDecision>>();
  private readonly clusterOfForm = new Map<string, string>();
  private readonly clusterMembers = new Map<string, Set<string>>();
  private readonly clusterLinks = new Map<string, ClusterLink[]>();
  private readonly dirty = new Set<string>();
  /** Forms whose cluster must be recomputed though their own edges did not change. */
  private readonly touched = new Set<string>();
  /** Pairs of names a reviewer ruled to be different referents (namePairId). */
  private distinct = new Set<string>();

  constructor(options: ResolverOptions = {}) {
    this.maxBlockSize = options.maxBlockSize ?? 400;
  }

  /**
   * Replaces the rulings that two names belong to different referents. The resolver never joins such names
   * by its own matching (a user's explicit tie still does). Work happens in `refresh()`.
   */
  setDistinctNames(pairs: ReadonlyArray<readonly [string, string]>): void {
    const next = new Set(pairs.map(([a, b]) => namePairId(a, b)));
    const changedNames = new Set<string>();
    for (const [a, b] of pairs) {
      if (this.distinct.has(namePairId(a, b))) continue;
      changedNames.add(nameKey(a));
      changedNames.add(nameKey(b));
    }
    for (const id of this.distinct) if (!next.has(id)) for (const name of id.split('\u241f')) changedNames.add(name);
    this.distinct = next;
    if (changedNames.size === 0) return;
    for (const form of this.forms.values()) {
      if ([...form.written.keys()].some((name) => changedNames.has(nameKey(name)))) this.touched.add(form.key);
    }
  }

  /** Replaces the entity mentions of one document. Work happens in `refresh()`. */
  setDocumentMentions(documentId: string, mentions: readonly ResolverMention[]): void {
    const previous = new Map<string, Referent>();
    for (const referent of this.documentReferents.get(documentId) ?? []) previous.set(signatureOf(referent), referent);
    const referents: Referent[] = [];
    const topics = new Set<string>();
    for (const group of groupDocument(mentions)) {
      const formKey = formKeyOf(group.type, group.parts);
      const roles = new Set<string>();
      const mustKeys = new Set<string>();
      for (const mention of group.mentions) {
        for (const role of mention.roles) if (isSpecificRole(role.head)) roles.add(role.head);
        if (mention.entityId) mustKeys.add(`entity:${mention.entityId}`);
        for (const key of mention.linkKeys ?? []) mustKeys.add(`link:${key}`);
      }
      const candidate: Referent = {
        key: `${documentId}\u0000${group.mentions[0]!.id}`,
        documentId,
        formKey,
        mentions: group.mentions,
        written: group.written,
        parts: group.parts,
        type: group.type,
        roles: [...roles].sort(),
        mustKeys: [...mustKeys].sort(),
      };
      // An unchanged referent stays as it is, so its form is not re-examined.
      const signature = signatureOf(candidate);
      const kept = previous.get(signature);
      if (kept) {
        previous.delete(signature);
        kept.mentions = group.mentions;
        for (const mention of group.mentions) this.mentionReferent.set(mention.id, kept);
        referents.push(kept);
      } else {
        referents.push(candidate);
      }
      const topic = contextKeyOf(group.type, group.parts);
      topics.add(topic);
      this.topicNames.set(topic, group.parts.core);
    }
    for (const stale of previous.values()) this.detach(stale);
    for (const referent of referents) {
      if (!this.forms.get(referent.formKey)?.referents.has(referent.key)) this.attach(referent);
    }
    if (referents.length > 0) {
      this.documentReferents.set(documentId, referents);
      this.documentTopics.set(documentId, topics);
    } else {
      this.documentReferents.delete(documentId);
      this.documentTopics.delete(documentId);
    }
  }

  /** Forgets a document's mentions. */
  removeDocument(documentId: string): void {
    this.setDocumentMentions(documentId, []);
  }

  /** Loose keys of the entities a document mentions, for deciding whether two documents tell one story. */
  topicsOf(documentId: string): ReadonlySet<string> {
    return this.documentTopics.get(documentId) ?? EMPTY;
  }

  /** The cluster id of a mention, after `refresh()`. */
  clusterOfMention(mentionId: string): string | undefined {
    const referent = this.mentionReferent.get(mentionId);
    return referent ? this.clusterOfForm.get(referent.formKey) : undefined;
  }

  /** A cluster with its spellings, the documents using each, and the links that joined them. */
  cluster(id: string): ResolvedCluster | undefined {
    const members = this.clusterMembers.get(id);
    if (!members) return undefined;
    const forms: ResolvedForm[] = [];
    for (const key of [...members].sort()) {
      const form = this.forms.get(key);
      if (!form) continue;
      const written = [...form.written.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      forms.push({
        key,
        name: written[0]?.[0] ?? form.parts.core,
        type: form.type,
        parts: form.parts,
        referents: [...form.referents.values()].map((referent) => ({ documentId: referent.documentId, mentions: referent.mentions })),
        roles: form.roles,
      });
    }
    return { id, type: forms[0]?.type ?? 'other', forms, links: this.clusterLinks.get(id) ?? [] };
  }

  /**
   * Brings clusters up to date with the mentions set since the last call. Returns the ids of clusters
   * that changed (their contradictions need a new look) and of clusters that no longer exist.
   */
  refresh(): { changed: string[]; removed: string[] } {
    if (this.dirty.size === 0 && this.touched.size === 0) return { changed: [], removed: [] };
    const affected = new Set<string>(this.touched);
    const neighbourCache = new Map<string, Set<string>>();
    for (const key of this.dirty) {
      affected.add(key);
      const old = this.edges.get(key);
      if (old) {
        for (const other of old.keys()) {
          affected.add(other);
          this.edges.get(other)?.delete(key);
        }
        this.edges.delete(key);
      }
      const form = this.forms.get(key);
      if (!form) continue;
      this.updateBlocks(form);
    }
    for (const key of this.dirty) {
      const form = this.forms.get(key);
      if (!form) continue;
      for (const other of this.candidates(form)) {
        const decision = this.decide(form, other, neighbourCache);
        if (!decision.accepted) continue;
        this.edgeMap(form.key).set(other.key, decision);
        this.edgeMap(other.key).set(form.key, decision);
        affected.add(other.key);
      }
    }
    this.dirty.clear();
    this.touched.clear();
    return this.recluster(affected);
  }

  private edgeMap(key: string): Map<string, PairDecision> {
    let map = this.edges.get(key);
    if (!map) this.edges.set(key, (map = new Map()));
    return map;
  }

  private attach(referent: Referent): void {
    const { parts, type } = referent;
    let form = this.forms.get(referent.formKey);
    if (!form) {
      form = {
        key: referent.formKey,
        type,
        parts,
        written: new Map(),
        referents: new Map(),
        roles: new Map(),
        mustKeys: new Map(),
        blockKeys: [],
        contextKey: contextKeyOf(type, parts),
      };
      this.forms.set(form.key, form);
    }
    form.referents.set(referent.key, referent);
    for (const mention of referent.mentions) this.mentionReferent.set(mention.id, referent);
    for (const written of referent.written) bump(form.written, written, 1);
    for (const role of referent.roles) bump(form.roles, role, 1);
    for (const key of referent.mustKeys) {
      bump(form.mustKeys, key, 1);
      addToIndex(this.mustIndex, key, form.key);
    }
    this.dirty.add(form.key);
  }

  private detach(referent: Referent): void {
    const form = this.forms.get(referent.formKey);
    for (const mention of referent.mentions) {
      if (this.mentionReferent.get(mention.id) === referent) this.mentionReferent.delete(mention.id);
    }
    if (!form) return;
    form.referents.delete(referent.key);
    for (const written of referent.written) bump(form.written, written, -1);
    for (const role of referent.roles) bump(form.roles, role, -1);
    for (const key of referent.mustKeys) {
      bump(form.mustKeys, key, -1);
      if (!form.mustKeys.has(key)) removeFromIndex(this.mustIndex, key, form.key);
    }
    this.dirty.add(form.key);
    if (form.referents.size === 0) {
      for (const key of form.blockKeys) removeFromIndex(this.blocks, key, form.key);
      this.forms.delete(form.key);
    }
  }

  private updateBlocks(form: Form): void {
    const next = blockingKeys(form.type, form.parts, form.roles.keys());
    const previous = new Set(form.blockKeys);
    for (const key of previous) if (!next.includes(key)) removeFromIndex(this.blocks, key, form.key);
    for (const key of next) if (!previous.has(key)) addToIndex(this.blocks, key, form.key);
    form.blockKeys = next;
  }

  private *candidates(form: Form): Iterable<Form> {
    const seen = new Set<string>([form.key]);
    for (const key of form.blockKeys) {
      const block = this.blocks.get(key);
      if (!block || block.size > this.maxBlockSize) continue;
      for (const otherKey of block) {
        if (seen.has(otherKey)) continue;
        seen.add(otherKey);
        const other = this.forms.get(otherKey);
        if (other && other.type === form.type) yield other;
      }
    }
  }

  private neighbours(form: Form, cache: Map<string, Set<string>>): Set<string> {
    let set = cache.get(form.key);
    if (set) return set;
    set = new Set();
    let documents = 0;
    for (const referent of form.referents.values()) {
      if (documents++ >= MAX_NEIGHBOUR_DOCS) break;
      for (const topic of this.documentTopics.get(referent.documentId) ?? []) if (topic !== form.contextKey) set.add(topic);
    }
    cache.set(form.key, set);
    return set;
  }

  private decide(a: Form, b: Form, cache: Map<string, Set<string>>): PairDecision {
    const mine = this.neighbours(a, cache);
    const theirs = this.neighbours(b, cache);
    const shared: string[] = [];
    const [small, large] = mine.size <= theirs.size ? [mine, theirs] : [theirs, mine];
    for (const topic of small) {
      if (topic !== a.contextKey && topic !== b.contextKey && large.has(topic)) shared.push(this.topicNames.get(topic) ?? topic);
    }
    shared.sort();
    return decidePair({ type: a.type, parts: a.parts, roles: a.roles }, { type: b.type, parts: b.parts, roles: b.roles }, shared);
  }

  private aggregateOf(form: Form): Aggregate {
    const roles = new Set<string>(form.roles.keys());
    const givens = form.parts.tokens.length > 1 && form.parts.given ? [form.parts.given] : [];
    const surnames = form.type === 'person' && form.parts.surname ? [form.parts.surname] : [];
    const names = new Set([...form.written.keys()].map(nameKey));
    return { types: new Set([form.type]), roles, givens, surnames, names };
  }

  private compatible(a: Aggregate, b: Aggregate): boolean {
    if (![...a.types].some((type) => b.types.has(type))) return false;
    if (this.distinct.size > 0) {
      for (const x of a.names) for (const y of b.names) if (this.distinct.has(namePairId(x, y))) return false;
    }
    if (a.roles.size > 0 && b.roles.size > 0 && ![...a.roles].some((role) => b.roles.has(role))) return false;
    for (const x of a.givens) for (const y of b.givens) if (compareTokens(x, y).score < 0.86) return false;
    for (const x of a.surnames) for (const y of b.surnames) if (compareTokens(x, y).score < 0.75) return false;
    return true;
  }

  private recluster(affected: Set<string>): { changed: string[]; removed: string[] } {
    // The component: everything reachable from the affected forms through edges, user ties and old clusters.
    const component = new Set<string>();
    const queue = [...affected];
    const oldClusters = new Set<string>();
    while (queue.length > 0) {
      const key = queue.pop()!;
      if (component.has(key)) continue;
      component.add(key);
      const oldCluster = this.clusterOfForm.get(key);
      if (oldCluster !== undefined && !oldClusters.has(oldCluster)) {
        oldClusters.add(oldCluster);
        for (const member of this.clusterMembers.get(oldCluster) ?? []) queue.push(member);
      }
      const form = this.forms.get(key);
      if (!form) continue;
      for (const other of this.edges.get(key)?.keys() ?? []) queue.push(other);
      for (const mustKey of form.mustKeys.keys()) for (const other of this.mustIndex.get(mustKey) ?? []) queue.push(other);
    }
    for (const id of oldClusters) {
      this.clusterMembers.delete(id);
      this.clusterLinks.delete(id);
    }
    for (const key of component) this.clusterOfForm.delete(key);

    const live = [...component].filter((key) => this.forms.has(key)).sort();
    const parent = new Map<string, string>(live.map((key) => [key, key]));
    const aggregate = new Map<string, Aggregate>(live.map((key) => [key, this.aggregateOf(this.forms.get(key)!)]));
    const links: ClusterLink[] = [];
    const find = (key: string): string => {
      let root = key;
      while (parent.get(root) !== root) root = parent.get(root)!;
      let node = key;
      while (node !== root) {
        const next = parent.get(node)!;
        parent.set(node, root);
        node = next;
      }
      return root;
    };
    const union = (a: string, b: string): void => {
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) return;
      const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
      parent.set(drop, keep);
      const x = aggregate.get(keep)!;
      const y = aggregate.get(drop)!;
      for (const type of y.types) x.types.add(type);
      for (const role of y.roles) x.roles.add(role);
      for (const name of y.names) x.names.add(name);
      for (const token of y.givens) if (!x.givens.some((t) => t.plain === token.plain)) x.givens.push(token);
      for (const token of y.surnames) if (!x.surnames.some((t) => t.plain === token.plain)) x.surnames.push(token);
      aggregate.delete(drop);
    };

    // The user's ties first, unconditionally: one entity, or an explicit same-as link.
    for (const key of live) {
      for (const mustKey of this.forms.get(key)!.mustKeys.keys()) {
        for (const other of this.mustIndex.get(mustKey) ?? []) {
          if (other === key || !parent.has(other) || find(other) === find(key)) continue;
          union(key, other);
          links.push({
            from: key,
            to: other,
            score: 1,
            reasons: [mustKey.startsWith('entity:') ? 'tagged by a user as the same entity' : 'linked by a user as the same'],
            source: 'user',
          });
        }
      }
    }
    // Then the resolver's matches, strongest first, each only if the two clusters do not disagree.
    const candidates: Array<{ a: string; b: string; decision: PairDecision }> = [];
    for (const key of live) {
      for (const [other, decision] of this.edges.get(key) ?? []) if (key < other && parent.has(other)) candidates.push({ a: key, b: other, decision });
    }
    candidates.sort((x, y) => y.decision.score - x.decision.score || (x.a + x.b < y.a + y.b ? -1 : 1));
    for (const { a, b, decision } of candidates) {
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb || !this.compatible(aggregate.get(ra)!, aggregate.get(rb)!)) continue;
      union(a, b);
      links.push({ from: a, to: b, score: decision.score, reasons: decision.reasons, source: 'match' });
    }

    const members = new Map<string, Set<string>>();
    for (const key of live) {
      const root = find(key);
      let set = members.get(root);
      if (!set) members.set(root, (set = new Set()));
      set.add(key);
    }
    const changed: string[] = [];
    for (const [root, set] of members) {
      const id = root; // the smallest form key: stable while the cluster keeps that spelling
      this.clusterMembers.set(id, set);
      for (const key of set) this.clusterOfForm.set(key, id);
      this.clusterLinks.set(id, links.filter((link) => set.has(link.from)));
      changed.push(id);
    }
    const removed = [...oldClusters].filter((id) => !members.has(id));
    return { changed, removed };
  }
}

const EMPTY: ReadonlySet<string> = new Set();
