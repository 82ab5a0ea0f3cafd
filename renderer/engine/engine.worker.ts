/**
 * The engine worker: opens the same Dexie database as the window, follows it with a store mirror (which
 * re-reads only the records each write changed), and keeps a ContradictionEngine in step with it by telling
 * the engine only what changed. Extraction (the slow part)
 * runs here once per document and is cached, so typing and tagging in the window never wait for it.
 */
import { ContradictionEngine, type EngineDocument } from '../../shared/detect/contradiction-engine';
import { extractDocument, type DocumentExtraction } from '../../shared/extract/extract-document';
import { suggestAnnotations } from '../../shared/extract/suggest-annotations';
import type { Annotation, Entity, Link, NameDistinction, SourceDocument } from '../../shared/model';
import { CrosscheckDatabase, type RejectedSuggestion } from '../store/database';
import { followStore } from '../store/store-mirror';
import type { ClusterSummary, EngineSettings, FromEngine, ToEngine } from './engine-protocol';

const post = (message: FromEngine): void => self.postMessage(message);

interface Snapshot {
  documents: SourceDocument[];
  annotations: Annotation[];
  entities: Entity[];
  links: Link[];
  rejected: RejectedSuggestion[];
  distinctions: NameDistinction[];
}

let db: CrosscheckDatabase | null = null;
let settings: EngineSettings = { useExtraction: true };
let engine = new ContradictionEngine();
const extractions = new Map<string, DocumentExtraction>();
// What the engine was last given, to tell it only the differences.
let known = { documents: new Map<string, string>(), annotations: new Map<string, string>(), entities: new Map<string, string>(), links: new Map<string, string>() };
let latest: Snapshot | null = null;
let knownDistinctions = '';
// Requests that arrive before the first snapshot wait for it.
let markLoaded: () => void = () => undefined;
const whenLoaded = new Promise<void>((resolve) => (markLoaded = resolve));

function extractionOf(document: SourceDocument): DocumentExtraction {
  let extraction = extractions.get(document.id);
  if (!extraction) {
    extraction = extractDocument(document);
    extractions.set(document.id, extraction);
  }
  return extraction;
}

/** The extraction minus the suggestions the user rejected, so that rejected findings raise nothing. */
function acceptedExtraction(document: SourceDocument, rejected: ReadonlySet<string>): DocumentExtraction {
  const full = extractionOf(document);
  if (rejected.size === 0) return full;
  const keep = (kind: string) => (item: { start: number; end: number }) => !rejected.has(`${document.id}:${kind}:${item.start}-${item.end}`);
  return { ...full, entities: full.entities.filter(keep('entity')), quantities: full.quantities.filter(keep('quantity')) };
}

function engineDocument(document: SourceDocument): EngineDocument {
  return { id: document.id, title: document.title, text: document.text, ...(document.publishedAt ? { publishedAt: document.publishedAt } : {}) };
}

/** Applies the difference between what the engine holds and the snapshot; returns true if anything changed. */
function synchronise(snapshot: Snapshot, onDocument: (done: number, total: number) => void): boolean {
  let changed = false;
  const distinctions = snapshot.distinctions.map((d) => d.id).sort().join('|');
  if (distinctions !== knownDistinctions) {
    engine.setNameDistinctions(snapshot.distinctions.map((d) => d.names));
    knownDistinctions = distinctions;
    changed = true;
  }
  const rejected = new Set(snapshot.rejected.map((r) => `${r.documentId}:${r.kind}:${r.start}-${r.end}`));
  // Rejections per document, counted once per snapshot (not once per document).
  const rejectedPerDocument = new Map<string, number>();
  for (const r of snapshot.rejected) rejectedPerDocument.set(r.documentId, (rejectedPerDocument.get(r.documentId) ?? 0) + 1);

  const next = { documents: new Map<string, string>(), annotations: new Map<string, string>(), entities: new Map<string, string>(), links: new Map<string, string>() };
  snapshot.documents.forEach((document, index) => {
    const signature = `${document.sha256}|${document.title}|${document.publishedAt ?? ''}|${settings.useExtraction}|${rejectedPerDocument.get(document.id) ?? 0}`;
    next.documents.set(document.id, signature);
    if (known.documents.get(document.id) === signature) return;
    engine.upsertDocument(engineDocument(document), settings.useExtraction ? acceptedExtraction(document, rejected) : undefined);
    onDocument(index + 1, snapshot.documents.length);
    changed = true;
  });
  for (const entity of snapshot.entities) {
    const signature = JSON.stringify(entity);
    next.entities.set(entity.id, signature);
    if (known.entities.get(entity.id) === signature) continue;
    engine.upsertEntity(entity);
    changed = true;
  }
  for (const annotation of snapshot.annotations) {
    next.annotations.set(annotation.id, annotation.updatedAt);
    if (known.annotations.get(annotation.id) === annotation.updatedAt) continue;
    engine.upsertAnnotation(annotation);
    changed = true;
  }
  for (const link of snapshot.links) {
    const signature = JSON.stringify(link);
    next.links.set(link.id, signature);
    if (known.links.get(link.id) === signature) continue;
    engine.upsertLink(link);
    changed = true;
  }
  const removals: Array<[Map<string, string>, Map<string, string>, (id: string) => void]> = [
    [known.links, next.links, (id) => engine.removeLink(id)],
    [known.annotations, next.annotations, (id) => engine.removeAnnotation(id)],
    [known.entities, next.entities, (id) => engine.removeEntity(id)],
  ];
  for (const [before, after, remove] of removals) {
    for (const id of before.keys()) {
      if (after.has(id)) continue;
      remove(id);
      changed = true;
    }
  }
  for (const id of known.documents.keys()) {
    if (next.documents.has(id)) continue;
    engine.removeDocument(id);
    extractions.delete(id);
    changed = true;
  }
  known = next;
  return changed;
}

function clusterSummaries(annotations: readonly Annotation[]): Record<string, ClusterSummary> {
  const summaries: Record<string, ClusterSummary> = {};
  for (const annotation of annotations) {
    if (annotation.kind !== 'entity') continue;
    const cluster = engine.clusterOfAnnotation(annotation.id);
    if (!cluster || cluster.forms.length < 2) continue;
    summaries[annotation.id] = {
      forms: cluster.forms.map((form) => ({
        name: form.name,
        documents: form.referents.length,
        mentions: form.referents.reduce((sum, referent) => sum + referent.mentions.length, 0),
      })),
      reasons: [...new Set(cluster.links.flatMap((link) => link.reasons))],
    };
  }
  return summaries;
}

function publish(snapshot: Snapshot): void {
  const changed = synchronise(snapshot, (done, total) => post({ type: 'progress', progress: { phase: 'Reading documents', done, total } }));
  if (!changed && latestPublished) return;
  engine.refresh((progress) => post({ type: 'progress', progress: { phase: `Checking ${progress.phase}`, done: progress.done, total: progress.total } }));
  post({ type: 'contradictions', contradictions: engine.contradictions(), clusters: clusterSummaries(snapshot.annotations) });
  post({ type: 'progress', progress: { phase: 'done', done: 1, total: 1 } });
  latestPublished = true;
}
let latestPublished = false;

function start(databaseName: string): void {
  db = new CrosscheckDatabase(databaseName);
  const database = db;
  followStore(database, {
    tables: ['documents', 'annotations', 'entities', 'links', 'rejectedSuggestions', 'nameDistinctions'],
    onChange: (tables) => {
      const snapshot: Snapshot = {
        documents: tables.documents,
        annotations: tables.annotations,
        entities: tables.entities,
        links: tables.links,
        rejected: tables.rejectedSuggestions,
        distinctions: tables.nameDistinctions,
      };
      latest = snapshot;
      markLoaded();
      try {
        publish(snapshot);
      } catch (error) {
        post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
    onError: (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  });
}

function suggestFor(requestId: number, documentId: string): void {
  const document = latest?.documents.find((d) => d.id === documentId);
  if (!document) {
    post({ type: 'suggestions', requestId, documentId, suggestions: [] });
    return;
  }
  const rejected = new Set((latest?.rejected ?? []).map((r) => r.id));
  const stored = new Set((latest?.annotations ?? []).filter((a) => a.documentId === document.id).map((a) => `${a.kind}:${a.start}-${a.end}`));
  const suggestions = suggestAnnotations(document, { extraction: extractionOf(document) }).filter(
    (s) => !rejected.has(s.id) && !stored.has(`${s.kind}:${s.start}-${s.end}`),
  );
  post({ type: 'suggestions', requestId, documentId: document.id, suggestions });
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data;
  if (message.type === 'start') {
    settings = message.settings;
    start(message.databaseName);
  } else if (message.type === 'settings') {
    settings = message.settings;
    // Everything the engine derived depends on what it was given: start it again from the last snapshot.
    engine = new ContradictionEngine();
    known = { documents: new Map(), annotations: new Map(), entities: new Map(), links: new Map() };
    knownDistinctions = '';
    latestPublished = false;
    if (latest) publish(latest);
  } else if (message.type === 'suggest') {
    void whenLoaded.then(() => suggestFor(message.requestId, message.documentId));
  }
};
