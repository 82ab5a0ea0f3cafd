/** Searching the registry by name: what the user types against each entity's name and aliases. */
import type { Entity } from '../../shared/model';

/** Lowercase without accents, so that "Jose" finds "José" and "wendtner" finds "Wendtner". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every word of `query` occurs in the entity's name or aliases (an empty query matches all). */
export function entityMatches(entity: Entity, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const names = foldForSearch([entity.name, ...entity.aliases].join('\n'));
  return words.every((word) => names.includes(word));
}
