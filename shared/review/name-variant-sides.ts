/**
 * The two sides of a name-variant flag: the spelling to check (the suspect, or in a tie the other spelling)
 * and the usual one, each with its evidence. The detector lists the checked spelling's evidence first (one
 * first mention per document, up to MAX_SUSPECT_EVIDENCE), then the usual spelling's; this splits them again.
 */
import type { Contradiction, Evidence, NameForm } from '../detect/contradiction';
import { nameKey } from '../text/name-key';

type NameVariant = Extract<Contradiction, { kind: 'name-variant' }>;

/** Mirrors the detector's cap on the checked spelling's evidence (shared/detect/name-variants.ts). */
const MAX_SUSPECT_EVIDENCE = 20;

export interface NameVariantSides {
  /** The spelling to check. */
  variant: NameForm;
  /** The usual spelling. */
  expected: NameForm;
  /** True when the variant is used by fewer documents (it is then `details.suspect`); false in a tie. */
  variantIsSuspect: boolean;
  variantEvidence: Evidence[];
  expectedEvidence: Evidence[];
}

function words(name: string): string[] {
  return nameKey(name).split(/[\s-]+/).filter(Boolean);
}

/** Splits a name-variant flag into its two spellings and their evidence. */
export function nameVariantSides(contradiction: NameVariant): NameVariantSides {
  const { forms, expected: expectedName, suspect } = contradiction.details;
  const expected = forms.find((form) => form.name === expectedName) ?? forms[0]!;
  const first = contradiction.evidence[0];
  let variant = suspect !== undefined ? forms.find((form) => form.name === suspect) : undefined;
  if (!variant) {
    // A tie names no suspect: the checked spelling is the one whose first evidence opens the list.
    const candidates = forms.filter((form) => form !== expected && (!first || form.documents.some((d) => d.documentId === first.documentId)));
    const quoteWords = first ? words(first.quote) : [];
    variant =
      candidates.find((form) => quoteWords.every((word) => words(form.name).includes(word))) ??
      candidates[0] ??
      forms.find((form) => form !== expected) ??
      expected;
  }
  const variantCount = Math.min(MAX_SUSPECT_EVIDENCE, variant.documents.length);
  return {
    variant,
    expected,
    variantIsSuspect: suspect !== undefined,
    variantEvidence: contradiction.evidence.slice(0, variantCount),
    expectedEvidence: contradiction.evidence.slice(variantCount),
  };
}
