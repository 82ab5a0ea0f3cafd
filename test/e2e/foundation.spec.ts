/**
 * The first flow of a fact-checker on the web build in Chromium: import, read, tag, edit, undo, reload.
 * Each browser context starts with an empty IndexedDB, as a first run does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { annotationList, annotationRows, documentList, selectInReader, tagWithKey } from './reader-helpers';

const fixture = fileURLToPath(new URL('../fixtures/articles/council-budget-vote.txt', import.meta.url));
const fixtureTitle = 'Ashgrove council passes budget after long night';
const claimText = 'Councillor Mira Haldane said the library would stay open six days a week';

async function importFixture(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(fixture);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('imports a .txt file chosen in the file chooser and shows it in the reader', async ({ page }) => {
  await importFixture(page);
  await expect(documentList(page).getByRole('listitem')).toHaveCount(1);
  await expect(documentList(page)).toContainText(fixtureTitle);
  await expect(page.getByLabel('Document text')).toContainText('after eleven hours of debate');
  await expect(page.getByRole('status')).toContainText(`Imported “${fixtureTitle}”`);
});

test('tags a span with the keyboard, and the mark and annotation survive a reload', async ({ page }) => {
  await importFixture(page);
  await tagWithKey(page, claimText, 'c');
  const items = annotationRows(page);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Claim');
  await expect(items.first()).toContainText(claimText);
  await expect(page.locator('.reader-content mark.mark-kind-claim')).toHaveText(claimText);

  await page.reload();
  await expect(page.locator('.reader-content mark.mark-kind-claim')).toHaveText(claimText);
  await expect(annotationRows(page)).toHaveCount(1);
  await expect(annotationList(page)).toContainText(claimText);
});

test('snaps a ragged selection to whole words before tagging', async ({ page }) => {
  await importFixture(page);
  await tagWithKey(page, 'ouncillor Mira Hald', 'e');
  await expect(annotationRows(page).first()).toContainText('“Councillor Mira Haldane”');
});

test('shows two overlapping annotations as overlapping marks', async ({ page }) => {
  await importFixture(page);
  await tagWithKey(page, claimText, 'c');
  await tagWithKey(page, 'Mira Haldane', 'e');
  await expect(annotationRows(page)).toHaveCount(2);
  const overlap = page.locator('.reader-content mark.mark-overlap');
  await expect(overlap).toHaveText('Mira Haldane');
  await expect(overlap).toHaveAttribute('data-kinds', 'entity claim');
  // The claim still covers the text on both sides of the entity.
  await expect(page.locator('.reader-content mark.mark-kind-claim').first()).toHaveText('Councillor ');
  // From another selection, clicking the overlap selects the inner annotation, clicking again the outer one.
  await page.locator('.reader-content mark', { hasText: 'the library would stay' }).click();
  await expect(annotationList(page).locator('li.selected')).toContainText('Claim');
  await overlap.click();
  await expect(annotationList(page).locator('li.selected')).toContainText('Entity');
  await overlap.click();
  await expect(annotationList(page).locator('li.selected')).toContainText('Claim');
});

test('tags from the floating toolbar as well as from keys', async ({ page }) => {
  await importFixture(page);
  await selectInReader(page, 'cuts 40 posts in the parks department');
  await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: /Quantity/ }).click();
  await expect(page.locator('.reader-content mark.mark-kind-quantity')).toHaveText('cuts 40 posts in the parks department');
});

test('refuses a duplicate import with a message naming the existing document', async ({ page }) => {
  await importFixture(page);
  await expect(documentList(page).getByRole('listitem')).toHaveCount(1);
  await importFixture(page);
  await expect(page.getByRole('alert')).toContainText(`already in the library as “${fixtureTitle}”`);
  await expect(documentList(page).getByRole('listitem')).toHaveCount(1);
});

test('opens the sample corpus from the empty library in one click', async ({ page }) => {
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Your library is empty');
  await page.getByRole('button', { name: 'Open sample corpus' }).click();
  await expect(documentList(page).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByLabel('Document text')).not.toBeEmpty();
});

test('edits status, speaker and note, and keeps them after a reload', async ({ page }) => {
  await importFixture(page);
  await tagWithKey(page, claimText, 'c');
  const editor = page.getByLabel('Edit annotation');
  await editor.getByLabel('Status').selectOption('disputed');
  await editor.getByLabel('Speaker').fill('Mira Haldane');
  await editor.getByLabel('Speaker').press('Enter');
  await editor.getByLabel('Note').fill('Parks budget says otherwise.');
  await editor.getByLabel('Note').blur();
  await expect(annotationList(page)).toContainText('disputed');

  await page.reload();
  await annotationList(page).getByRole('button', { name: /Claim/ }).click();
  await expect(page.getByLabel('Edit annotation').getByLabel('Status')).toHaveValue('disputed');
  await expect(page.getByLabel('Edit annotation').getByLabel('Speaker')).toHaveValue('Mira Haldane');
  await expect(page.getByLabel('Edit annotation').getByLabel('Note')).toHaveValue('Parks budget says otherwise.');
  await page.locator('.reader-content mark').first().hover();
  await expect(page.getByRole('tooltip')).toContainText('Parks budget says otherwise.');
});

test('Ctrl+Z undoes the last tag, and undoes a delete', async ({ page }) => {
  await importFixture(page);
  await tagWithKey(page, 'Oskar Brandt', 'e');
  await tagWithKey(page, claimText, 'c');
  await expect(annotationRows(page)).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(annotationRows(page)).toHaveCount(1);
  await expect(page.locator('.reader-content mark.mark-kind-claim')).toHaveCount(0);

  await annotationList(page).getByRole('button', { name: /Oskar Brandt/ }).click();
  await page.getByRole('button', { name: 'Delete annotation' }).click();
  await expect(annotationList(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.reader-content mark.mark-kind-entity')).toHaveText('Oskar Brandt');
});

test('imports a pasted article as a new document', async ({ page }) => {
  await page.getByRole('button', { name: 'New from clipboard…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document from clipboard' });
  await dialog.getByLabel('Article text').fill('Ferry service resumes\nThe Calder ferry sailed again on Monday after repairs.');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(documentList(page)).toContainText('Ferry service resumes');
  await expect(page.getByLabel('Document text')).toContainText('sailed again on Monday');
});

test('imports files dropped onto the window', async ({ page }) => {
  const text = readFileSync(fixture, 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  }, text);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await expect(documentList(page)).toContainText(fixtureTitle);
});

test('deletes a document with its annotations after a confirmation', async ({ page }) => {
  await importFixture(page);
  await tagWithKey(page, claimText, 'c');
  await page.getByRole('button', { name: `Delete ${fixtureTitle}` }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Delete this document and its 1 annotations?');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Open sample corpus' })).toBeVisible();
});

test('searches the library by title', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample corpus' }).click();
  await page.getByRole('searchbox', { name: 'Search titles' }).fill('families');
  await expect(documentList(page).getByRole('listitem')).toHaveCount(1);
  await expect(documentList(page)).toContainText('Marrow Creek families wait');
});

test('shows right-to-left paragraphs right to left, next to left-to-right ones', async ({ page }) => {
  await page.getByRole('button', { name: 'New from clipboard…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document from clipboard' });
  await dialog.getByLabel('Title (optional; the first line otherwise)').fill('Rain report');
  await dialog.getByLabel('Article text').fill('Rain report in two languages\nهطلت أمطار غزيرة على المدينة يوم الاثنين وأغلقت ثلاث طرق.');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const paragraphs = page.locator('.reader-content p');
  await expect(paragraphs).toHaveCount(2);
  await expect(paragraphs.nth(1)).toHaveAttribute('dir', 'auto');
  expect(await paragraphs.nth(1).evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  expect(await paragraphs.nth(0).evaluate((p) => getComputedStyle(p).direction)).toBe('ltr');
  await tagWithKey(page, 'ثلاث طرق', 'q');
  await expect(page.locator('.reader-content mark.mark-kind-quantity')).toHaveText('ثلاث طرق');
});
