import { describe, expect, it } from 'vitest';
import { createNodeHtmlDom } from '../../../../main/cli/html-dom';
import { loadPdfInNode } from '../../../../main/cli/pdf-loader';
import type { DocumentDraft } from '../../../../shared/importers/document-draft';
import { importSources, type PendingSource, type SaveResult } from '../../../../shared/importers/import-batch';
import { buildDocx } from '../../../fixtures/importers/build-docx';
import { buildPdf } from '../../../fixtures/importers/build-pdf';

const environment = { html: createNodeHtmlDom(), loadPdf: loadPdfInNode };

function source(name: string, content: string | Uint8Array, reads?: string[]): PendingSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.byteLength,
    read: async () => {
      reads?.push(name);
      return bytes;
    },
  };
}

/** A library in memory that refuses a text it already holds, as the app's store does. */
function library(): { titles: string[]; save(draft: DocumentDraft): Promise<SaveResult<string>> } {
  const bySha = new Map<string, string>();
  const titles: string[] = [];
  return {
    titles,
    save: async (draft) => {
      const existing = bySha.get(draft.sha256);
      if (existing) return { duplicateOf: existing };
      bySha.set(draft.sha256, draft.title);
      titles.push(draft.title);
      return { added: draft.title };
    },
  };
}

describe('importSources', () => {
  it('imports files of every format in turn, reporting progress before each and at the end', async () => {
    const store = library();
    const progress: Array<[number, number, string]> = [];
    const summary = await importSources(
      [
        source('notes.txt', 'Ferry strike ends\n\nCrews returned to work on Tuesday after nine days.'),
        source('bridge.md', '# Bridge reopens\n\nTraffic resumed on Friday.'),
        source('quarry.html', '<html><body><article><h1>Quarry blast rattles Elmsby</h1><p>Windows shook across the village on Thursday.</p></article></body></html>'),
        source('reservoir.docx', buildDocx([{ heading: 'Reservoir costs rise' }, { paragraph: ['The board puts the cost at 41 million.'] }])),
        source('levee.pdf', buildPdf([[{ x: 72, y: 700, size: 14, text: 'Levee inspected' }, { x: 72, y: 670, size: 11, text: 'Two weak points were found on the east bank.' }]])),
      ],
      { environment, save: store.save, onProgress: (done, total, name) => progress.push([done, total, name]) },
    );
    expect(summary.imported).toEqual(['Ferry strike ends', 'Bridge reopens', 'Quarry blast rattles Elmsby', 'Reservoir costs rise', 'Levee inspected']);
    expect(summary.failed).toEqual([]);
    expect(progress).toEqual([
      [0, 5, 'notes.txt'],
      [1, 5, 'bridge.md'],
      [2, 5, 'quarry.html'],
      [3, 5, 'reservoir.docx'],
      [4, 5, 'levee.pdf'],
      [5, 5, ''],
    ]);
  });

  it('goes on after a failure, and names each failed file with the reason', async () => {
    const store = library();
    const summary = await importSources(
      [
        source('photo.png', 'x'),
        source('broken.pdf', 'not a pdf at all'),
        source('empty.txt', '   \n'),
        source('harbour.txt', 'Harbour dredging delayed\n\nWork will start in June.'),
      ],
      { environment, save: store.save },
    );
    expect(summary.imported).toEqual(['Harbour dredging delayed']);
    expect(summary.failed.map((failure) => failure.name)).toEqual(['photo.png', 'broken.pdf', 'empty.txt']);
    expect(summary.failed[0]!.reason).toMatch(/^“photo\.png” is not a format Crosscheck reads/);
    expect(summary.failed[1]!.reason).toMatch(/^“broken\.pdf” is not a PDF Crosscheck can read/);
    expect(summary.failed[2]!.reason).toMatch(/^“empty\.txt” has no text to import/);
  });

  it('skips a text already in the library, naming the title it is there under', async () => {
    const store = library();
    await importSources([source('first.txt', 'Mill reopens\n\nThe old mill reopened on Saturday.')], { environment, save: store.save });
    const summary = await importSources(
      [source('copy.txt', 'Mill reopens\r\n\r\nThe old mill reopened on Saturday.\r\n'), source('other.txt', 'Mill closes\n\nIt closed again.')],
      { environment, save: store.save },
    );
    expect(summary.duplicates).toEqual([{ name: 'copy.txt', title: 'Mill reopens', existingTitle: 'Mill reopens' }]);
    expect(summary.imported).toEqual(['Mill closes']);
  });

  it('refuses a file over 50 MB by its size, without reading it', async () => {
    const reads: string[] = [];
    const huge: PendingSource = { name: 'recording.txt', size: 51 * 1024 * 1024, read: async () => (reads.push('recording.txt'), new Uint8Array()) };
    const summary = await importSources([huge, source('small.txt', 'Short note\n\nIt rained.', reads)], { environment, save: library().save });
    expect(summary.failed).toEqual([{ name: 'recording.txt', reason: '“recording.txt” is 51 MB; Crosscheck imports files up to 50 MB. Split it or import the article alone.' }]);
    expect(reads).toEqual(['small.txt']);
  });

  it('reports a failure it did not expect with the file’s name and the cause', async () => {
    const summary = await importSources([source('a.txt', 'Some text here.')], {
      environment,
      save: async () => {
        throw new Error('the disk is full');
      },
    });
    expect(summary.failed).toEqual([{ name: 'a.txt', reason: '“a.txt” could not be imported: the disk is full' }]);
  });
});
