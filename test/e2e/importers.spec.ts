/**
 * Importing what fact-checkers really have, in Chromium: a hostile saved web page stays inert, and a batch
 * of 200 mixed files (text, Markdown, web pages, Word, PDF, and some that cannot be read) imports with
 * visible progress and a correct summary.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { buildDocx } from '../fixtures/importers/build-docx';
import { buildPdf } from '../fixtures/importers/build-pdf';
import { documentList, tagWithKey } from './reader-helpers';

const hostilePage = fileURLToPath(new URL('../fixtures/importers/hostile-page.html', import.meta.url));

test('a hostile web page imports as inert text: nothing runs and nothing is fetched', async ({ page, baseURL }) => {
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) {
      foreignRequests.push(request.url());
    }
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(hostilePage);

  const text = page.getByLabel('Document text');
  await expect(text).toContainText('The Lowmoor water board voted 7 to 2 on Thursday');
  await expect(text).toContainText('Residents may object until 30 April.');
  for (const leaked of ['globalThis', 'tracker.invalid', 'Subscribe words', 'template words', 'onerror']) await expect(text).not.toContainText(leaked);
  await expect(page.locator('.reader-content p')).toHaveCount(5);
  // Give any deferred script, image or refresh a moment to fire, then check nothing did.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (globalThis as { __hostileRan?: string }).__hostileRan)).toBeUndefined();
  expect(foreignRequests).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(page.url().startsWith(baseURL!)).toBe(true);
});

interface Payload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** 200 files: 196 distinct articles in five formats, a duplicate, and three that cannot be read. */
function mixedBatch(): Payload[] {
  const files: Payload[] = [];
  const story = (i: number) => `Ward ${i} council meeting\n\nCouncillors of ward ${i} met on a Tuesday and approved ${i + 3} new benches for the park.`;
  for (let i = 0; i < 196; i++) {
    const kind = i % 5;
    if (kind === 0) files.push({ name: `ward-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(story(i)) });
    else if (kind === 1) files.push({ name: `ward-${i}.md`, mimeType: 'text/markdown', buffer: Buffer.from(`# ${story(i).replace('\n\n', '\n\n')}`) });
    else if (kind === 2) {
      const [headline, body] = story(i).split('\n\n');
      const html = `<!doctype html><html lang="en"><head><title>${headline}</title></head><body><article><h1>${headline}</h1><p>${body}</p><p>The vote was unanimous in ward ${i}.</p></article></body></html>`;
      files.push({ name: `ward-${i}.html`, mimeType: 'text/html', buffer: Buffer.from(html) });
    } else if (kind === 3) {
      const [headline, body] = story(i).split('\n\n');
      files.push({ name: `ward-${i}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(buildDocx([{ heading: headline! }, { paragraph: [body!] }])) });
    } else {
      const [headline, body] = story(i).split('\n\n');
      const pdf = buildPdf([[{ x: 72, y: 700, size: 18, text: headline! }, { x: 72, y: 660, size: 11, text: body! }]]);
      files.push({ name: `ward-${i}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    }
  }
  files.push({ name: 'ward-0-copy.txt', mimeType: 'text/plain', buffer: Buffer.from(story(0)) });
  files.push({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
  files.push({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n\n  ') });
  files.push({ name: 'junk.txt', mimeType: 'text/plain', buffer: Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 256))) });
  return files;
}

test('a batch of 200 mixed files imports with visible progress and a summary that names the failures', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const batch = mixedBatch();
  expect(batch).toHaveLength(200);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(batch);

  const progress = page.getByRole('status', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Importing \d+ of 200/);
  await expect(progress).toBeHidden({ timeout: 150_000 });

  await expect(page.getByRole('status').filter({ hasText: 'Imported 196 documents' })).toContainText(
    'Imported 196 documents; 1 was already in the library; 3 could not be imported.',
  );
  const failures = page.getByRole('alert');
  for (const name of ['ward-0-copy.txt', 'photo.png', 'empty.txt', 'junk.txt']) await expect(failures).toContainText(name);
  await expect(documentList(page).getByRole('listitem')).toHaveCount(196);
  // Every format arrived with its text: a Word and a PDF article open in the reader.
  await documentList(page).getByRole('button', { name: /^Ward 3 council meeting/ }).click();
  await expect(page.getByLabel('Document text')).toContainText('approved 6 new benches');
  await documentList(page).getByRole('button', { name: /^Ward 4 council meeting/ }).click();
  await expect(page.getByLabel('Document text')).toContainText('approved 7 new benches');
});

test('a Windows-1252 text keeps its curly quotes and accents', async ({ page }) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  const file = fileURLToPath(new URL('../fixtures/importers/mill-street-cafe-cp1252.txt', import.meta.url));
  await (await chooser).setFiles(file);
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(file));
  expect(decoded).toContain('\uFFFD'); // not UTF-8: the importer must recognise Windows-1252
  await expect(page.getByLabel('Document text')).toContainText('café');
  await expect(page.getByLabel('Document text')).toContainText('“');
});

test('corrected document details are kept, and the date becomes the as-of date of its figures', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New from clipboard…' }).click();
  const paste = page.getByRole('dialog', { name: 'New document from clipboard' });
  await paste.getByLabel('Article text').fill('Dam repairs begin\nWorkers found 12 cracks in the Harlow dam wall.');
  await paste.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByLabel('Document text')).toContainText('12 cracks');

  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.getByLabel('Published (YYYY-MM-DD; figures without a date of their own count as of this day)').fill('2024-13-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The date must be a real day');
  await dialog.getByLabel('Published (YYYY-MM-DD; figures without a date of their own count as of this day)').fill('2024-05-14');
  await dialog.getByLabel('Outlet').fill('Harlow Herald');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.reader-meta')).toHaveText('Harlow Herald · 2024-05-14');

  await page.reload();
  await expect(page.getByRole('list', { name: 'Documents' })).toContainText('Harlow Herald · 2024-05-14');
  await tagWithKey(page, '12 cracks', 'q');
  await expect(page.getByLabel('Edit annotation')).toContainText('as of 2024-05-14');
});
