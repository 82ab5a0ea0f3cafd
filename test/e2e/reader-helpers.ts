/** Helpers for driving the reader as a user does: select text with the mouse's result, press keys. */
import { expect, type Page } from '@playwright/test';

/** Selects the first occurrence of `needle` in the reader's text (across marks and text nodes). */
export async function selectInReader(page: Page, needle: string, occurrence = 0): Promise<void> {
  await expect(page.locator('.reader-content')).toContainText(needle);
  await page.evaluate(
    ([text, nth]) => {
      const root = document.querySelector('.reader-content');
      if (!root) throw new Error('The reader is not showing a document.');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: [Text, number][] = [];
      let full = '';
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        nodes.push([node, full.length]);
        full += node.data;
      }
      let at = -1;
      for (let i = 0; i <= nth; i++) at = full.indexOf(text, at + 1);
      if (at < 0) throw new Error(`“${text}” is not in the reader.`);
      const locate = (offset: number): [Text, number] => {
        for (const [node, start] of nodes) if (offset >= start && offset <= start + node.data.length) return [node, offset - start];
        throw new Error('offset outside the text');
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + text.length));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [needle, occurrence] as const,
  );
}

/** Selects text, tags it with a key (c, d, f, e or q), and waits until the panel lists the new annotation. */
export async function tagWithKey(page: Page, needle: string, key: string): Promise<void> {
  const items = annotationRows(page);
  const before = (await annotationList(page).count()) === 0 ? 0 : await items.count();
  await selectInReader(page, needle);
  await page.keyboard.press(key);
  await expect(items).toHaveCount(before + 1);
}

export const annotationList = (page: Page) => page.getByRole('list', { name: 'Annotations in text order' });
/** The panel's own rows (a selected row holds lists of its own). */
export const annotationRows = (page: Page) => annotationList(page).locator(':scope > li');
export const documentList = (page: Page) => page.getByRole('list', { name: 'Documents' });

/** Opens the app with an empty library and loads the sample corpus (five articles). */
export async function openSamples(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample corpus' }).click();
  await expect(documentList(page).getByRole('listitem')).toHaveCount(5);
}

/** Opens a document from the library by the start of its title, and waits until the reader shows it. */
export async function openDocument(page: Page, title: string | RegExp): Promise<void> {
  const name = typeof title === 'string' ? new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : title;
  await documentList(page).getByRole('button', { name }).click();
  // The reader opens with the outlet line, so the title is looked for anywhere in it, unanchored.
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText(typeof title === 'string' ? title : new RegExp(title.source.replace(/^\^/, '')));
}
