/**
 * What the bundle fuzz properties require of readBundle's answer: a refusal that is a BundleError with a
 * clear message, or a bundle that the writer accepts again and that reads back unchanged.
 */
import { expect } from 'vitest';
import { BundleError, type BundleErrorCode } from '../../../shared/bundles/bundle-error';
import { RECORD_KEYS, RECORD_TYPES, type BundleContents, type ParsedBundle, type RecordType } from '../../../shared/bundles/bundle-format';
import { readBundle, type ReadBundleOptions } from '../../../shared/bundles/read-bundle';
import { writeBundle } from '../../../shared/bundles/write-bundle';
import type { ZipLimits } from '../../../shared/bundles/zip-archive';
import { expectClearMessage } from './clear-message';
import { withinTime } from './fuzz-run';

const CODES: readonly BundleErrorCode[] = ['too-large', 'not-a-zip', 'not-a-bundle', 'newer-format', 'unsafe-entry', 'missing-part', 'damaged', 'invalid-records', 'inconsistent-records'];

/** Generous for a bundle of a few kilobytes on a loaded 2-core machine; a runaway loop takes far longer. */
export const READ_LIMIT_MS = 3000;

export type ReadOutcome = { bundle: ParsedBundle } | { error: unknown };

export async function readOutcome(bytes: Uint8Array, limits?: Partial<ZipLimits>): Promise<ReadOutcome> {
  const options: ReadBundleOptions = limits ? { limits } : {};
  return withinTime(READ_LIMIT_MS, `readBundle on ${bytes.length} bytes`, () =>
    readBundle(bytes, options).then(
      (bundle) => ({ bundle }),
      (error: unknown) => ({ error }),
    ),
  );
}

/** A refusal a person can act on: a BundleError with a known code that says nothing was imported. */
export function expectRefusal(error: unknown, codes?: readonly BundleErrorCode[]): void {
  expectClearMessage(error, BundleError, 'readBundle');
  const { code, message } = error as BundleError;
  expect(CODES, message).toContain(code);
  expect(message, 'a refusal says what happened to the library').toContain('Nothing was imported.');
  if (codes) expect(codes, `refused as ${code}: ${message}`).toContain(code);
}

function byKey(type: RecordType, records: readonly unknown[]): unknown[] {
  const key = RECORD_KEYS[type] as (record: unknown) => string;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The same records, whatever their order in the file. */
export function expectSameContents(actual: BundleContents, expected: BundleContents): void {
  for (const type of RECORD_TYPES) expect(byKey(type, actual[type]), type).toEqual(byKey(type, expected[type]));
}

/**
 * An accepted bundle keeps the writer's promises: its counts are what it holds, and the writer, which runs
 * every check it runs itself, accepts its records as they are.
 */
export async function expectSound(bundle: ParsedBundle): Promise<void> {
  for (const type of RECORD_TYPES) expect(bundle.contents[type].length, `${type} against the manifest's count`).toBe(bundle.manifest.counts[type]);
  await writeBundle(bundle.contents, { appVersion: '0.1.0', createdBy: 'Fuzz', createdAt: '2025-03-08T00:00:00.000Z' }, { level: 0 });
}
