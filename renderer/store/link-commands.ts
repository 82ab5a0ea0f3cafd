/**
 * Commands that join two annotations, in any documents, with an explicit link (same-as, supports,
 * contradicts, refers-to) and remove such a link. Each runs one transaction.
 */
import type { Link, LinkRelation } from '../../shared/model';
import { LINK_RELATIONS } from '../../shared/model';
import type { CrosscheckDatabase } from './database';

/** Relations that read the same both ways: "A contradicts B" is "B contradicts A". */
const SYMMETRIC_RELATIONS: ReadonlySet<LinkRelation> = new Set(['same-as', 'contradicts']);

export interface CreateLinkInput {
  fromId: string;
  toId: string;
  relation: LinkRelation;
  note?: string;
  author: string;
}

/** How a relation reads in a sentence ("same-as" → "the same as"). */
export const RELATION_PHRASES: Record<LinkRelation, string> = {
  'same-as': 'is the same as',
  supports: 'supports',
  contradicts: 'contradicts',
  'refers-to': 'refers to',
};

/**
 * Links annotation `fromId` to `toId`. Refuses a link of an annotation to itself, a missing end, and a link
 * that repeats an existing one (for same-as and contradicts, also one drawn the other way round).
 */
export async function createLink(db: CrosscheckDatabase, input: CreateLinkInput, now = new Date()): Promise<Link> {
  if (!LINK_RELATIONS.includes(input.relation)) throw new Error(`“${String(input.relation)}” is not a kind of link.`);
  if (input.fromId === input.toId) throw new Error('An annotation cannot be linked to itself.');
  return db.transaction('rw', [db.annotations, db.links], async () => {
    const [from, to] = await db.annotations.bulkGet([input.fromId, input.toId]);
    if (!from || !to) throw new Error('One of the two annotations was deleted meanwhile; nothing was linked.');
    // Both directions are read either way: a directed relation may be drawn back (mutual support).
    const between = [
      ...(await db.links.where('fromId').equals(input.fromId).filter((link) => link.toId === input.toId).toArray()),
      ...(await db.links.where('fromId').equals(input.toId).filter((link) => link.toId === input.fromId).toArray()),
    ];
    const repeated = between.find(
      (link) => link.relation === input.relation && (link.fromId === input.fromId || SYMMETRIC_RELATIONS.has(link.relation)),
    );
    if (repeated) {
      throw new Error(`“${shorten(from.quote)}” already ${RELATION_PHRASES[input.relation]} “${shorten(to.quote)}”.`);
    }
    const note = input.note?.trim();
    const link: Link = {
      id: crypto.randomUUID(),
      fromId: input.fromId,
      toId: input.toId,
      relation: input.relation,
      ...(note ? { note } : {}),
      author: input.author,
      createdAt: now.toISOString(),
    };
    await db.links.add(link);
    return link;
  });
}

/** Deletes a link; returns it (for undo), or undefined when it was already gone. */
export async function deleteLink(db: CrosscheckDatabase, id: string): Promise<Link | undefined> {
  return db.transaction('rw', [db.links], async () => {
    const link = await db.links.get(id);
    if (link) await db.links.delete(id);
    return link;
  });
}

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
