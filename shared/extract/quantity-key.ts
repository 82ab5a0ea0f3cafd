/**
 * The normalised key of a counted quantity: the counted noun's lemma plus its state qualifiers, sorted
 * (`miner|trapped`, `hostage|live`). Synonymous states share one qualifier ("died", "killed", "deceased"
 * are all `dead`), so two articles that say it differently are compared; differing states are different keys.
 */

// State words of news counts, by lowercase word and by lemma. General vocabulary, not tied to any story.
const QUALIFIER_OF: Record<string, string> = {
  live: 'live', alive: 'live', living: 'live', surviving: 'live',
  dead: 'dead', deceased: 'dead', die: 'dead', died: 'dead', killed: 'dead', kill: 'dead', perished: 'dead',
  perish: 'dead',
  injured: 'injured', injure: 'injured', wounded: 'injured', wound: 'injured', hurt: 'injured',
  missing: 'missing', unaccounted: 'missing',
  trapped: 'trapped', trap: 'trapped', stranded: 'trapped', strand: 'trapped',
  rescued: 'rescued', rescue: 'rescued', saved: 'rescued',
  evacuated: 'evacuated', evacuate: 'evacuated',
  released: 'released', release: 'released', freed: 'released', free: 'released',
  remaining: 'remaining', remain: 'remaining',
  displaced: 'displaced', displace: 'displaced',
  arrested: 'detained', arrest: 'detained', detained: 'detained', detain: 'detained', jailed: 'detained',
  imprisoned: 'detained',
  // Hostages "still held" are the ones that remain.
  held: 'remaining', hold: 'remaining', captive: 'remaining',
  kidnapped: 'abducted', kidnap: 'abducted', abducted: 'abducted', abduct: 'abducted', seized: 'abducted',
  seize: 'abducted',
  hospitalised: 'hospitalised', hospitalized: 'hospitalised', hospitalise: 'hospitalised', hospitalize: 'hospitalised',
  infected: 'infected', infect: 'infected',
  recovered: 'recovered', recover: 'recovered',
  confirmed: '', // "14 confirmed deaths" is the same count as "14 deaths"
};

/** The canonical qualifier for a word or lemma ("died" → "dead"), or undefined when it is not a state. */
export function qualifierOf(word: string): string | undefined {
  const qualifier = QUALIFIER_OF[word.toLowerCase()];
  return qualifier === '' ? undefined : qualifier;
}

/**
 * The qualifier a verb form expresses, also when the tagger reads it as a noun ("killing", "trapping"):
 * tries the word, its lemma and the stems of -ing and -ed forms.
 */
export function qualifierOfVerbForm(word: string, lemma = word): string | undefined {
  const lower = word.toLowerCase();
  for (const candidate of [lower, lemma.toLowerCase()]) {
    const direct = qualifierOf(candidate);
    if (direct) return direct;
  }
  const stem = /^(.+?)(?:ing|ed)$/.exec(lower)?.[1];
  if (!stem) return undefined;
  return qualifierOf(stem) ?? qualifierOf(`${stem}e`) ?? (/(.)\1$/.test(stem) ? qualifierOf(stem.slice(0, -1)) : undefined);
}

/** Builds the key from a counted noun's lemma and qualifiers: lowercase, qualifiers sorted and unique. */
export function quantityKey(noun: string, qualifiers: readonly string[]): string {
  const unique = [...new Set(qualifiers.map((q) => q.toLowerCase()).filter(Boolean))].sort();
  return [noun.toLowerCase(), ...unique].join('|');
}

/** Splits a key back into its noun and qualifiers. */
export function parseQuantityKey(key: string): { noun: string; qualifiers: string[] } {
  const [noun = '', ...qualifiers] = key.split('|');
  return { noun, qualifiers };
}

/** "trapped miners", "miners", "hostages who are live": how to say a key in a sentence. */
export function describeQuantityKey(key: string): string {
  const { noun, qualifiers } = parseQuantityKey(key);
  const plural = pluralOf(noun);
  if (qualifiers.length === 0) return plural;
  const words = qualifiers.map((q) => (q === 'remaining' ? 'remaining' : q === 'live' ? 'living' : q));
  return `${words.join(' ')} ${plural}`;
}

function pluralOf(noun: string): string {
  if (noun === 'person') return 'people';
  if (noun === 'child') return 'children';
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:man)$/.test(noun)) return `${noun.slice(0, -3)}men`;
  return `${noun}s`;
}
