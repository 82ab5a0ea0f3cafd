/**
 * Fuzzing the store's bundle import on fake-indexeddb: damaged bundles whose ids and texts collide with
 * the library they are imported into. A refused bundle leaves every table exactly as it was; an accepted
 * one leaves a library whose records still fit together, and importing it again changes nothing.
 * Dexie on fake-indexeddb is slow, so this property runs far fewer inputs than the reader's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../shared/bundles/bundle-error';
import { checkConsistency } from '../../../shared/bundles/bundle-checks';
import { writeBundle } from '../../../shared/bundles/write-bundle';
import { importBundle, type BundleImportReport } from '../../../renderer/store/bundle-commands';
import type { CrosscheckDatabase } from '../../../renderer/store/database';
import { discardDatabase, openFreshDatabase } from '../renderer/store/fresh-database';
import { benignCase, buildCase, chaosCase, META, singleFaultCase } from './bundle-cases';
import { expectClearMessage } from './clear-message';
import { checkProperty, testTimeout, withinTime, type FuzzOptions } from './fuzz-run';
import { buildLibrary, libraryRecipe, NARROW_WITH_DERIVED_IDS } from './library-arbitrary';

const IMPORTS: FuzzOptions = { runs: 150, budgetMs: 12_000 };

/** Every table's rows in key order: what "nothing changed" is checked against. */
async function dump(db: CrosscheckDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** The library's records still fit together as a bundle's must: the whole library could be exported. */
async function expectConsistentLibrary(db: CrosscheckDatabase): Promise<void> {
  const contents = {
    documents: await db.documents.toArray(),
    annotations: await db.annotations.toArray(),
    entities: await db.entities.toArray(),
    links: await db.links.toArray(),
    decisions: await db.decisions.toArray(),
    decisionHistory: await db.decisionHistory.toArray(),
  };
  const problems = await checkConsistency(contents);
  if (!problems.empty) throw new Error(`the import left records that do not fit together:\n${problems.examples.join('\n')}`);
}

// Libraries may already hold documents under the ids a merge derives ("a~<hash>"): a clashing bundle
// document must get an id of its own, never one of those.
const bundleCase = fc.oneof(singleFaultCase(NARROW_WITH_DERIVED_IDS), chaosCase(NARROW_WITH_DERIVED_IDS), benignCase(NARROW_WITH_DERIVED_IDS));

describe('importBundle under fuzzing', () => {
  it('writes nothing for a refused bundle and keeps the library whole for an accepted one', { timeout: testTimeout(IMPORTS) }, async () => {
    await checkProperty('store import', IMPORTS, [libraryRecipe(NARROW_WITH_DERIVED_IDS), bundleCase], async (libraryRecipe, damaged) => {
      const db = await openFreshDatabase();
      try {
        await importBundle(db, await writeBundle(await buildLibrary(libraryRecipe), META));
        const before = await dump(db);
        const built = await buildCase(damaged);
        const outcome = await withinTime(5000, 'importBundle', () =>
          importBundle(db, built.bytes).then(
            (report): { report: BundleImportReport } => ({ report }),
            (error: unknown) => ({ error }),
          ),
        );
        if ('error' in outcome) {
          expectClearMessage(outcome.error, BundleError, 'importBundle');
          expect(await dump(db), 'the library after a refused import').toEqual(before);
          return;
        }
        if (built.mustReject) throw new Error('a damaged bundle was imported');
        await expectConsistentLibrary(db);
        const after = await dump(db);
        const again = await importBundle(db, built.bytes);
        expect(again.changed, 'importing the same bundle a second time').toBe(false);
        expect(await dump(db), 'the library after importing the same bundle again').toEqual(after);
      } finally {
        await discardDatabase(db);
      }
    });
  });
});
