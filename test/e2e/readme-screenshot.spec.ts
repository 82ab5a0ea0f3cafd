/**
 * Makes resources/screenshots/crosscheck.png for the README from the web build.
 * Runs only when asked: UPDATE_SCREENSHOT=1 npx playwright test readme-screenshot
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { annotationList, annotationRows, tagWithKey } from './reader-helpers';

test.skip(!process.env.UPDATE_SCREENSHOT, 'set UPDATE_SCREENSHOT=1 to refresh the README screenshot');

test('README screenshot: sample corpus with overlapping marks', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample corpus' }).click();
  await page.getByRole('button', { name: /^Rescuers race to reach trapped miners/ }).click();
  await tagWithKey(page, 'Regional labour envoy Tobias Wendtner, who arrived at the site on Tuesday, said talks between the Brask Mining Company and the miners\' union had resumed', 'c');
  await tagWithKey(page, 'Tobias Wendtner', 'e');
  await tagWithKey(page, '14 miners trapped', 'q');
  await tagWithKey(page, 'Nine miners were rescued on Tuesday evening', 'f');
  await tagWithKey(page, 'an independent inquiry into the collapse', 'd');
  await tagWithKey(page, 'the ventilation shaft had been inspected in February and found sound', 'c');
  await tagWithKey(page, 'Alder Fenwick', 'e');
  await annotationList(page).getByRole('button', { name: /ventilation shaft/ }).click();
  const editor = page.getByLabel('Edit annotation');
  await editor.getByLabel('Status').selectOption('disputed');
  await editor.getByLabel('Speaker').fill('Alder Fenwick');
  await editor.getByLabel('Speaker').press('Enter');
  await editor.getByLabel('Note').fill('Union safety officer says it was never inspected (Harbour Post).');
  await editor.getByLabel('Note').blur();
  await expect(annotationRows(page)).toHaveCount(7);
  await page.mouse.move(0, 0);
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.screenshot({ path: fileURLToPath(new URL('../../resources/screenshots/crosscheck.png', import.meta.url)) });
});
