import { describe, expect, it } from 'vitest';
import { filesOfEntries, type DroppedEntry } from '../../../../renderer/import/dropped-files';

function file(name: string): DroppedEntry {
  return { name, isFile: true, isDirectory: false, file: (success) => success(new File([`text of ${name}`], name)) };
}

/** A folder whose reader answers in batches of two, as Chromium answers in batches. */
function folder(name: string, children: DroppedEntry[]): DroppedEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (success) => {
          const batch = children.slice(offset, offset + 2);
          offset += batch.length;
          success(batch);
        },
      };
    },
  };
}

describe('filesOfEntries', () => {
  it('takes every file of a dropped folder at any depth, reading all batches, and skips hidden ones', async () => {
    const dropped = [
      folder('story', [file('c.txt'), file('a.md'), folder('scans', [file('page.pdf'), file('.DS_Store')]), file('b.html'), folder('.git', [file('config')])]),
      file('loose.docx'),
    ];
    const files = await filesOfEntries(dropped);
    expect(files.map((f) => f.name)).toEqual(['loose.docx', 'a.md', 'b.html', 'c.txt', 'page.pdf']);
    expect(await files[1]!.text()).toBe('text of a.md');
  });
});
