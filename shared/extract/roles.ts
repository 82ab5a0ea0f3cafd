/**
 * Titles and roles written next to a name: "U.S. envoy Steve Witkoff", "Alder Fenwick, a company
 * spokesman,", "the union's safety officer, Petra Sollis". Works on raw canonical text around a span, so it
 * serves extraction and the user's own annotations alike, without a tagger.
 */

export interface Role {
  /** The role's head noun, in one canonical form ("spokesperson" for spokesman and spokeswoman). */
  head: string;
  /** The role as written with its modifiers ("regional labour envoy"), lowercase. */
  phrase: string;
  start: number;
  end: number;
}

// Role nouns of public life and news reporting. General vocabulary: no names, no places.
const ROLE_HEADS: Record<string, string> = {};
for (const word of [
  'envoy', 'ambassador', 'diplomat', 'consul', 'minister', 'president', 'vice-president', 'premier', 'chancellor',
  'secretary', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'governor', 'mayor',
  'councillor', 'councilor', 'commissioner', 'ombudsman', 'spokesman', 'spokeswoman', 'spokesperson',
  'coordinator', 'director', 'director-general', 'secretary-general', 'chief', 'officer', 'official',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'ceo', 'executive', 'manager', 'founder', 'owner',
  'adviser', 'advisor', 'aide', 'negotiator', 'mediator', 'representative', 'delegate', 'deputy', 'leader',
  'head', 'commander', 'general', 'colonel', 'captain', 'lieutenant', 'sergeant', 'admiral', 'inspector',
  'detective', 'judge', 'prosecutor', 'lawyer', 'attorney', 'doctor', 'surgeon', 'nurse', 'paramedic',
  'professor', 'researcher', 'scientist', 'analyst', 'economist', 'editor', 'reporter', 'correspondent',
  'journalist', 'engineer', 'geologist', 'investigator', 'auditor', 'regulator', 'rescuer', 'firefighter',
  'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'sheikh', 'imam', 'rabbi', 'bishop', 'priest',
  'pope', 'activist', 'campaigner', 'organiser', 'organizer', 'candidate', 'superintendent', 'sheriff',
  'warden', 'treasurer', 'steward', 'foreman', 'supervisor', 'administrator', 'headteacher', 'principal',
  'dean', 'rector', 'prefect', 'magistrate', 'coroner', 'mediator', 'facilitator', 'rapporteur', 'monitor',
]) {
  ROLE_HEADS[word] = word;
}
Object.assign(ROLE_HEADS, {
  spokesman: 'spokesperson',
  spokeswoman: 'spokesperson',
  chairman: 'chair',
  chairwoman: 'chair',
  chairperson: 'chair',
  advisor: 'adviser',
  councilor: 'councillor',
  organizer: 'organiser',
  congresswoman: 'congressman',
});

/** Heads too general to tell two people apart: an envoy is also an official. */
const GENERIC_HEADS = new Set(['official', 'leader', 'head', 'representative', 'executive', 'chief', 'deputy', 'officer', 'member']);

/** The canonical head for a role noun, or undefined when the word is not a role. */
export function roleHead(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/[’']s$/, '');
  return ROLE_HEADS[lower] ?? (lower.endsWith('s') ? ROLE_HEADS[lower.slice(0, -1)] : undefined);
}

/** Whether a role head says something specific about who a person is. */
export function isSpecificRole(head: string): boolean {
  return !GENERIC_HEADS.has(head);
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
// Words that cannot modify a role noun: function words, pronouns, common verbs around names.
const STOP_BEFORE = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'by', 'with', 'to', 'from', 'said', 'says', 'told', 'tells', 'that', 'this',
  'his', 'her', 'their', 'its', 'our', 'my', 'your', 'for', 'on', 'in', 'at', 'of', 'as', 'was', 'is', 'were', 'are',
  'be', 'been', 'who', 'which', 'he', 'she', 'they', 'we', 'i', 'you', 'it', 'him', 'them', 'us', 'met', 'meets',
  'meet', 'called', 'named', 'asked', 'asks', 'thanked', 'praised', 'criticised', 'criticized', 'visited', 'joined',
  'became', 'becomes', 'replaced', 'appointed', 'sacked', 'fired', 'quoted', 'according', 'when', 'after', 'before',
  'while', 'then', 'also', 'not', 'has', 'have', 'had', 'will', 'would', 'can', 'could',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
const MAX_MODIFIERS = 3;

function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    let word = match[0];
    // A trailing full stop belongs to the sentence unless the word is an abbreviation such as "U.S.".
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word)) word = word.slice(0, -1);
    const end = Math.min(match.index + word.length, to);
    words.push({ text: text.slice(match.index, end), lower: word.toLowerCase(), start: match.index, end });
  }
  return words;
}

function sentenceStart(text: string, offset: number): number {
  const limit = Math.max(0, offset - 300);
  for (let i = offset - 1; i >= limit; i--) {
    const ch = text[i]!;
    if (ch === '\n') return i + 1;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ') && !/(?:\b\p{L}|No|Mr|Mrs|Ms|Dr|St)\.$/u.test(text.slice(Math.max(0, i - 3), i + 1))) return i + 1;
  }
  return limit;
}

function sentenceEnd(text: string, offset: number): number {
  const limit = Math.min(text.length, offset + 300);
  for (let i = offset; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '\n') return i;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) return i;
  }
  return limit;
}

/** A role phrase ending right at `words[index]`, read backwards over modifiers. */
function phraseEndingAt(words: Word[], index: number): Role | undefined {
  const headWord = words[index];
  if (!headWord) return undefined;
  const head = roleHead(headWord.lower);
  if (!head) return undefined;
  let first = index;
  // "prime minister", "U.S. envoy", "union's safety officer": up to three modifier words, stopping at
  // determiners, verbs of saying and other function words.
  while (first > 0 && index - first < MAX_MODIFIERS) {
    const previous = words[first - 1]!;
    if (STOP_BEFORE.has(previous.lower) || /^\p{N}/u.test(previous.lower) || (/ed$/.test(previous.lower) && previous.lower.length > 4)) break;
    if (previous.end + 2 < words[first]!.start) break;
    first--;
  }
  const phrase = words
    .slice(first, index + 1)
    .map((word) => word.lower)
    .join(' ');
  return { head, phrase, start: words[first]!.start, end: headWord.end };
}

/**
 * The roles written around a name at [start, end) of `text`, within its sentence: a title directly before
 * it ("Envoy X", "rescue coordinator X"), an appositive before ("a company spokesman, X") or after
 * ("X, the regional envoy for labour questions,"), and role words inside the span itself.
 */
export function rolesAround(text: string, start: number, end: number): Role[] {
  const roles: Role[] = [];
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, end);

  // Inside the span: a user may have tagged "Envoy Tobias Wendtner" whole.
  const inside = wordsIn(text, start, end);
  for (let i = 0; i < inside.length; i++) {
    if (roleHead(inside[i]!.lower)) {
      const role = phraseEndingAt(inside, i);
      if (role) roles.push(role);
    }
  }

  // Before: the last word before the name is a role head, joined by a space or by a comma (appositive).
  const before = wordsIn(text, from, start);
  const last = before[before.length - 1];
  if (last) {
    const gap = text.slice(last.end, start);
    if (/^\s*,?\s*$/.test(gap) && gap.length <= 3) {
      const role = phraseEndingAt(before, before.length - 1);
      if (role) roles.push(role);
    }
  }

  // After: ", the regional envoy for labour questions" / ", a company spokesman" / ", who is the envoy".
  const tail = text.slice(end, to);
  if (/^\s*,/.test(tail)) {
    const clauseEnd = end + (/^\s*,[^,;:()]*/.exec(tail)?.[0].length ?? 0);
    const after = wordsIn(text, end, clauseEnd);
    let i = 0;
    if (after[i]?.lower === 'who' && /^(?:is|was|has|had|serves|served|became|been)$/.test(after[i + 1]?.lower ?? '')) i += 2;
    if (after[i] && DETERMINERS.has(after[i]!.lower)) i++;
    for (let j = i; j < Math.min(after.length, i + MAX_MODIFIERS + 1); j++) {
      const word = after[j]!;
      if (roleHead(word.lower)) {
        // Keep the role noun's own modifiers but not the determiner.
        const phrase = after
          .slice(i, j + 1)
          .map((w) => w.lower)
          .join(' ');
        roles.push({ head: roleHead(word.lower)!, phrase, start: after[i]!.start, end: word.end });
        break;
      }
      if (STOP_BEFORE.has(word.lower)) break;
    }
  }
  return roles;
}
