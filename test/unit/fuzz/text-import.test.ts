/**
 * Fuzzing the text and Markdown importers with files as they arrive: known text in every encoding the
 * importer promises to read (whose words must all come through), and bytes it must either decode or
 * refuse: random data, byte-order marks with odd lengths, UTF-16 with lone surrogates, Windows-1252, NUL
 * runs and very long lines. Accepted text is canonical, and selections in it anchor back in range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftFromFile, ImportError, type DocumentDraft } from '../../../shared/importers/source-document';
import { expectClearMessage } from './clear-message';
import { checkProperty, testTimeout, withinTime, type FuzzOptions } from './fuzz-run';
import { expectSoundDraft } from './imported-draft';

const KNOWN_TEXT: FuzzOptions = { runs: 400, budgetMs: 5000 };
const ANY_BYTES: FuzzOptions = { runs: 450, budgetMs: 5000 };
const MARKDOWN: FuzzOptions = { runs: 400, budgetMs: 5000 };
/** Generous for a file of a few hundred kilobytes on a loaded 2-core machine. */
const IMPORT_LIMIT_MS = 5000;

type Imported = { draft: DocumentDraft } | { error: unknown };

async function importFile(name: string, bytes: Uint8Array): Promise<Imported> {
  return withinTime(IMPORT_LIMIT_MS, `importing ${bytes.length.toLocaleString('en-US')} bytes as ${name}`, () =>
    draftFromFile({ name, bytes }).then(
      (draft) => ({ draft }),
      (error: unknown) => ({ error }),
    ),
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Whether `text` has a control character no text file holds (tab, line ends, form feed and escape are fine). */
function hasStrayControl(text: string): boolean {
  return Array.from(text).some((character) => {
    const code = character.charCodeAt(0);
    return (code < 0x20 && !(code >= 0x09 && code <= 0x0d) && code !== 0x1b) || code === 0x7f;
  });
}

const selections = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 });

// ----- known text in a known encoding -----

const oddCharacter = fc.constantFrom('\u200f', '\u202e', '\u200b', '\u00ad', '\ufeff', '\u00a0', '\u0301', '\t', '\r\n', '\r', '\u2028', '\u2029', '\u000b', '\f', '\u001b', '🚢', 'ﬁ', 'Å', 'é', 'ǅ', '\u3000', '  ');

/** Text as articles come: prose, lines of any length, blank lines, any script, odd spacing. */
const articleText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.lorem({ maxCount: 12, mode: 'sentences' }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 2, arbitrary: oddCharacter },
      { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n') },
      { weight: 1, arbitrary: fc.constantFrom('date 2025-03-06', 'PORT AVEL, March 5, 2024 —', 'Thu 06 Mar 2025', 'Published: 2024-11-02') },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'ab ', 'x\u0301', '— '), fc.integer({ min: 1000, max: 20_000 })).map(([unit, count]) => unit.repeat(count)) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));

// The characters Windows-1252 gives bytes 0x80–0x9F (the five it leaves undefined are left out).
const WINDOWS_1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** Windows-1252 text as old Word files have it: accented letters and curly quotes, each beside plain letters. */
const windows1252Text = fc
  .array(
    fc.tuple(
      fc.lorem({ maxCount: 3 }),
      fc.oneof(fc.constantFrom(...WINDOWS_1252_HIGH), fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code))),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((pairs) => pairs.map(([words, character]) => `${words}${character}`).join(' '));

function utf16(text: string, littleEndian: boolean, byteOrderMark: boolean): Uint8Array {
  const out = new Uint8Array((byteOrderMark ? 2 : 0) + text.length * 2);
  const view = new DataView(out.buffer);
  if (byteOrderMark) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16((byteOrderMark ? 2 : 0) + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => {
    const high = WINDOWS_1252_HIGH.indexOf(character);
    if (high === -1) return character.charCodeAt(0);
    // Bytes 0x80–0x9F in order, skipping the five the encoding leaves undefined.
    return [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f][high]!;
  });
}

type Encoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le with BOM' | 'utf-16be with BOM' | 'utf-16le' | 'windows-1252';

const encodedText: fc.Arbitrary<{ text: string; encoding: Encoding }> = fc.oneof(
  fc.record({ text: articleText, encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8 with BOM', 'utf-16le with BOM', 'utf-16be with BOM') }),
  // Without a byte-order mark, UTF-16 shows itself by the zero byte beside each ASCII letter, given
  // four letters at least (fewer are too few to tell from binary data, and are refused as such).
  fc.record({ text: fc.lorem({ maxCount: 40, mode: 'sentences' }).filter((text) => text.length >= 4), encoding: fc.constant<Encoding>('utf-16le') }),
  fc.record({ text: windows1252Text, encoding: fc.constant<Encoding>('windows-1252') }),
);

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8 with BOM':
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-16le with BOM':
      return utf16(text, true, true);
    case 'utf-16be with BOM':
      return utf16(text, false, true);
    case 'utf-16le':
      return utf16(text, true, false);
    case 'windows-1252':
      return windows1252(text);
  }
}

/** Everything but white space, which canonical text may fold, join or drop. */
function words(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '');
}

// ----- bytes of any kind -----

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  // A byte-order mark and an odd number of bytes after it.
  fc.tuple(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 255 }).filter((rest) => rest.length % 2 === 1)).map(([mark, rest]) => Uint8Array.from([...mark, ...rest])),
  // UTF-16 with lone surrogates among letters.
  fc
    .tuple(fc.boolean(), fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xd800, max: 0xdfff })), { minLength: 1, maxLength: 200 }))
    .map(([littleEndian, units]) => utf16(String.fromCharCode(...units), littleEndian, true)),
  // Text with runs of NUL bytes in it.
  fc.tuple(fc.lorem({ maxCount: 20 }), fc.nat({ max: 4000 }), fc.integer({ min: 1, max: 64 })).map(([text, at, run]) => {
    const bytes = new TextEncoder().encode(text);
    const cut = Math.min(at, bytes.length);
    return Uint8Array.from([...bytes.subarray(0, cut), ...new Uint8Array(run), ...bytes.subarray(cut)]);
  }),
  // Bytes 0x80–0xFF scattered through ASCII: Windows-1252, broken UTF-8, or both.
  fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x0a)), { maxLength: 3000 }).map((bytes) => Uint8Array.from(bytes)),
  // A very long line.
  fc.tuple(fc.constantFrom('a', 'é', '🚢', ' ', '\t', 'ab cd '), fc.integer({ min: 10_000, max: 100_000 })).map(([unit, count]) => new TextEncoder().encode(unit.repeat(count))),
);

// ----- Markdown -----

const MARKDOWN_TOKENS = ['*', '**', '_', '__', '~~', '`', '```', '[', ']', '(', ')', '![', '](', '<', '>', '</b>', '<http:', '#', '## ', '> ', '- ', '1. ', '|', '---', '===', '\\', '\n', '\n\n', '  ', '\t', 'word', 'x_y', '2 * 3', 'é', '🚢'];

/** Markdown as people write it, and as a fuzzer does: tokens in any order, and long runs of one of them. */
const markdown = fc
  .tuple(
    fc.option(fc.array(fc.tuple(fc.constantFrom('title', 'date', 'author', 'outlet', 'lang', 'url', 'bogus key'), fc.string({ maxLength: 20 })), { maxLength: 4 }), { nil: undefined }),
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...MARKDOWN_TOKENS) },
        { weight: 2, arbitrary: fc.lorem({ maxCount: 6 }) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MARKDOWN_TOKENS, '[a', '**a ', '<a '), fc.integer({ min: 500, max: 60_000 })).map(([token, count]) => token.repeat(count)) },
      ),
      { minLength: 1, maxLength: 40 },
    ),
  )
  .map(([frontMatter, body]) => `${frontMatter ? `---\n${frontMatter.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n` : ''}${body.join(' ')}`);

describe('the text importers under fuzzing', () => {
  it('reads every word of a text in UTF-8, UTF-16 or Windows-1252, or refuses only what is not text', { timeout: testTimeout(KNOWN_TEXT) }, async () => {
    await checkProperty('known text', KNOWN_TEXT, [encodedText, selections], async ({ text, encoding }, spans) => {
      const outcome = await importFile('article.txt', encode(text, encoding));
      if ('error' in outcome) {
        expectClearMessage(outcome.error, ImportError, 'the text importer');
        // Refusing is right only for a file with no words, or with characters no text file holds.
        if (words(text) !== '' && !hasStrayControl(text)) throw new Error(`a ${encoding} text was refused`, { cause: outcome.error });
        return;
      }
      await expectSoundDraft(outcome.draft, spans);
      expect(words(outcome.draft.text), `the words of a ${encoding} text`).toBe(words(text));
    });
  });

  it('decodes any bytes into canonical text, the same each time, or refuses them with a clear message', { timeout: testTimeout(ANY_BYTES) }, async () => {
    await checkProperty('any bytes', ANY_BYTES, [anyBytes, selections], async (bytes, spans) => {
      const outcome = await importFile('notes.txt', bytes);
      if ('error' in outcome) {
        expectClearMessage(outcome.error, ImportError, 'the text importer');
        return;
      }
      await expectSoundDraft(outcome.draft, spans);
      if (LONE_SURROGATE.test(outcome.draft.text)) throw new Error('decoded text holds a lone surrogate');
      const again = await importFile('notes.txt', bytes);
      expect('draft' in again && again.draft.sha256, 'the same file imported again').toBe(outcome.draft.sha256);
    });
  });

  it('reads any Markdown into canonical text, or refuses it with a clear message', { timeout: testTimeout(MARKDOWN) }, async () => {
    await checkProperty('markdown', MARKDOWN, [markdown, selections], async (source, spans) => {
      const outcome = await importFile('notes.md', new TextEncoder().encode(source));
      if ('error' in outcome) {
        expectClearMessage(outcome.error, ImportError, 'the Markdown importer');
        return;
      }
      await expectSoundDraft(outcome.draft, spans);
    });
  });
});
