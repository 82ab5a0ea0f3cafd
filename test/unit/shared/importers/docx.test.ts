import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createNodeHtmlDom } from '../../../../main/cli/html-dom';
import { loadPdfInNode } from '../../../../main/cli/pdf-loader';
import { draftFromDocx } from '../../../../shared/importers/docx';
import { draftFromFile } from '../../../../shared/importers/source-document';
import { buildDocx } from '../../../fixtures/importers/build-docx';

const environment = { html: createNodeHtmlDom(), loadPdf: loadPdfInNode };

const RESERVOIR = buildDocx([
  { heading: 'Reservoir costs rise again' },
  { paragraph: ['Dated 14 June 2023'] },
  { paragraph: ['The board now puts the cost at 41 million', { footnote: 'Board minutes, 12 June 2023.' }, ', up from the 38 million it gave in April.'] },
  { listItem: 'Work starts in May.' },
  { listItem: 'The access road is built first.' },
  { paragraph: ['Residents heard the figures at a meeting in Carrow', { footnote: 'Carrow village hall, 13 June.' }, '.'] },
]);

describe('a Word document', () => {
  it('gives its paragraphs, headings and list items as paragraphs, with the notes after the text', async () => {
    const draft = await draftFromFile({ name: 'reservoir.docx', bytes: RESERVOIR }, environment);
    expect(draft.text.split('\n\n')).toEqual([
      'Reservoir costs rise again',
      'Dated 14 June 2023',
      'The board now puts the cost at 41 million[1], up from the 38 million it gave in April.',
      'Work starts in May.',
      'The access road is built first.',
      'Residents heard the figures at a meeting in Carrow[2].',
      // Numbered as the references read in the text, not by Word's internal ids.
      '[1] Board minutes, 12 June 2023.',
      '[2] Carrow village hall, 13 June.',
    ]);
  });

  it('takes its title from the first line and its date and language from the text', async () => {
    const draft = await draftFromFile({ name: 'reservoir.docx', bytes: RESERVOIR }, environment);
    expect(draft).toMatchObject({ title: 'Reservoir costs rise again', publishedAt: '2023-06-14', language: 'en', format: 'docx' });
  });

  it('refuses an old binary .doc or a damaged file with a message saying what to do', async () => {
    const oldDoc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(draftFromFile({ name: 'minutes.docx', bytes: oldDoc }, environment)).rejects.toThrow(
      '“minutes.docx” is not a Word document Crosscheck can read. If it is an older .doc file, open it in Word and save it as .docx',
    );
    const truncated = RESERVOIR.slice(0, 200);
    await expect(draftFromFile({ name: 'cut.docx', bytes: truncated }, environment)).rejects.toThrow(/“cut\.docx” is not a Word document/);
  });

  // Found while fuzzing the importers: mammoth inflated whatever the zip held, so a 260 KB file took
  // seconds and half a gigabyte of memory to open, and a 50 MB one could exhaust the machine. The limit
  // is 256 MB; the test uses 1 MB so that its bomb is quick to make.
  it('refuses a zip bomb posing as a Word document, with a message', async () => {
    const files = unzipSync(RESERVOIR);
    const body = new TextDecoder().decode(files['word/document.xml']);
    files['word/document.xml'] = strToU8(body.replace('<w:body>', `<w:body>${' '.repeat(3 * 1024 * 1024)}`));
    const bomb = zipSync(files, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(draftFromDocx(bomb, 'invoice.docx', environment.html, 1024 * 1024)).rejects.toThrow(
      /“invoice\.docx” unpacks to more than 1 MB, far more than any Word document; it may be a “zip bomb”/,
    );
    // The same file within the limit is an ordinary document.
    expect((await draftFromDocx(bomb, 'invoice.docx', environment.html, 8 * 1024 * 1024)).title).toBe('Reservoir costs rise again');
  });

  it('refuses a Word document with no text', async () => {
    await expect(draftFromFile({ name: 'blank.docx', bytes: buildDocx([]) }, environment)).rejects.toThrow('“blank.docx” has no text to import.');
  });
});
