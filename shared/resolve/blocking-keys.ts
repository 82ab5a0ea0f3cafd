/**
 * Blocking keys: the resolver compares a name only with names that share one of its keys, never with every
 * other name. Keys come from what a variant keeps: the surname's sound (phonetic codes), its opening
 * consonants (mistranslations keep those), the name's consonants written as one word (names split
 * differently), the initial with the surname's opening, the first name together with a role, the first name
 * alone, and an organisation's first word (spelling and sound) or initials.
 */
import type { EntityType } from '../model';
import type { NameParts } from './name-parts';
import { consonantSkeleton } from './transliteration';

const LEGAL_AND_STOP = new Set(['the', 'of', 'and', 'for', 'company', 'co', 'corp', 'corporation', 'inc', 'ltd', 'llc', 'plc', 'group', 'holdings']);

/** The blocking keys of a name of `type` described with `roles` (specific role heads). */
export function blockingKeys(type: EntityType, parts: NameParts, roles: Iterable<string> = []): string[] {
  const keys = new Set<string>();
  if (type === 'person') {
    const surname = parts.surname;
    if (!surname) return [];
    for (const code of surname.phonetic) keys.add(`ps:${code}`);
    if (surname.skeleton.length > 0) keys.add(`po:${surname.skeleton.slice(0, 3)}`);
    if (parts.tokens.length > 1) {
      keys.add(`pj:${consonantSkeleton(parts.joined).slice(0, 5)}`);
      const given = parts.given!;
      // "S. Witkoff" and "Steve Witkoff" meet on the initial and the surname's opening.
      keys.add(`pi:${given.plain[0]}|${surname.skeleton.slice(0, 3)}`);
      if (!given.initial) {
        keys.add(`pf:${given.romanized}`);
        for (const role of roles) keys.add(`pg:${given.romanized}|${role}`);
      }
    }
  } else if (type === 'organization') {
    const words = parts.tokens.map((token) => token.plain).filter((word) => !LEGAL_AND_STOP.has(word));
    const first = parts.tokens.find((token) => !LEGAL_AND_STOP.has(token.plain));
    if (first) {
      keys.add(`ow:${first.romanized}`);
      for (const code of first.phonetic) keys.add(`oc:${code}`);
    }
    if (words.length > 1) keys.add(`oa:${words.map((word) => word[0]).join('')}`);
    if (words.length === 1) keys.add(`oa:${words[0]}`);
  }
  return [...keys];
}
