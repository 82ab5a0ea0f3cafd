/** Commands that tag, edit and delete annotations. Each runs one transaction; UI components call these. */
import { describeTextQuote } from '../../shared/anchoring/text-anchor';
import type { Annotation, AnnotationKind, ClaimStatus, Entity, EntityType, Link, QuantityValue } from '../../shared/model';
import { nameKey } from '../../shared/text/name-key';
import type { CrosscheckDatabase } from './database';
import { explainingStorageFull } from './storage-errors';

export interface TagSpanInput {
  documentId: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  author: string;
  /** For entity annotations: the type of a new entity (an existing entity of the same name is reused). */
  entityType?: EntityType;
  quantity?: QuantityValue;
}

/** Everything a deletion removed, so that undo can put it back. */
export interface DeletedAnnotation {
  annotation: Annotation;
  links: Link[];
}


/**
 * Finds an entity whose name or alias is `name` (case-insensitively), creating one if there is none.
 * Call inside a transaction that includes the entities table.
 */
export async function findOrCreateEntity(db: CrosscheckDatabase, name: string, type: EntityType): Promise<Entity> {
  const wanted = nameKey(name);
  const existing =
    (await db.entities.where('name').equalsIgnoreCase(name.trim()).first()) ??
    (await db.entities.filter((e) => e.aliases.some((alias) => nameKey(alias) === wanted)).first());
  if (existing) return existing;
  const entity: Entity = { id: crypto.randomUUID(), name: name.replace(/\s+/g, ' ').trim(), type, aliases: [] };
  await db.entities.add(entity);
  return entity;
}

/** Tags [start, end) of a document as an annotation of the given kind. */
export async function tagSpan(db: CrosscheckDatabase, input: TagSpanInput, now = new Date()): Promise<Annotation> {
  return explainingStorageFull('The tag was not saved', () => tagSpanNow(db, input, now));
}

function tagSpanNow(db: CrosscheckDatabase, input: TagSpanInput, now: Date): Promise<Annotation> {
  return db.transaction('rw', [db.documents, db.annotations, db.entities], async () => {
    const document = await db.documents.get(input.documentId);
    if (!document) throw new Error('That document is no longer in the library.');
    if (!(input.start >= 0 && input.end <= document.text.length && input.start < input.end)) {
      throw new Error(`The selection ${input.start}–${input.end} is outside the document's text.`);
    }
    const at = now.toISOString();
    const annotation: Annotation = {
      id: crypto.randomUUID(),
      documentId: input.documentId,
      kind: input.kind,
      start: input.start,
      end: input.end,
      ...describeTextQuote(document.text, input.start, input.end),
      origin: 'user',
      status: 'unverified',
      author: input.author,
      createdAt: at,
      updatedAt: at,
    };
    if (input.kind === 'entity') {
      annotation.entityId = (await findOrCreateEntity(db, annotation.quote, input.entityType ?? 'person')).id;
    }
    if (input.kind === 'quantity' && input.quantity) annotation.quantity = input.quantity;
    await db.annotations.add(annotation);
    return annotation;
  });
}

export interface AnnotationChanges {
  note?: string;
  status?: ClaimStatus;
  /** A speaker's name; an empty string clears the speaker. */
  speakerName?: string;
}

/** Edits note, status or speaker of an annotation. */
export async function updateAnnotation(db: CrosscheckDatabase, id: string, changes: AnnotationChanges, now = new Date()): Promise<void> {
  await explainingStorageFull('The change to the annotation was not saved', () => updateAnnotationNow(db, id, changes, now));
}

async function updateAnnotationNow(db: CrosscheckDatabase, id: string, changes: AnnotationChanges, now: Date): Promise<void> {
  await db.transaction('rw', [db.annotations, db.entities], async () => {
    const annotation = await db.annotations.get(id);
    if (!annotation) throw new Error('That annotation was deleted meanwhile.');
    const next: Annotation = { ...annotation, updatedAt: now.toISOString() };
    if (changes.note !== undefined) next.note = changes.note.trim() === '' ? undefined : changes.note;
    if (changes.status !== undefined) next.status = changes.status;
    if (changes.speakerName !== undefined) {
      next.speaker = changes.speakerName.trim() === '' ? undefined : (await findOrCreateEntity(db, changes.speakerName, 'person')).id;
    }
    await db.annotations.put(next);
  });
}

/** Changes the type of an entity (person, organization, place, other). */
export async function setEntityType(db: CrosscheckDatabase, entityId: string, type: EntityType): Promise<void> {
  await db.entities.update(entityId, { type });
}

/** Deletes an annotation and the links that touch it; returns them for undo. */
export async function deleteAnnotation(db: CrosscheckDatabase, id: string): Promise<DeletedAnnotation | undefined> {
  return db.transaction('rw', [db.annotations, db.links], async () => {
    const annotation = await db.annotations.get(id);
    if (!annotation) return undefined;
    const links = [...(await db.links.where('fromId').equals(id).toArray()), ...(await db.links.where('toId').equals(id).toArray())];
    await db.links.bulkDelete(links.map((link) => link.id));
    await db.annotations.delete(id);
    return { annotation, links };
  });
}

/** Puts back what deleteAnnotation removed (links only where their other end still exists). */
export async function restoreAnnotation(db: CrosscheckDatabase, deleted: DeletedAnnotation): Promise<void> {
  await db.transaction('rw', [db.documents, db.annotations, db.links], async () => {
    if (!(await db.documents.get(deleted.annotation.documentId))) return;
    await db.annotations.put(deleted.annotation);
    const ends = new Set(deleted.links.flatMap((link) => [link.fromId, link.toId]));
    const present = new Set(await db.annotations.where('id').anyOf([...ends]).primaryKeys());
    await db.links.bulkPut(deleted.links.filter((link) => present.has(link.fromId) && present.has(link.toId)));
  });
}
