/**
 * Whether two spellings, each with the context of the documents that use it, name one referent. Name
 * evidence (name-similarity.ts) is weighed with context: a shared role or title, shared neighbouring
 * entities. Disagreeing roles keep people apart; a person and an organisation are never compared.
 */
import type { EntityType } from '../model';
import type { NameParts } from './name-parts';
import { compareOrganizationNames, comparePersonNames, type NameEvidence } from './name-similarity';

export interface NameWithContext {
  type: EntityType;
  parts: NameParts;
  /** Specific role heads written next to the name ("envoy"), with how often. */
  roles: ReadonlyMap<string, number>;
}

export interface PairDecision {
  accepted: boolean;
  /** 0..1 confidence that the two are one referent. */
  score: number;
  /** Plain-language reasons, for and against. */
  reasons: string[];
  name: NameEvidence;
  sharedRoles: string[];
}

/** Mid-range name likeness that context may lift to a match. */
const CONTEXT_NAME_FLOOR = 0.78;

function intersect(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string[] {
  const shared: string[] = [];
  for (const key of a.keys()) if (b.has(key)) shared.push(key);
  return shared.sort();
}

function list(items: readonly string[], limit = 3): string {
  const shown = items.slice(0, limit);
  return items.length > limit ? `${shown.join(', ')} and ${items.length - limit} more` : shown.join(', ');
}

/**
 * Decides whether `a` and `b` are one referent. `sharedNeighbours` names entities both appear with
 * (display names), or is empty.
 */
export function decidePair(a: NameWithContext, b: NameWithContext, sharedNeighbours: readonly string[] = []): PairDecision {
  const sharedRoles = intersect(a.roles, b.roles);
  if (a.type !== b.type || (a.type !== 'person' && a.type !== 'organization')) {
    const name: NameEvidence = { score: 0, same: false, partial: false, reasons: [] };
    return { accepted: false, score: 0, reasons: ['different kinds of entity'], name, sharedRoles };
  }
  if (a.type === 'organization') {
    const name = compareOrganizationNames(a.parts, b.parts);
    const reasons = [...name.reasons];
    if (sharedNeighbours.length > 0) reasons.push(`both appear alongside ${list(sharedNeighbours)}`);
    return { accepted: name.same, score: name.score, reasons, name, sharedRoles };
  }

  const name = comparePersonNames(a.parts, b.parts);
  const reasons = [...name.reasons];
  const roleConflict = a.roles.size > 0 && b.roles.size > 0 && sharedRoles.length === 0;
  if (sharedRoles.length > 0) reasons.push(`both are described as ${list(sharedRoles)}`);
  if (roleConflict) {
    reasons.push(`described differently (${list([...a.roles.keys()])} / ${list([...b.roles.keys()])})`);
    return { accepted: false, score: Math.min(name.score, 0.5), reasons, name, sharedRoles };
  }
  if (sharedNeighbours.length > 0) reasons.push(`both appear alongside ${list(sharedNeighbours)}`);

  const single = a.parts.tokens.length === 1 || b.parts.tokens.length === 1;
  const bothSingle = a.parts.tokens.length === 1 && b.parts.tokens.length === 1;
  const context = (sharedRoles.length > 0 ? 2 : 0) + Math.min(2, sharedNeighbours.length);
  const givenAgrees = name.given !== undefined && (name.given.basis === 'identical' || name.given.basis === 'transliteration' || name.given.basis === 'initial');

  let accepted: boolean;
  if (bothSingle) accepted = name.score >= 0.93 || (name.score >= 0.86 && context >= 2);
  else if (single) accepted = name.partial || (name.score >= 0.86 && context >= 1);
  else accepted = name.same || (name.score >= CONTEXT_NAME_FLOOR && givenAgrees && context >= 2);

  const bonus = (sharedRoles.length > 0 ? 0.06 : 0) + Math.min(0.04, 0.01 * sharedNeighbours.length);
  const score = Math.min(1, (name.same || accepted ? Math.max(name.score, 0.86) : name.score) + bonus);
  return { accepted, score: accepted ? score : Math.min(score, 0.85), reasons, name, sharedRoles };
}
