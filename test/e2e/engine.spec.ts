/**
 * The engine in the app: detection runs in a worker over the store, suggestions are accepted or rejected
 * from the keyboard, and evidence opens in the reader. Uses the sample corpus (a mine collapse story).
 */
import { expect, test, type Page } from '@playwright/test';
import { annotationList, annotationRows, openDocument, openSamples, tagWithKey } from './reader-helpers';

const contradictionsTab = (page: Page) => page.getByRole('tab', { name: /Contradictions/ });
const found = (page: Page) => page.getByRole('list', { name: 'Contradictions found' }).locator(':scope > li');

test('tagging the envoy under two spellings in two articles raises a name variant by itself', async ({ page }) => {
  await openSamples(page);
  // Only what the user tags counts: the texts alone raise nothing.
  await contradictionsTab(page).click();
  await page.getByLabel('Also check what extraction finds in the texts, not only what you tagged').uncheck();
  await expect(page.getByText('No contradictions found.')).toBeVisible();

  await openDocument(page, /^Rescuers race to reach trapped miners/);
  await tagWithKey(page, 'Tobias Wendtner', 'e');
  await openDocument(page, /^Envoy says Marrow Creek mine talks/);
  await tagWithKey(page, 'Tobias Vantner', 'e');

  await contradictionsTab(page).click();
  await expect(found(page)).toHaveCount(1);
  const flag = found(page).first();
  await expect(flag).toContainText('Name variant');
  // One document each: neither spelling is the rarer, so the explanation asks which one is right.
  await expect(flag).toContainText('“Tobias Wendtner” and “Tobias Vantner”, each used in 1 document, look like two spellings of the same person');
  await expect(flag.getByRole('list', { name: 'Evidence' }).getByRole('listitem')).toHaveCount(2);
  await expect(flag.getByRole('list', { name: 'Evidence' })).not.toContainText('found by extraction');

  // The side panel shows the other spelling on the entity annotation.
  await page.getByRole('tab', { name: /Annotations/ }).click();
  await annotationList(page).getByRole('button', { name: /Tobias Vantner/ }).click();
  await expect(page.getByLabel('Same referent')).toContainText('Tobias Wendtner');
  await expect(page.getByLabel('Same referent')).toContainText('envoy');
});

test('with extraction on, the sample corpus shows its contradictions and evidence opens in the reader', async ({ page }) => {
  await openSamples(page);
  await contradictionsTab(page).click();
  await expect(found(page).filter({ hasText: 'Name variant' })).toHaveCount(1);
  await expect(found(page).filter({ hasText: 'Figures differ' }).filter({ hasText: 'different numbers of trapped miners' })).toHaveCount(1);
  await expect(found(page).filter({ hasText: 'Dates differ' })).toHaveCount(1);
  await expect(found(page).filter({ hasText: 'Conflicting claims' })).toHaveCount(2);

  const nameFlag = found(page).filter({ hasText: 'Name variant' });
  await nameFlag.getByRole('button', { name: /Tobias Vantner/ }).click();
  await expect(page.getByRole('heading', { name: /Envoy says Marrow Creek/ }).or(page.locator('.reader-content p').first())).toContainText('Envoy says Marrow Creek');
  await expect(page.locator('.reader-content mark.mark-focus')).toHaveText('Tobias Vantner');
});

test('a tagged quantity gets its value and key, and shows them in the panel', async ({ page }) => {
  await openSamples(page);
  await openDocument(page, /^Envoy says Marrow Creek mine talks/);
  await tagWithKey(page, 'about 30 miners remain trapped', 'q');
  await expect(page.getByLabel('Edit annotation')).toContainText('about 30 trapped miners');
  await expect(page.getByLabel('Edit annotation')).toContainText('miner|trapped');
});

test('suggestions are accepted with Enter and rejected with Backspace, and a rejection is remembered', async ({ page }) => {
  await openSamples(page);
  await openDocument(page, /^Envoy says Marrow Creek mine talks/);
  await page.getByRole('button', { name: 'Suggest' }).click();
  const suggested = page.getByRole('list', { name: 'Suggested annotations' }).getByRole('listitem');
  await expect(suggested.first()).toBeVisible();
  const offered = await suggested.count();
  const quotes = await suggested.locator('.annotation-quote').allTextContents();
  const [first, second] = quotes as [string, string];
  // The same words can be suggested at several places; count places, not words.
  const offeredCount = (quote: string) => quotes.filter((q) => q === quote).length;

  await page.keyboard.press('Enter');
  await expect(suggested).toHaveCount(offered - 1);
  await page.keyboard.press('Backspace');
  await expect(suggested).toHaveCount(offered - 2);

  await page.getByRole('tab', { name: /Annotations/ }).click();
  await expect(annotationRows(page)).toHaveCount(1);
  await expect(annotationList(page)).toContainText(first);

  await page.reload();
  await page.getByRole('button', { name: 'Suggest' }).click();
  await expect(suggested).toHaveCount(offered - 2);
  // Neither the accepted nor the rejected suggestion is offered again.
  const remaining = await suggested.locator('.annotation-quote').allTextContents();
  expect(remaining.filter((quote) => quote === first)).toHaveLength(offeredCount(first) - 1);
  expect(remaining.filter((quote) => quote === second)).toHaveLength(offeredCount(second) - 1);
});
