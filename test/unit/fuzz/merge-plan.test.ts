/**
 * Fuzzing the merge plan on its own (no database, so thousands of runs): two valid libraries whose ids and
 * texts collide, merged. Whatever the collisions, the merged library still fits together, loses no text
 * either side had, and planning the same merge again writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../../shared/bundles/bundle-checks';
import { applyMergePlan, planBundleMerge } from '../../../shared/bundles/merge-plan';
import { checkProperty, testTimeout, type FuzzOptions } from './fuzz-run';
import { buildLibrary, libraryRecipe, NARROW_WITH_DERIVED_IDS } from './library-arbitrary';

const MERGES: FuzzOptions = { runs: 1500, budgetMs: 5000 };

describe('planBundleMerge under fuzzing', () => {
  it('merges colliding libraries without losing or corrupting a document', { timeout: testTimeout(MERGES) }, async () => {
    await checkProperty('merge plan', MERGES, [libraryRecipe(NARROW_WITH_DERIVED_IDS), libraryRecipe(NARROW_WITH_DERIVED_IDS)], async (localRecipe, incomingRecipe) => {
      const library = await buildLibrary(localRecipe);
      const incoming = await buildLibrary(incomingRecipe);
      const merged = applyMergePlan(library, planBundleMerge(library, incoming).writes);

      const problems = await checkConsistency(merged);
      expect(problems.examples, 'records of the merged library that do not fit together').toEqual([]);
      const texts = new Map(merged.documents.map((document) => [document.id, document.text]));
      for (const document of library.documents) expect(texts.get(document.id), `the library's document “${document.id}”`).toBe(document.text);
      const mergedTexts = new Set(texts.values());
      for (const document of incoming.documents) expect(mergedTexts.has(document.text), `the bundle's document “${document.id}”`).toBe(true);
      expect(planBundleMerge(merged, incoming).report.changed, 'merging the same bundle again').toBe(false);
    });
  });
});
