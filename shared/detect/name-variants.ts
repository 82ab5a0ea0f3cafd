/**
 * Name variants: one resolved person or organisation written with different spellings across documents
 * ("Tobias Wendtner" / "Tobias Vantner"). Spellings that are only shorter or longer forms of each other
 * ("Wendtner", "Brask Mining") are consistent, not variants; case and diacritics do not count either.
 * The spelling used by fewer documents is the suspect.
 */
import type { ResolvedCluster, ResolvedForm, ResolverMention } from '../resolve/entity-resolver';
import { byPosition, contradictionId, roundScore, tidyEvidence, type Contradiction, type Evidence, type NameForm, toEvidence } from './contradiction';
import { spokenList } from './plain-words';
import { nameKey } from '../text/name-key';

interface SpellingClass {
  /** The fullest spelling, for display. */
  name: string;
  forms: ResolvedForm[];
  documents: Map<string, ResolverMention[]>;
  mentions: number;
}

const MAX_SUSPECT_EVIDENCE = 20;
const MAX_EXPECTED_EVIDENCE = 3;

function plainTokens(form: ResolvedForm): string[] {
  return form.parts.tokens.map((token) => token.plain);
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  return small.length < large.length && small.every((word) => large.includes(word));
}

/** Groups a cluster's spellings into classes of mutually consistent spellings. */
function spellingClasses(cluster: ResolvedCluster): SpellingClass[] {
  const forms = cluster.forms;
  const tokens = new Map(forms.map((form) => [form.key, plainTokens(form)]));
  const full = forms.filter((form) => !forms.some((other) => other !== form && isSubset(tokens.get(form.key)!, tokens.get(other.key)!)));
  const classes: SpellingClass[] = [];
  const classOfJoined = new Map<string, SpellingClass>();
  for (const form of full) {
    // "Kim Jong-un" and "Kim Jong Un" are one spelling, split differently.
    const joined = tokens.get(form.key)!.join('');
    let spelling = classOfJoined.get(joined);
    if (!spelling) {
      spelling = { name: form.name, forms: [], documents: new Map(), mentions: 0 };
      classOfJoined.set(joined, spelling);
      classes.push(spelling);
    }
    spelling.forms.push(form);
  }
  for (const form of forms) {
    if (full.includes(form)) continue;
    const words = tokens.get(form.key)!;
    const owners = classes.filter((spelling) => spelling.forms.some((f) => isSubset(words, tokens.get(f.key)!)));
    // A short form shared by several spellings ("Tobias") tells nothing about which is used.
    if (owners.length === 1) owners[0]!.forms.push(form);
  }
  for (const spelling of classes) {
    for (const form of spelling.forms) {
      for (const referent of form.referents) {
        const list = spelling.documents.get(referent.documentId) ?? [];
        list.push(...referent.mentions);
        spelling.documents.set(referent.documentId, list);
        spelling.mentions += referent.mentions.length;
      }
    }
  }
  return classes.filter((spelling) => spelling.documents.size > 0);
}

function nameForm(spelling: SpellingClass): NameForm {
  const documents = [...spelling.documents.entries()]
    .map(([documentId, mentions]) => ({ documentId, mentions: mentions.length }))
    .sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  return { name: spelling.name, documents, mentions: spelling.mentions };
}

function firstMentions(spelling: SpellingClass, limit: number): Evidence[] {
  return [...spelling.documents.keys()]
    .sort()
    .slice(0, limit)
    .map((documentId) => {
      const mentions = [...spelling.documents.get(documentId)!].sort((a, b) => a.start - b.start);
      return toEvidence(mentions[0]!);
    })
    .sort(byPosition);
}

function documentsPhrase(count: number): string {
  return count === 1 ? '1 document' : `${count} documents`;
}

/** The name-variant contradictions of one resolved cluster (none when it is spelled one way). */
export function detectNameVariants(cluster: ResolvedCluster, knownMisspellings: ReadonlySet<string> = new Set()): Contradiction[] {
  if ((cluster.type !== 'person' && cluster.type !== 'organization') || cluster.forms.length < 2) return [];
  // A spelling a reviewer recorded as a misspelling of the entity is explained, not a new finding.
  const classes = spellingClasses(cluster).filter(
    (spelling) => !knownMisspellings.has(nameKey(spelling.name)) && !spelling.forms.every((form) => knownMisspellings.has(nameKey(form.name))),
  );
  if (classes.length < 2) return [];
  classes.sort((a, b) => b.documents.size - a.documents.size || b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  const expected = classes[0]!;
  const forms = classes.map(nameForm);
  const entity = cluster.type === 'person' ? 'person' : 'organisation';
  const contradictions: Contradiction[] = [];

  for (const variant of classes.slice(1)) {
    // Documents decide which spelling is usual; one article repeating a name does not.
    const tie = variant.documents.size === expected.documents.size;
    const variantKeys = new Set(variant.forms.map((form) => form.key));
    const expectedKeys = new Set(expected.forms.map((form) => form.key));
    // Reasons from the links that tie this spelling to the cluster, the direct ones first.
    const touching = cluster.links.filter((link) => variantKeys.has(link.from) || variantKeys.has(link.to));
    const direct = touching.filter((link) => expectedKeys.has(link.from) || expectedKeys.has(link.to));
    const chosen = direct.length > 0 ? direct : touching;
    const reasons = [...new Set(chosen.flatMap((link) => link.reasons))].filter((reason) => !/\bdiffer\b/.test(reason));
    const linkScore = chosen.length > 0 ? Math.max(...chosen.map((link) => link.score)) : 0.8;
    // Tied by a user, it is certain; matched by the resolver, it stays a suggestion to check.
    const byUser = chosen.some((link) => link.source === 'user');
    const score = roundScore(Math.min(byUser ? 1 : 0.97, linkScore) * (tie ? 0.9 : 1));

    const evidence = tidyEvidence([...firstMentions(variant, MAX_SUSPECT_EVIDENCE), ...firstMentions(expected, MAX_EXPECTED_EVIDENCE)]);
    const why = reasons.length > 0 ? `: ${spokenList(reasons.slice(0, 3))}` : '';
    const explanation = tie
      ? `“${variant.name}” and “${expected.name}”, each used in ${documentsPhrase(variant.documents.size)}, look like two spellings of the same ${entity}, so check which one is right${why}.`
      : `“${variant.name}” (${documentsPhrase(variant.documents.size)}) looks like a misspelling of “${expected.name}” (${documentsPhrase(expected.documents.size)}), the same ${entity}${why}.`;
    contradictions.push({
      id: contradictionId('name-variant', evidence),
      kind: 'name-variant',
      score,
      explanation,
      evidence,
      details: {
        entityType: cluster.type,
        forms,
        expected: expected.name,
        ...(tie ? {} : { suspect: variant.name }),
        reasons,
      },
    });
  }
  return contradictions;
}
