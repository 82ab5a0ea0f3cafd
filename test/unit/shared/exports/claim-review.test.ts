import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleContents } from '../../../../shared/bundles/bundle-format';
import { exportClaimReviews, type ClaimReviewJsonLd } from '../../../../shared/exports/claim-review';
import { ferryStrikeLibrary, IDS } from '../../../fixtures/bundles/ferry-strike';

const OPTIONS = { pageUrl: 'https://checks.example/2025/ferry-strike', publisher: { name: 'Skarra Fact Desk', url: 'https://checks.example' } };

let library: BundleContents;
let reviews: ClaimReviewJsonLd[];
beforeAll(async () => {
  library = await ferryStrikeLibrary();
  reviews = exportClaimReviews(library, OPTIONS);
});

function reviewOf(quote: string): ClaimReviewJsonLd {
  return reviews.find((review) => review.claimReviewed === quote)!;
}

describe('exportClaimReviews', () => {
  it('writes one ClaimReview per claim with a verdict, none for unverified claims', () => {
    expect(reviews.map((review) => review.claimReviewed).sort()).toEqual(['The talks have collapsed', 'a deal was close', 'talks "have not collapsed"'].sort());
  });

  it('has every property Google requires: claimReviewed, reviewRating with alternateName, url on the page', () => {
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.claimReviewed.length).toBeGreaterThan(0);
      expect(review.reviewRating['@type']).toBe('Rating');
      expect(review.reviewRating.alternateName.length).toBeGreaterThan(0);
      expect(new URL(review.url).origin + new URL(review.url).pathname).toBe(OPTIONS.pageUrl);
      expect(new URL(review.url).hash).toMatch(/^#claim-/);
    }
    expect(new Set(reviews.map((review) => review.url)).size).toBe(reviews.length);
  });

  it('has the recommended properties: author, datePublished, itemReviewed as a Claim, and a documented numeric scale', () => {
    const refuted = reviewOf('The talks have collapsed');
    expect(refuted.author).toEqual({ '@type': 'Organization', name: 'Skarra Fact Desk', url: 'https://checks.example' });
    expect(refuted.datePublished).toBe('2025-03-06');
    expect(refuted.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 1, bestRating: 3, worstRating: 1, alternateName: 'False', name: 'False' });
    expect(refuted.reviewBody).toBe('Both sides met again on Thursday.');
    expect(refuted.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Mara Lindqvist' },
      datePublished: '2025-03-04',
      appearance: [expect.objectContaining({ '@type': 'CreativeWork', url: 'https://ledger.example/2025/03/04/ferry-strike', headline: 'Ferry crews walk out at Port Veyra' })],
      firstAppearance: expect.objectContaining({ url: 'https://ledger.example/2025/03/04/ferry-strike', datePublished: '2025-03-04', author: { '@type': 'Person', name: 'Petra Okafor' }, publisher: { '@type': 'Organization', name: 'Coastal Ledger' } }),
    });
    expect(reviewOf('talks "have not collapsed"').reviewRating).toMatchObject({ ratingValue: 3, alternateName: 'True' });
    expect(reviewOf('a deal was close').reviewRating).toMatchObject({ ratingValue: 2, alternateName: 'Disputed' });
  });

  it('names an organisation that made the claim as an Organization', () => {
    expect(reviewOf('a deal was close').itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Veyra Ferry Company' });
  });

  it('lists every document a claim appears in (claims joined by same-as links), the earliest as first appearance', () => {
    const joined = structuredClone(library);
    joined.links.push({ id: 'same-claim', fromId: IDS.talksNotCollapsed, toId: IDS.dealClose, relation: 'same-as', author: 'Ines', createdAt: '2025-03-06T11:00:00.000Z' });
    const review = exportClaimReviews(joined, OPTIONS).find((item) => item.claimReviewed === 'talks "have not collapsed"')!;
    expect(review.itemReviewed.appearance.map((work) => work.headline).sort()).toEqual(['Ferry crews walk out at Port Veyra', 'Strike idles 28 ferries, operator says']);
    expect(review.itemReviewed.firstAppearance.headline).toBe('Ferry crews walk out at Port Veyra');
    expect(review.itemReviewed.datePublished).toBe('2025-03-04');
  });

  it('uses the newsroom’s own verdict words and publication date when given', () => {
    const custom = exportClaimReviews(library, { ...OPTIONS, datePublished: '2025-03-10', verdictLabels: { refuted: 'Incorrect' } });
    const refuted = custom.find((review) => review.reviewRating.ratingValue === 1)!;
    expect(refuted.reviewRating.alternateName).toBe('Incorrect');
    expect(refuted.datePublished).toBe('2025-03-10');
  });
});
