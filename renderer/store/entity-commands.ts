/**
 * Curating entities across the corpus: merge two, split an alias off, rename, and rule that two names are
 * different people. Each runs one transaction.
 */
import type { Entity, EntityType, NameDistinction } from '../../shared/model';
import { nameKey, namePairId } from '../../shared/text/name-key';
import type { CrosscheckDatabase } from './database';

function withoutName(names: readonly string[], name: string): string[] {
  return names.filter((n) => nameKey(n) !== nameKey(name));
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = nameKey(n);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface MergeOptions {
  /** Names of the merged entity to keep as known misspellings (a mistranslation, not a true alias). */
  misspellings?: readonly string[];
  /** When the merge happens (stamped on every re-pointed annotation); now by default. */
  now?: Date;
}

/**
 * Merges `mergedId` into `keptId`: the merged entity's name and aliases join the kept one's aliases, its
 * mentions and speaker references are re-pointed, and it is deleted. Returns the kept entity.
 */
export async function mergeEntities(db: CrosscheckDatabase, keptId: string, mergedId: string, options: MergeOptions = {}): Promise<Entity> {
  if (keptId === mergedId) throw new Error('An entity cannot be merged into itself.');
  return db.transaction('rw', [db.entities, db.annotations, db.nameDistinctions], async () => {
    const [kept, merged] = await Promise.all([db.entities.get(keptId), db.entities.get(mergedId)]);
    if (!kept || !merged) throw new Error('One of the two entities was deleted meanwhile; reload the registry and try again.');
    const aliases = withoutName(uniqueNames([...kept.aliases, merged.name, ...merged.aliases]), kept.name);
    // A misspelling is an alias that is known to be wrong: only names the entity now carries qualify.
    const aliasKeys = new Set(aliases.map(nameKey));
    const misspellings = uniqueNames([...(kept.misspellings ?? []), ...(merged.misspellings ?? []), ...(options.misspellings ?? [])]).filter((name) =>
      aliasKeys.has(nameKey(name)),
    );
    const { misspellings: _previous, ...rest } = kept;
    const next: Entity = { ...rest, aliases, ...(misspellings.length > 0 ? { misspellings } : {}) };
    await db.entities.put(next);
    // A re-pointed annotation is a changed annotation: readers that watch updatedAt (the engine worker) must
    // see it, or they keep the mention under the entity that no longer exists.
    const updatedAt = (options.now ?? new Date()).toISOString();
    await db.annotations.where('entityId').equals(mergedId).modify({ entityId: keptId, updatedAt });
    await db.annotations.where('speaker').equals(mergedId).modify({ speaker: keptId, updatedAt });
    await db.entities.delete(mergedId);
    // Merging is the later, explicit ruling that the names are one referent: earlier "different" rulings
    // between the two entities' names would contradict it and only confuse the registry.
    const stale = [kept.name, ...kept.aliases].flatMap((a) => [merged.name, ...merged.aliases].map((b) => namePairId(a, b)));
    await db.nameDistinctions.bulkDelete(stale);
    return next;
  });
}

/**
 * Splits an alias off into an entity of its own, taking with it the mentions whose quote is that alias.
 * Returns the new entity.
 */
export async function splitAlias(db: CrosscheckDatabase, entityId: string, alias: string, now = new Date()): Promise<Entity> {
  return db.transaction('rw', [db.entities, db.annotations], async () => {
    const entity = await db.entities.get(entityId);
    if (!entity) throw new Error('That entity was deleted meanwhile.');
    // The new entity is named as the alias is stored, whatever case the caller passed.
    const stored = entity.aliases.find((a) => nameKey(a) === nameKey(alias));
    if (stored === undefined) throw new Error(`“${alias}” is not an alias of ${entity.name}.`);
    await db.entities.put({
      ...entity,
      aliases: withoutName(entity.aliases, alias),
      ...(entity.misspellings ? { misspellings: withoutName(entity.misspellings, alias) } : {}),
    });
    const created: Entity = { id: crypto.randomUUID(), name: stored, type: entity.type, aliases: [] };
    await db.entities.add(created);
    await db.annotations
      .where('entityId')
      .equals(entityId)
      .filter((annotation) => nameKey(annotation.quote) === nameKey(alias))
      .modify({ entityId: created.id, updatedAt: now.toISOString() });
    return created;
  });
}

/** Renames an entity; the old name stays as an alias, so mentions written that way still belong to it. */
export async function renameEntity(db: CrosscheckDatabase, entityId: string, name: string): Promise<void> {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!trimmed) throw new Error('An entity needs a name.');
  await db.transaction('rw', [db.entities], async () => {
    const entity = await db.entities.get(entityId);
    if (!entity) throw new Error('That entity was deleted meanwhile.');
    if (nameKey(entity.name) === nameKey(trimmed)) {
      await db.entities.put({ ...entity, name: trimmed });
      return;
    }
    // The new name may have been a recorded misspelling; as the canonical name it is not one any more.
    const { misspellings, ...rest } = entity;
    const stillMisspelt = withoutName(misspellings ?? [], trimmed);
    await db.entities.put({
      ...rest,
      name: trimmed,
      aliases: withoutName(uniqueNames([...entity.aliases, entity.name]), trimmed),
      ...(stillMisspelt.length > 0 ? { misspellings: stillMisspelt } : {}),
    });
  });
}

/** Sets an entity's type. */
export async function setEntityKind(db: CrosscheckDatabase, entityId: string, type: EntityType): Promise<void> {
  await db.entities.update(entityId, { type });
}

/** Rules that two names are different referents: the engine never joins them again. */
export async function declareDistinctNames(db: CrosscheckDatabase, a: string, b: string, reviewer: string, now = new Date()): Promise<NameDistinction> {
  if (nameKey(a) === nameKey(b)) throw new Error('A name cannot be ruled different from itself.');
  const ruling: NameDistinction = {
    id: namePairId(a, b),
    names: [a, b].sort((x, y) => nameKey(x).localeCompare(nameKey(y))) as [string, string],
    reviewer,
    decidedAt: now.toISOString(),
  };
  await db.nameDistinctions.put(ruling);
  return ruling;
}

/** Takes back a ruling that two names are different (undo). */
export async function withdrawNameDistinction(db: CrosscheckDatabase, id: string): Promise<void> {
  await db.nameDistinctions.delete(id);
}
