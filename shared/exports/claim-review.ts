/**
 * schema.org ClaimReview JSON-LD for every claim with a verdict (supported, refuted, disputed), as Google
 * Search documents it for fact checks. Required there: claimReviewed, reviewRating (with alternateName, the
 * verdict in words) and url (the page publishing the fact check, on the publisher's own domain). Recommended:
 * author (the fact-checking organisation), datePublished, itemReviewed as a Claim (with its author,
 * datePublished, appearance and firstAppearance) and, on the Rating, ratingValue, bestRating, worstRating
 * and name. All are written when the library knows them; a claim's author is left out when no speaker was
 * tagged rather than guessed.
 */
import type { Annotation, ClaimStatus, Entity, SourceDocument } from '../model';
import type { ExportLibrary } from './export-input';

export type Verdict = Exclude<ClaimStatus, 'unverified'>;

export interface ClaimReviewOptions {
  /**
   * The page that publishes these fact checks. Each ClaimReview's url is this page with an anchor per claim
   * (`#claim-<id>`), which Google accepts as the page's own address.
   */
  pageUrl: string;
  /** The fact-checking organisation. */
  publisher: { name: string; url?: string };
  /** ISO date the fact checks are published; by default each verdict's date (the annotation's last change). */
  datePublished?: string;
  /** Verdicts in words, shown in search results; defaults in DEFAULT_VERDICT_LABELS. */
  verdictLabels?: Partial<Record<Verdict, string>>;
}

/** The rating scale, worst to best; documented here as Google asks for numeric ratings. */
export const VERDICT_SCALE: Record<Verdict, number> = { refuted: 1, disputed: 2, supported: 3 };
export const DEFAULT_VERDICT_LABELS: Record<Verdict, string> = { refuted: 'False', disputed: 'Disputed', supported: 'True' };

interface Thing {
  '@type': string;
  name?: string;
  url?: string;
}

export interface CreativeWorkJsonLd {
  '@type': 'CreativeWork';
  headline: string;
  url?: string;
  datePublished?: string;
  author?: Thing;
  publisher?: Thing;
}

export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: Thing;
  reviewRating: {
    '@type': 'Rating';
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
    name: string;
  };
  reviewBody?: string;
  itemReviewed: {
    '@type': 'Claim';
    author?: Thing;
    datePublished?: string;
    appearance: CreativeWorkJsonLd[];
    firstAppearance: CreativeWorkJsonLd;
  };
}

function isVerdict(status: ClaimStatus): status is Verdict {
  return status !== 'unverified';
}

function speakerOf(entity: Entity): Thing {
  return { '@type': entity.type === 'person' ? 'Person' : 'Organization', name: entity.name };
}

function creativeWork(document: SourceDocument): CreativeWorkJsonLd {
  return {
    '@type': 'CreativeWork',
    headline: document.title,
    ...(document.url ? { url: document.url } : {}),
    ...(document.publishedAt ? { datePublished: document.publishedAt.slice(0, 10) } : {}),
    ...(document.author ? { author: { '@type': 'Person', name: document.author } } : {}),
    ...(document.outlet ? { publisher: { '@type': 'Organization', name: document.outlet } } : {}),
  };
}

/** Claims joined by `same-as` links are one claim appearing in several documents. */
function sameClaims(claim: Annotation, library: ExportLibrary, claims: ReadonlyMap<string, Annotation>): Annotation[] {
  const group = new Map([[claim.id, claim]]);
  const queue = [claim.id];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const link of library.links) {
      if (link.relation !== 'same-as') continue;
      const other = link.fromId === id ? link.toId : link.toId === id ? link.fromId : undefined;
      const annotation = other === undefined ? undefined : claims.get(other);
      if (annotation && !group.has(annotation.id)) {
        group.set(annotation.id, annotation);
        queue.push(annotation.id);
      }
    }
  }
  return [...group.values()];
}

function earliest(documents: readonly SourceDocument[]): SourceDocument {
  // Undated documents count as later than dated ones; ties keep the given order (the reviewed claim first).
  return documents.reduce((best, document) => {
    if (!document.publishedAt) return best;
    if (!best.publishedAt || document.publishedAt.slice(0, 10) < best.publishedAt.slice(0, 10)) return document;
    return best;
  });
}

/** A ClaimReview for each claim in `library` whose status is a verdict, in document order. */
export function exportClaimReviews(library: ExportLibrary, options: ClaimReviewOptions): ClaimReviewJsonLd[] {
  const documents = new Map(library.documents.map((document) => [document.id, document]));
  const entities = new Map(library.entities.map((entity) => [entity.id, entity]));
  const claims = new Map(library.annotations.filter((annotation) => annotation.kind === 'claim').map((annotation) => [annotation.id, annotation]));
  const labels = { ...DEFAULT_VERDICT_LABELS, ...options.verdictLabels };
  const page = options.pageUrl.replace(/#.*$/, '');
  const scale = Object.values(VERDICT_SCALE);
  const reviews: ClaimReviewJsonLd[] = [];
  const reviewed = [...claims.values()]
    .filter((claim) => isVerdict(claim.status) && documents.has(claim.documentId))
    .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start));
  for (const claim of reviewed) {
    const verdict = claim.status as Verdict;
    const appearances = [
      ...new Map(
        sameClaims(claim, library, claims)
          .map((annotation) => documents.get(annotation.documentId))
          .filter((document): document is SourceDocument => document !== undefined)
          .map((document) => [document.id, document]),
      ).values(),
    ];
    const first = earliest(appearances);
    const speaker = claim.speaker ? entities.get(claim.speaker) : undefined;
    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${page}#claim-${encodeURIComponent(claim.id)}`,
      claimReviewed: claim.quote.replace(/\s+/g, ' ').trim(),
      datePublished: (options.datePublished ?? claim.updatedAt).slice(0, 10),
      author: { '@type': 'Organization', name: options.publisher.name, ...(options.publisher.url ? { url: options.publisher.url } : {}) },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: VERDICT_SCALE[verdict],
        bestRating: Math.max(...scale),
        worstRating: Math.min(...scale),
        alternateName: labels[verdict],
        name: labels[verdict],
      },
      ...(claim.note ? { reviewBody: claim.note } : {}),
      itemReviewed: {
        '@type': 'Claim',
        ...(speaker ? { author: speakerOf(speaker) } : {}),
        ...(first.publishedAt ? { datePublished: first.publishedAt.slice(0, 10) } : {}),
        appearance: appearances.map(creativeWork),
        firstAppearance: creativeWork(first),
      },
    });
  }
  return reviews;
}

/** One JSON-LD file holding every ClaimReview (a JSON-LD document may be an array of nodes). */
export function claimReviewsJson(reviews: readonly ClaimReviewJsonLd[]): string {
  return `${JSON.stringify(reviews, null, 2)}\n`;
}
