/**
 * A deterministic, seeded generator of fictional news corpora for benchmarks: stories (a place, an
 * organisation, people with roles, counted quantities, an event with a date) told by several articles each,
 * with the variations the engine looks for: misspelt names, differing figures and dates, denied statements.
 * Every article comes with the extraction the engine would get for it, with exact offsets, so detection can
 * be measured apart from the (slower) tagger.
 */
import type { EngineDocument } from '../../shared/detect/contradiction-engine';
import type { DocumentExtraction } from '../../shared/extract/extract-document';
import type { EntityMention } from '../../shared/extract/entities';
import type { QuantityMention } from '../../shared/extract/quantities';
import type { ClaimMention } from '../../shared/extract/claims';
import type { EventMention } from '../../shared/extract/events';

/** mulberry32: a small seeded PRNG, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'dr', 'gr', 'kl', 'st', 'tr', 'sh', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', 'n', 'r', 'l', 's', 'k', 'm', 't', 'nd', 'rt', 'st'];
const SURNAME_ENDINGS = ['ner', 'koff', 'sen', 'ova', 'ez', 'ard', 'ini', 'berg', 'ski', 'wood', 'ley', 'man', 'ic', 'oglu', 'ton'];
const ROLES = ['envoy', 'spokesman', 'rescue coordinator', 'mayor', 'minister', 'union leader', 'chief engineer', 'prosecutor', 'doctor', 'ambassador'];
const PLACE_SUFFIXES = ['Creek', 'Valley', 'Harbour', 'Bay', 'Crossing', 'Springs'];
const ORG_SUFFIXES = ['Mining Company', 'Transit Authority', 'Workers Union', 'Energy Group', 'Water Board', 'Relief Agency'];
const QUANTITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['miner', 'trapped', 'miners are still trapped'],
  ['worker', 'injured', 'workers were injured'],
  ['person', 'dead', 'people died'],
  ['hostage', 'released', 'hostages were released'],
  ['family', 'displaced', 'families were displaced'],
  ['miner', 'rescued', 'miners were rescued'],
  ['passenger', 'missing', 'passengers are missing'],
];
const EVENTS = ['collapse', 'explosion', 'flood', 'fire', 'derailment', 'strike'];
const CLAIM_SUBJECTS = ['talks', 'shaft', 'dam', 'bridge', 'inquiry', 'ceasefire'];
const CLAIM_VERBS: ReadonlyArray<readonly [string, string, string]> = [
  ['collapse', 'have collapsed', 'have not collapsed'],
  ['inspect', 'was inspected', 'was never inspected'],
  ['approve', 'was approved', 'was not approved'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Person {
  first: string;
  last: string;
  role: string;
}

interface Story {
  index: number;
  place: string;
  organisation: string;
  people: Person[];
  quantities: Array<{ noun: string; qualifier: string; phrase: string; value: number }>;
  event: string;
  eventDate: Date;
  claim: { subject: string; predicate: string; affirmed: string; denied: string };
}

export interface GeneratedArticle {
  document: EngineDocument;
  extraction: DocumentExtraction;
}

export interface CorpusOptions {
  seed?: number;
  /** Articles per story, on average. */
  articlesPerStory?: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syllable(random: () => number): string {
  return pick(random, ONSETS) + pick(random, VOWELS) + pick(random, CODAS);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A misspelling like a mistranslation makes: the opening kept, the rest changed. */
function misspell(random: () => number, name: string): string {
  const keep = Math.max(3, Math.floor(name.length / 2));
  const tail = name.slice(keep);
  const swapped = tail.replace(/[aeiou]/, (v) => pick(random, ['a', 'e', 'i', 'o', 'u'].filter((x) => x !== v)));
  return name.slice(0, keep) + (swapped === tail ? `${tail}e` : swapped);
}

class ArticleWriter {
  text = '';
  readonly entities: EntityMention[] = [];
  readonly quantities: QuantityMention[] = [];
  readonly events: EventMention[] = [];
  readonly claims: ClaimMention[] = [];

  write(chunk: string): number {
    const start = this.text.length;
    this.text += chunk;
    return start;
  }

  entity(name: string, type: EntityMention['type'], role?: { phrase: string; start: number }): void {
    const start = this.write(name);
    const roles = role ? [{ head: role.phrase.split(' ').pop()!.replace('spokesman', 'spokesperson'), phrase: role.phrase, start: role.start, end: role.start + role.phrase.length }] : [];
    this.entities.push({ start, end: start + name.length, quote: name, name, type, roles });
  }
}

/** Generates `count` articles, deterministically for a given seed. */
export function generateCorpus(count: number, options: CorpusOptions = {}): GeneratedArticle[] {
  const random = seededRandom(options.seed ?? 42);
  const perStory = options.articlesPerStory ?? 8;
  const firstNames = Array.from({ length: 300 }, () => capitalise(syllable(random) + (random() < 0.5 ? syllable(random) : '')));
  const stories: Story[] = [];
  const articles: GeneratedArticle[] = [];
  const storyCount = Math.max(1, Math.round(count / perStory));

  for (let s = 0; s < storyCount; s++) {
    const people: Person[] = [];
    for (let p = 0; p < 4; p++) {
      // Now and then two people in a story share a first name.
      const first = p === 1 && random() < 0.2 ? people[0]!.first : pick(random, firstNames);
      people.push({ first, last: capitalise(syllable(random) + pick(random, SURNAME_ENDINGS)), role: ROLES[(s + p * 3) % ROLES.length]! });
    }
    const claimVerb = pick(random, CLAIM_VERBS);
    stories.push({
      index: s,
      place: `${capitalise(syllable(random))}${syllable(random)} ${pick(random, PLACE_SUFFIXES)}`,
      organisation: `${capitalise(syllable(random) + syllable(random))} ${pick(random, ORG_SUFFIXES)}`,
      people,
      quantities: ((): Story['quantities'] => {
        // Two different figures per story.
        const firstIndex = Math.floor(random() * QUANTITIES.length);
        const secondIndex = (firstIndex + 1 + Math.floor(random() * (QUANTITIES.length - 1))) % QUANTITIES.length;
        return [firstIndex, secondIndex].map((index) => {
          const [noun, qualifier, phrase] = QUANTITIES[index]!;
          return { noun, qualifier, phrase, value: 2 + Math.floor(random() * 200) };
        });
      })(),
      event: pick(random, EVENTS),
      eventDate: new Date(Date.UTC(2020 + Math.floor(random() * 5), Math.floor(random() * 12), 1 + Math.floor(random() * 27))),
      claim: { subject: pick(random, CLAIM_SUBJECTS), predicate: claimVerb[0], affirmed: claimVerb[1], denied: claimVerb[2] },
    });
  }

  for (let i = 0; i < count; i++) {
    const story = stories[i % storyCount]!;
    const published = new Date(story.eventDate.getTime() + (1 + Math.floor(random() * 4)) * 86_400_000);
    const writer = new ArticleWriter();
    const eventDate = random() < 0.1 ? new Date(story.eventDate.getTime() + 86_400_000) : story.eventDate;
    const spokenEvent = `${MONTHS[eventDate.getUTCMonth()]} ${eventDate.getUTCDate()}`;

    writer.write(`${story.place} ${story.event} leaves ${story.quantities[0]!.noun}s waiting\n\n`);
    writer.entity(story.place.split(' ')[0]!.toUpperCase(), 'place');
    writer.write(`, ${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()} (Bench Wire) — `);
    for (const quantity of story.quantities) {
      const value = random() < 0.1 ? quantity.value + 1 + Math.floor(random() * 20) : quantity.value;
      const phrase = `${value} ${quantity.phrase}`;
      const start = writer.write(phrase);
      writer.quantities.push({
        start,
        end: start + phrase.length,
        quote: phrase,
        value,
        approximation: 'exact',
        noun: quantity.noun,
        qualifiers: [quantity.qualifier],
        key: `${quantity.noun}|${quantity.qualifier}`,
        asOf: isoDay(published),
        asOfSource: 'document',
      });
      writer.write(quantity === story.quantities[0] ? ' and ' : ' ');
    }
    const eventStart = writer.write(`after the ${story.event} on ${spokenEvent}`);
    const eventQuote = `${story.event} on ${spokenEvent}`;
    writer.events.push({ event: story.event, date: isoDay(eventDate), precision: 'day', start: eventStart + 10, end: eventStart + 10 + eventQuote.length, quote: eventQuote });
    writer.write(' near ');
    writer.entity(story.place, 'place');
    writer.write('.\n\n');

    // Two or three of the story's people speak in each article; one may be misspelt.
    const speakers = story.people.filter((_, p) => p === 0 || random() < 0.6);
    for (const person of speakers) {
      const last = random() < 0.04 ? misspell(random, person.last) : person.last;
      const roleStart = writer.write(`${capitalise(person.role)} `);
      writer.entity(`${person.first} ${last}`, 'person', { phrase: person.role, start: roleStart });
      writer.write(' said the ');
      writer.entity(story.organisation, 'organization');
      writer.write(` would answer for the ${story.event}. `);
      writer.entity(last, 'person');
      writer.write(' spoke to reporters.\n\n');
    }

    const denied = random() < 0.15;
    const statement = `the ${story.claim.subject} ${denied ? story.claim.denied : story.claim.affirmed}`;
    const claimStart = writer.write(statement);
    writer.claims.push({
      start: claimStart,
      end: claimStart + statement.length,
      quote: statement,
      subject: story.claim.subject.replace(/s$/, ''),
      modifiers: [],
      predicate: story.claim.predicate,
      polarity: denied ? 'denied' : 'affirmed',
      key: `${story.claim.subject.replace(/s$/, '')}|${story.claim.predicate}`,
    });
    writer.write(', officials said.');

    const id = `bench-${String(i).padStart(6, '0')}`;
    articles.push({
      document: { id, title: `Story ${story.index}, article ${i}`, text: writer.text, publishedAt: isoDay(published) },
      extraction: {
        documentId: id,
        documentDate: { date: isoDay(published), source: 'metadata' },
        entities: writer.entities,
        quantities: writer.quantities,
        dates: [],
        events: writer.events,
        claims: writer.claims,
      },
    });
  }
  return articles;
}

/** How many annotations (entity, quantity and claim mentions) the extractions hold. */
export function annotationCount(articles: readonly GeneratedArticle[]): number {
  return articles.reduce((sum, { extraction }) => sum + extraction.entities.length + extraction.quantities.length + extraction.claims.length, 0);
}
