/**
 * What the export dialog remembers in the `settings` table: the reviewer's name (a bundle's author, shared
 * with the review screens under the same key) and the ClaimReview publisher, so they are asked for once.
 */
import type { CrosscheckDatabase } from '../store/database';

import { REVIEWER_NAME_KEY } from '../store/decision-commands';
export const CLAIM_REVIEW_PUBLISHER_KEY = 'claimReviewPublisher';
/** A bundle's author when the reviewer has not given a name. */
export const DEFAULT_BUNDLE_AUTHOR = 'Crosscheck user';

export interface ClaimReviewPublisher {
  publisherName: string;
  pageUrl: string;
}

export interface ExportSettings {
  reviewerName: string;
  publisher: ClaimReviewPublisher;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads the remembered values; settings are free-form, so anything of the wrong shape reads as unset. */
export async function loadExportSettings(db: CrosscheckDatabase): Promise<ExportSettings> {
  const [reviewer, publisher] = await db.settings.bulkGet([REVIEWER_NAME_KEY, CLAIM_REVIEW_PUBLISHER_KEY]);
  const stored = (publisher?.value ?? {}) as Record<string, unknown>;
  return {
    reviewerName: text(reviewer?.value).trim(),
    publisher: { publisherName: text(stored.publisherName), pageUrl: text(stored.pageUrl) },
  };
}

/** The bundle author for a name as typed: the name, or the default when it is blank. */
export function bundleAuthor(reviewerName: string): string {
  return reviewerName.trim() || DEFAULT_BUNDLE_AUTHOR;
}

/**
 * Remembers the reviewer's name. A blank field leaves the stored name alone: the review screens sign
 * decisions with it, and clearing a field in the export dialog should not unsign them.
 */
export async function rememberReviewerName(db: CrosscheckDatabase, name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed) await db.settings.put({ key: REVIEWER_NAME_KEY, value: trimmed });
}

export async function rememberClaimReviewPublisher(db: CrosscheckDatabase, publisher: ClaimReviewPublisher): Promise<void> {
  await db.settings.put({ key: CLAIM_REVIEW_PUBLISHER_KEY, value: { publisherName: publisher.publisherName.trim(), pageUrl: publisher.pageUrl.trim() } });
}

/** Why a ClaimReview page address will not do, or undefined when it is a usable http(s) address. */
export function pageUrlProblem(pageUrl: string): string | undefined {
  if (pageUrl.trim() === '') return 'Give the address of the page that publishes these fact checks.';
  try {
    const url = new URL(pageUrl.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The page address must start with https://.';
  } catch {
    return 'The page address must be a full web address, such as https://example.org/fact-checks/ferry-strike.';
  }
  return undefined;
}
