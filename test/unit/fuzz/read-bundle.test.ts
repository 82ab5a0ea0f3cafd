/**
 * Fuzzing the bundle reader: random bytes, random archives, and valid bundles (made by the real writer
 * from generated libraries) damaged at every level. readBundle must answer every one, quickly, with either
 * a bundle that keeps the writer's promises or a BundleError that explains itself.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { MANIFEST_FILE, PART_FILES } from '../../../shared/bundles/bundle-format';
import { benignCase, buildCase, chaosCase, singleFaultCase } from './bundle-cases';
import { expectRefusal, expectSameContents, expectSound, readOutcome } from './bundle-outcome';
import { checkProperty, testTimeout, type FuzzOptions } from './fuzz-run';
import { writeZip, type ZipEntrySpec } from './zip-writer';

const RANDOM_BYTES: FuzzOptions = { runs: 1500, budgetMs: 3000 };
const RANDOM_ARCHIVES: FuzzOptions = { runs: 800, budgetMs: 4000 };
const BENIGN: FuzzOptions = { runs: 200, budgetMs: 5000 };
const SINGLE_FAULT: FuzzOptions = { runs: 800, budgetMs: 12_000 };
const CHAOS: FuzzOptions = { runs: 500, budgetMs: 8000 };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const END_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];

/** Bytes that look more and more like a zip: none of it, its opening signature, an end record with random fields. */
const zipLikeBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.uint8Array({ maxLength: 512 }).map((rest) => Uint8Array.from([...ZIP_SIGNATURE, ...rest])),
  fc
    .tuple(fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 40 }))
    .map(([body, fields, comment]) => {
      const end = Uint8Array.from([...END_SIGNATURE, ...fields, comment.length & 0xff, comment.length >> 8]);
      // Directory size and offset inside the body, so the reader goes on to walk it.
      const view = new DataView(end.buffer);
      view.setUint32(12, Math.min(body.length, view.getUint32(12, true) % 256), true);
      view.setUint32(16, view.getUint32(16, true) % (body.length + 1), true);
      return Uint8Array.from([...body, ...end, ...comment]);
    }),
);

const entryName = fc.oneof(
  fc.constantFrom(MANIFEST_FILE, ...Object.values(PART_FILES)),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('../x', '/abs', 'C:\\x', 'a\\b', '', 'a\u0000b'),
);

/** Archives of random entries: the right names or not, any data, any method, any declared sizes. */
const randomEntry: fc.Arbitrary<ZipEntrySpec> = fc.record(
  {
    name: entryName,
    data: fc.oneof(fc.uint8Array({ maxLength: 256 }), fc.json({ maxDepth: 3 }).map((json) => new TextEncoder().encode(json))),
    method: fc.constantFrom(0, 8, 8, 12),
    compressed: fc.uint8Array({ maxLength: 64 }),
    declaredSize: fc.oneof(fc.nat({ max: 4096 }), fc.constantFrom(0xffffffff, 1 << 30)),
    declaredCompressedSize: fc.nat({ max: 4096 }),
    flags: fc.constantFrom(0, 1, 8, 0x800),
    declaredOffset: fc.nat({ max: 4096 }),
  },
  { requiredKeys: ['name', 'data'] },
);

describe('readBundle under fuzzing', () => {
  it('refuses random bytes with a clear message', { timeout: testTimeout(RANDOM_BYTES) }, async () => {
    await checkProperty('random bytes', RANDOM_BYTES, [zipLikeBytes], async (bytes) => {
      const outcome = await readOutcome(bytes);
      if ('bundle' in outcome) throw new Error('random bytes were accepted as a bundle');
      expectRefusal(outcome.error);
    });
  });

  it('answers random archives with a sound bundle or a clear refusal', { timeout: testTimeout(RANDOM_ARCHIVES) }, async () => {
    await checkProperty('random archives', RANDOM_ARCHIVES, [fc.array(randomEntry, { maxLength: 9 }), fc.uint8Array({ maxLength: 20 })], async (entries, comment) => {
      const outcome = await readOutcome(writeZip({ entries, comment }));
      if ('bundle' in outcome) await expectSound(outcome.bundle);
      else expectRefusal(outcome.error);
    });
  });

  it('reads back every generated library exactly, through reordered lines, padding, extra fields and entries', { timeout: testTimeout(BENIGN) }, async () => {
    await checkProperty('benign edits', BENIGN, [benignCase()], async (bundleCase) => {
      const built = await buildCase(bundleCase);
      const outcome = await readOutcome(built.bytes);
      if ('error' in outcome) throw new Error(`a bundle holding the whole library was refused: ${(outcome.error as Error).message}`, { cause: outcome.error });
      expectSameContents(outcome.bundle.contents, built.library);
      await expectSound(outcome.bundle);
    });
  });

  it('refuses a bundle with one fault, saying what kind of fault', { timeout: testTimeout(SINGLE_FAULT) }, async () => {
    await checkProperty('single fault', SINGLE_FAULT, [singleFaultCase()], async (bundleCase) => {
      const built = await buildCase(bundleCase);
      const outcome = await readOutcome(built.bytes);
      if ('error' in outcome) {
        expectRefusal(outcome.error, built.mustReject ? built.codes : undefined);
        return;
      }
      if (built.mustReject) throw new Error('a damaged bundle was accepted');
      if (built.onlyBenign) expectSameContents(outcome.bundle.contents, built.library);
      await expectSound(outcome.bundle);
    });
  });

  it('answers bundles damaged in several ways at once, down to their bytes, within any limits', { timeout: testTimeout(CHAOS) }, async () => {
    const limits = fc.option(
      fc.record({ maxArchiveBytes: fc.integer({ min: 64, max: 1 << 20 }), maxEntries: fc.integer({ min: 1, max: 64 }), maxUnpackedBytes: fc.integer({ min: 0, max: 1 << 20 }) }, { requiredKeys: [] }),
      { nil: undefined },
    );
    await checkProperty('chaos', CHAOS, [chaosCase(), limits], async (bundleCase, chosenLimits) => {
      const built = await buildCase(bundleCase);
      const outcome = await readOutcome(built.bytes, chosenLimits);
      // Several edits can undo each other (a dangling reference on a record another edit removes), so
      // only a truncated file is sure to be refused; everything else must be answered soundly.
      if ('error' in outcome) expectRefusal(outcome.error);
      else if (bundleCase.edits.some((edit) => edit.edit === 'truncate')) throw new Error('a truncated bundle was accepted');
      else await expectSound(outcome.bundle);
    });
  });
});
