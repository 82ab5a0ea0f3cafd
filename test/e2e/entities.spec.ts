/**
 * The entity registry and the corpus-wide mention lists: merging two spellings of the envoy resolves the
 * name-variant flag, splitting them again brings it back; renaming; every mention of a person or a figure
 * across the sample corpus, in date order.
 */
import { expect, test, type Page } from '@playwright/test';
import { annotationRows, openDocument, openSamples, tagWithKey } from './reader-helpers';

const RESCUE_TITLE = 'Rescuers race to reach trapped miners at Marrow Creek';
const ENVOY_TITLE = 'Envoy says Marrow Creek mine talks have collapsed';

/** Opens an untagged article and waits until reader and panel show it, so that tagging counts from zero. */
async function openUntagged(page: Page, title: string): Promise<void> {
  await openDocument(page, title);
  await expect(annotationRows(page)).toHaveCount(0);
}

const view = (page: Page, name: 'Read' | 'Entities') => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
const contradictionsTab = (page: Page) => page.getByRole('tab', { name: /^Contradictions/ });
const found = (page: Page) => page.getByRole('list', { name: 'Contradictions found' }).locator(':scope > li');
const registry = (page: Page) => page.getByRole('list', { name: 'Entities by name' });
const entityRow = (page: Page, name: string) => registry(page).getByRole('listitem', { name, exact: true });

async function onlyWhatIsTagged(page: Page): Promise<void> {
  await contradictionsTab(page).click();
  await page.getByLabel('Also check what extraction finds in the texts, not only what you tagged').uncheck();
  await expect(page.getByText('No contradictions found.')).toBeVisible();
}

/** The envoy, spelled right in the rescue report and wrong in the envoy story. */
async function tagBothSpellings(page: Page): Promise<void> {
  await openUntagged(page, RESCUE_TITLE);
  await tagWithKey(page, 'Tobias Wendtner', 'e');
  await openUntagged(page, ENVOY_TITLE);
  await tagWithKey(page, 'Tobias Vantner', 'e');
}

async function expectNameVariantFlag(page: Page, count: 0 | 1): Promise<void> {
  await view(page, 'Read').click();
  await contradictionsTab(page).click();
  if (count === 0) {
    await expect(page.getByText('No contradictions found.')).toBeVisible();
  } else {
    await expect(found(page)).toHaveCount(1);
    await expect(found(page).first()).toContainText('Name variant');
    await expect(found(page).first()).toContainText('Tobias Vantner');
  }
}

test('merging the misspelt envoy into the right spelling resolves the name variant; splitting brings it back', async ({ page }) => {
  await openSamples(page);
  await onlyWhatIsTagged(page);
  await tagBothSpellings(page);
  await expectNameVariantFlag(page, 1);

  await view(page, 'Entities').click();
  await expect(registry(page).locator(':scope > li')).toHaveCount(2);
  const vantner = entityRow(page, 'Tobias Vantner');
  await expect(vantner).toContainText('1 mention in 1 document');
  await vantner.getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('form', { name: 'Merge Tobias Vantner' });
  // The likely duplicate is offered without searching: it shares the first name.
  await merge.getByRole('radio', { name: /Tobias Wendtner/ }).check();
  await expect(merge.getByRole('group', { name: 'Name and type to keep' }).getByRole('radio', { name: /Tobias Wendtner/ })).toBeChecked();
  await merge.getByLabel('Record “Tobias Vantner” as a misspelling').check();
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();

  await expect(page.getByRole('region', { name: 'Entities' }).getByRole('status')).toContainText('Merged “Tobias Vantner” into “Tobias Wendtner” as a misspelling');
  await expect(registry(page).locator(':scope > li')).toHaveCount(1);
  const wendtner = entityRow(page, 'Tobias Wendtner');
  const aliases = wendtner.getByRole('list', { name: 'Aliases of Tobias Wendtner' }).getByRole('listitem');
  await expect(aliases).toHaveCount(1);
  await expect(aliases).toContainText('Tobias Vantner');
  await expect(aliases).toContainText('misspelling');
  // The envoy story's mention now belongs to the kept entity.
  await expect(wendtner).toContainText('2 mentions in 2 documents');
  const perDocument = wendtner.getByRole('list', { name: 'Mentions of Tobias Wendtner by document' }).getByRole('listitem');
  await expect(perDocument).toHaveText([`${RESCUE_TITLE}1`, `${ENVOY_TITLE}1`]);

  await expectNameVariantFlag(page, 0);

  await view(page, 'Entities').click();
  await entityRow(page, 'Tobias Wendtner').getByRole('button', { name: 'Split “Tobias Vantner” off into its own entity' }).click();
  await expect(registry(page).locator(':scope > li')).toHaveCount(2);
  await expect(entityRow(page, 'Tobias Vantner')).toContainText('1 mention in 1 document');
  await expect(entityRow(page, 'Tobias Vantner')).toContainText(ENVOY_TITLE);
  await expect(entityRow(page, 'Tobias Wendtner').getByRole('list', { name: 'Aliases of Tobias Wendtner' })).toHaveCount(0);

  await expectNameVariantFlag(page, 1);
});

test('renaming keeps the old name as an alias; all mentions of the envoy are listed by date with their sentences', async ({ page }) => {
  await openSamples(page);
  await tagBothSpellings(page);
  // The envoy story also quotes him: a claim with the misspelt name as its speaker.
  await tagWithKey(page, 'talks between the Brask mining company and the union have collapsed', 'c');
  await page.getByLabel('Edit annotation').getByLabel('Speaker').fill('Tobias Vantner');
  await page.getByLabel('Edit annotation').getByLabel('Speaker').press('Enter');
  await view(page, 'Entities').click();
  await expect(entityRow(page, 'Tobias Vantner')).toContainText('1 mention in 1 document · speaker of 1 annotation');
  await entityRow(page, 'Tobias Vantner').getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('form', { name: 'Merge Tobias Vantner' });
  await merge.getByRole('searchbox').fill('wendt');
  await merge.getByRole('radio', { name: /Tobias Wendtner/ }).check();
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(registry(page).locator(':scope > li')).toHaveCount(1);
  // Merged without the misspelling box: a plain alias.
  await expect(entityRow(page, 'Tobias Wendtner').getByRole('list', { name: 'Aliases of Tobias Wendtner' })).not.toContainText('misspelling');

  await entityRow(page, 'Tobias Wendtner').getByRole('button', { name: 'Rename…' }).click();
  const rename = page.getByRole('form', { name: 'Rename Tobias Wendtner' });
  await rename.getByLabel('New name').fill('Tobias A. Wendtner');
  await rename.getByRole('button', { name: 'Rename' }).click();
  const renamed = entityRow(page, 'Tobias A. Wendtner');
  await expect(renamed.getByRole('heading')).toHaveText('Tobias A. Wendtner');
  await expect(renamed.getByRole('list', { name: 'Aliases of Tobias A. Wendtner' }).getByRole('listitem')).toHaveText([
    /^Tobias Vantner/,
    /^Tobias Wendtner/,
  ]);

  await renamed.getByRole('button', { name: 'All mentions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mentions of Tobias A. Wendtner' });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole('list', { name: 'Mentions by date' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(dialog).toContainText('3 mentions in 2 documents');
  await expect(rows.nth(0)).toContainText('2025-03-05');
  await expect(rows.nth(0)).toContainText(RESCUE_TITLE);
  await expect(rows.nth(0)).toContainText('Regional labour envoy Tobias Wendtner, who arrived at the site on Tuesday');
  await expect(rows.nth(1)).toContainText('2025-03-06');
  await expect(rows.nth(1)).toContainText(ENVOY_TITLE);
  await expect(rows.nth(1)).toContainText('Tobias Vantner, the regional envoy for labour questions, said on Wednesday');
  // The merge moved the quoted claim to the kept entity too.
  await expect(rows.nth(2)).toContainText('Quoted as the speaker of this claim');
  await expect(rows.nth(2)).toContainText(ENVOY_TITLE);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // A row opens the place in the reader.
  await renamed.getByRole('button', { name: 'All mentions' }).click();
  await rows.nth(1).getByRole('button').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.reader-content')).toContainText('the regional envoy for labour questions');
  await expect(page.locator('.reader-content mark.mark-selected')).toHaveText('Tobias Vantner');
});

test('all mentions of a figure: both articles’ trapped miners, with values and dates', async ({ page }) => {
  await openSamples(page);
  await openUntagged(page, ENVOY_TITLE);
  await tagWithKey(page, 'about 30 miners remain trapped', 'q');
  await openUntagged(page, RESCUE_TITLE);
  await tagWithKey(page, '14 miners trapped', 'q');
  await expect(page.getByLabel('Edit annotation')).toContainText('miner|trapped');

  await page.getByLabel('Edit annotation').getByRole('button', { name: 'All mentions across the corpus' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mentions of trapped miners' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2 mentions in 2 documents');
  const rows = dialog.getByRole('list', { name: 'Mentions by date' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(RESCUE_TITLE);
  await expect(rows.nth(0)).toContainText('2025-03-05');
  await expect(rows.nth(0)).toContainText('14 trapped miners');
  await expect(rows.nth(1)).toContainText(ENVOY_TITLE);
  await expect(rows.nth(1)).toContainText('2025-03-06');
  await expect(rows.nth(1)).toContainText('about 30 trapped miners');
  await expect(rows.nth(1)).toContainText('According to Vantner, about 30 miners remain trapped under the ground.');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
