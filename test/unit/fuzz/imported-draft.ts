/**
 * What every imported draft must be, whatever went in: canonical text (shared/text/canonical-text.ts: NFC,
 * `\n` line ends, white space folded within a line, paragraphs separated by exactly one blank line) with
 * its sha-256, and offsets that a selection snapped to words and anchored again stay inside it.
 */
import { describeTextQuote, anchorAnnotation } from '../../../shared/anchoring/text-anchor';
import { snapToWordBoundaries } from '../../../shared/anchoring/word-boundaries';
import type { DocumentDraft } from '../../../shared/importers/source-document';
import { paragraphRanges } from '../../../shared/text/canonical-text';
import { sha256Hex } from '../../../shared/text/sha256';

// The horizontal white space canonical text folds to one space.
const FOLDED_SPACE = /[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}/;

/** Why `text` is not canonical, or an empty list when it is. */
export function canonicalTextProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length === 0) problems.push('is empty');
  if (text.normalize('NFC') !== text) problems.push('is not in NFC');
  if (/[\r\u2028\u2029]/.test(text)) problems.push('has a line end other than \\n');
  if (/(?:^|[^\n])\n(?:[^\n]|$)/.test(text)) problems.push('has a single line break inside a paragraph');
  if (/\n{3}/.test(text)) problems.push('has more than one blank line between paragraphs');
  if (/^\n|\n$/.test(text)) problems.push('opens or ends with a line break');
  for (const paragraph of text.split('\n\n')) {
    if (paragraph !== paragraph.trim()) problems.push(`has a paragraph with white space at its edges: ${JSON.stringify(paragraph.slice(0, 40))}`);
    if (FOLDED_SPACE.test(paragraph)) problems.push(`has unfolded white space in ${JSON.stringify(paragraph.slice(0, 40))}`);
  }
  return problems;
}

/** Throws unless the draft's text is canonical, hashed, split into paragraphs that cover it, and anchorable. */
export async function expectSoundDraft(draft: DocumentDraft, selections: ReadonlyArray<readonly [number, number]> = []): Promise<void> {
  const problems = canonicalTextProblems(draft.text);
  if (problems.length > 0) throw new Error(`the imported text ${problems.join('; ')}: ${JSON.stringify(draft.text.slice(0, 200))}`);
  if (draft.sha256 !== (await sha256Hex(draft.text))) throw new Error('the draft’s sha256 is not the hash of its text');
  if (draft.title.trim() === '') throw new Error('the draft has no title');
  if (!draft.language) throw new Error('the draft has no language');

  // Paragraph ranges tile the text: every character is in one, or in the separator between two.
  let covered = 0;
  for (const range of paragraphRanges(draft.text)) {
    if (range.start !== (covered === 0 ? 0 : covered + 2) || range.end <= range.start) throw new Error(`paragraph ranges do not tile the text at ${range.start}`);
    covered = range.end;
  }
  if (covered !== draft.text.length) throw new Error('paragraph ranges stop before the end of the text');

  // A selection made anywhere, snapped to words and stored, anchors back exactly where it was.
  for (const [from, to] of selections) {
    const span = snapToWordBoundaries(draft.text, Math.round(from * draft.text.length), Math.round(to * draft.text.length));
    if (!span) continue;
    if (span.start < 0 || span.end > draft.text.length || span.start >= span.end) throw new Error(`a snapped selection ${span.start}–${span.end} is outside the text`);
    const anchor = { start: span.start, end: span.end, ...describeTextQuote(draft.text, span.start, span.end) };
    const found = anchorAnnotation(draft.text, anchor);
    if (found.status !== 'exact' || found.start !== span.start || found.end !== span.end) {
      throw new Error(`a selection at ${span.start}–${span.end} anchored as ${JSON.stringify(found)}`);
    }
  }
}
