/**
 * The one error a bundle can raise, on reading or on writing. Its message is for the person importing:
 * what is wrong with the file and what to do about it. The code lets the UI choose an icon or a help link.
 */

export type BundleErrorCode =
  /** The file is bigger than Crosscheck opens, or unpacks to too much (a zip bomb, or a broken archive). */
  | 'too-large'
  /** The bytes are not a zip archive at all. */
  | 'not-a-zip'
  /** A zip archive, but without a Crosscheck manifest. */
  | 'not-a-bundle'
  /** Made by a newer Crosscheck, with a format this version does not know. */
  | 'newer-format'
  /** An entry whose name could write outside a folder (absolute, `..`, backslashes) or appears twice. */
  | 'unsafe-entry'
  /** A part listed in the manifest is not in the archive. */
  | 'missing-part'
  /** A part's bytes differ from what the manifest promises (checksum, size, encoding, compression). */
  | 'damaged'
  /** Records that do not fit the format (wrong types, missing fields). */
  | 'invalid-records'
  /** Records that fit the format but not each other (offsets outside texts, quotes, dangling references). */
  | 'inconsistent-records';

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

/** "Nothing was imported." is said by the reader; a writer's caller words its own consequence. */
export const NOTHING_IMPORTED = 'Nothing was imported.';

/** At most `limit` examples, then "and N more", for messages that list problems. */
export function listExamples(examples: readonly string[], total: number, limit = 5): string {
  const shown = examples.slice(0, limit).map((example) => `  • ${example}`);
  if (total > shown.length) shown.push(`  • and ${(total - shown.length).toLocaleString('en-US')} more`);
  return shown.join('\n');
}
