/**
 * Fuzzing the Word importer: generated documents (odd characters, footnotes, empty ones) written as .docx,
 * then damaged as files get damaged (bytes flipped, cut short, parts missing or replaced, XML broken or
 * nested deep) or swollen into zip bombs. Each must import as canonical text or be refused with a clear
 * message, in moments.
 */
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { createNodeHtmlDom } from '../../../main/cli/html-dom';
import { draftFromDocx } from '../../../shared/importers/docx';
import { ImportError } from '../../../shared/importers/source-document';
import { buildDocx, type DocxBlock } from '../../fixtures/importers/build-docx';
import { expectClearMessage } from './clear-message';
import { checkProperty, testTimeout, withinTime, type FuzzOptions } from './fuzz-run';
import { expectSoundDraft } from './imported-draft';

const DOCUMENTS: FuzzOptions = { runs: 120, budgetMs: 6000 };
const IMPORT_LIMIT_MS = 10_000;
/** Small, so that a generated bomb is quick to make; the importer's own limit is 256 MB. */
const TEST_UNPACKED_LIMIT = 2 * 1024 * 1024;

const dom = createNodeHtmlDom();

const text = fc.oneof(
  { weight: 3, arbitrary: fc.lorem({ maxCount: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  // Characters XML does not allow, and ones that trip up text handling.
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u000b', '\ufffe', '\ud800', '\u200f', '\u00ad', 'ﬁ', '\r\n', ']]>', '<w:p>', '&amp;') },
);

const block: fc.Arbitrary<DocxBlock> = fc.oneof(
  text.map((heading) => ({ heading })),
  text.map((listItem) => ({ listItem })),
  fc.array(fc.oneof(text, text.map((footnote) => ({ footnote }))), { maxLength: 4 }).map((paragraph) => ({ paragraph })),
);

const PARTS = ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/numbering.xml'];

const damage = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('remove-part' as const), part: fc.constantFrom(...PARTS) }),
  fc.record({ kind: fc.constant('replace-part' as const), part: fc.constantFrom(...PARTS), data: fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 200 }).map(strToU8)) }),
  fc.record({ kind: fc.constant('cut-xml' as const), part: fc.constantFrom(...PARTS), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('deep-xml' as const), depth: fc.integer({ min: 100, max: 5000 }) }),
  fc.record({ kind: fc.constant('bomb' as const), megabytes: fc.integer({ min: 3, max: 4 }) }),
);

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

/** The damaged file, and whether it still holds a bomb (a later change may have taken it out again). */
function damaged(docx: Uint8Array, changes: readonly Damage[]): { bytes: Uint8Array; bomb: boolean } {
  let bytes = docx;
  let bomb = false;
  for (const change of changes) {
    if (change.kind === 'flip') {
      bytes = bytes.slice();
      bytes[Math.floor(change.at * bytes.length)]! ^= change.xor;
      continue;
    }
    if (change.kind === 'cut') {
      bytes = bytes.subarray(0, Math.floor(change.keep * bytes.length));
      continue;
    }
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch {
      continue; // Already damaged past unzipping; the file goes in as it is.
    }
    if (change.kind !== 'bomb' && change.kind !== 'deep-xml' && change.part === 'word/document.xml') bomb = false;
    if (change.kind === 'remove-part') delete files[change.part];
    else if (change.kind === 'replace-part') files[change.part] = change.data;
    else if (change.kind === 'cut-xml' && files[change.part]) files[change.part] = files[change.part]!.subarray(0, Math.floor(change.keep * files[change.part]!.length));
    else if (change.kind === 'deep-xml' && files['word/document.xml']) {
      const xml = new TextDecoder().decode(files['word/document.xml']);
      const nested = `${'<w:sdt><w:sdtContent>'.repeat(change.depth)}<w:p><w:r><w:t>Deep</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(change.depth)}`;
      files['word/document.xml'] = strToU8(xml.replace('<w:body>', `<w:body>${nested}`));
    } else if (change.kind === 'bomb' && files['word/document.xml']) {
      const xml = new TextDecoder().decode(files['word/document.xml']);
      files['word/document.xml'] = strToU8(xml.replace('<w:body>', `<w:body>${' '.repeat(change.megabytes * 1024 * 1024)}`));
      bomb = true;
    }
    bytes = zipSync(files, { level: 6 });
  }
  return { bytes, bomb };
}

describe('the Word importer under fuzzing', () => {
  it('imports generated and damaged Word documents, or refuses them with a clear message', { timeout: testTimeout(DOCUMENTS) }, async () => {
    await checkProperty('docx', DOCUMENTS, [fc.array(block, { maxLength: 6 }), fc.array(damage, { maxLength: 2 })], async (blocks, changes) => {
      const { bytes, bomb } = damaged(buildDocx(blocks), changes);
      const outcome = await withinTime(IMPORT_LIMIT_MS, `importing a ${bytes.length.toLocaleString('en-US')}-byte Word document`, () =>
        draftFromDocx(bytes, 'report.docx', dom, TEST_UNPACKED_LIMIT).then(
          (draft) => ({ draft }),
          (error: unknown) => ({ error }),
        ),
      );
      if ('error' in outcome) expectClearMessage(outcome.error, ImportError, 'the Word importer');
      else await expectSoundDraft(outcome.draft);
      if (bomb && 'draft' in outcome) throw new Error('a Word document unpacking past the limit was imported');
    });
  });
});
