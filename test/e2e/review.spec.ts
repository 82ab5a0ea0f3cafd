/**
 * The Review view on the sample corpus (a mine collapse story): the queue of flags with filters and counts,
 * the evidence of a flag, decisions that survive a reload, a dismissed flag that comes back when its evidence
 * changes, and triage from the keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSamples, tagWithKey } from './reader-helpers';

const REVIEWER = 'Ana Reviewer';

async function openSamplesInReview(page: Page): Promise<void> {
  await openSamples(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Review/ }).click();
  // Detection runs in a worker: wait for its six flags.
  await expect(flags(page)).toHaveCount(6, { timeout: 20_000 });
}

const queue = (page: Page) => page.getByRole('listbox', { name: 'Flags to review' });
const flags = (page: Page) => queue(page).getByRole('option');
const evidence = (page: Page) => page.getByRole('complementary', { name: 'Evidence' });
const statusBox = (page: Page, status: RegExp) => page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: status });
const badge = (page: Page) => page.getByRole('navigation', { name: 'Views' }).locator('.badge');

async function setReviewer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Set name' }).click();
  await page.getByRole('dialog', { name: 'Reviewer name' }).getByLabel('Your name').fill(REVIEWER);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Reviewer: ${REVIEWER}`)).toBeVisible();
}

test('the queue lists the sample corpus’s flags with counts for every filter value', async ({ page }) => {
  await openSamplesInReview(page);
  await expect(badge(page)).toHaveText('6');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toContainText('Name variant (1)');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toContainText('Figures differ (2)');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toContainText('Conflicting claims (2)');
  await expect(statusBox(page, /^Open/)).toBeChecked();
  await expect(statusBox(page, /^Dismissed/)).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Status' })).toContainText('Open 6');
  await expect(page.getByRole('combobox', { name: 'Person or organisation' })).toContainText('Tobias Vantner (1)');
  await expect(page.getByRole('combobox', { name: 'Document' })).toContainText('Leaton hospital treats rescued Marrow Creek miners (3)');

  // Free text (here a quote) narrows the list; the kind counts follow it.
  await page.getByRole('searchbox', { name: 'Search flags' }).fill('nine were rescued');
  await expect(flags(page)).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Kind' })).toContainText('Figures differ (1)');
  await page.getByRole('searchbox', { name: 'Search flags' }).fill('');
  await page.getByRole('combobox', { name: 'Minimum score' }).selectOption({ label: '90% or more (2)' });
  await expect(flags(page)).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('kind');
  await expect(flags(page).first()).toContainText('Name variant');

  // "Export evidence" hands the flags passing the filter to the export.
  await page.getByRole('combobox', { name: 'Minimum score' }).selectOption('0');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('quantity-mismatch');
  await expect(flags(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Export evidence…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toContainText('2 contradictions');
});

test('a name variant’s evidence is shown side by side, and its confirmation survives a reload', async ({ page }) => {
  await openSamplesInReview(page);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('name-variant');
  await expect(flags(page)).toHaveCount(1);
  await flags(page).first().click();
  await expect(flags(page).first()).toHaveAttribute('aria-selected', 'true');

  const spellings = evidence(page).getByRole('table', { name: /Spellings of one person/ });
  await expect(spellings.getByRole('row', { name: /Tobias Vantner/ })).toContainText('suspect');
  await expect(spellings.getByRole('row', { name: /Tobias Wendtner/ })).toContainText('usual spelling');
  await expect(evidence(page)).toContainText('same first name (Tobias)');
  const suspectSide = evidence(page).getByRole('region', { name: 'Tobias Vantner (suspect)' });
  await expect(suspectSide.getByRole('article')).toHaveCount(1);
  // The quote comes with its sentence and its document.
  await expect(suspectSide.getByRole('article')).toContainText('Tobias Vantner, the regional envoy for labour questions');
  await expect(suspectSide.getByRole('article')).toContainText('Envoy says Marrow Creek mine talks have collapsed');

  // The first decision asks who is reviewing, then what to do about the two names.
  await evidence(page).getByRole('button', { name: /^Confirm/ }).click();
  await page.getByRole('dialog', { name: 'Reviewer name' }).getByLabel('Your name').fill(REVIEWER);
  await page.keyboard.press('Enter');
  const choice = page.getByRole('dialog', { name: 'Confirm name variant' });
  await expect(choice.getByRole('button', { name: 'Treat as the same entity' })).toBeVisible();
  await expect(choice.getByRole('button', { name: 'Different entities' })).toBeVisible();
  await choice.getByRole('button', { name: 'Confirm only' }).click();

  // Confirmed flags are not in the default view.
  await expect(flags(page)).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Status' })).toContainText('Confirmed 1');
  await expect(badge(page)).toHaveText('5');

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('name-variant');
  await expect(page.getByText(`Reviewer: ${REVIEWER}`)).toBeVisible();
  await statusBox(page, /^Confirmed/).check();
  await expect(flags(page)).toHaveCount(1, { timeout: 20_000 });
  await expect(flags(page).first()).toContainText('Confirmed');
  await flags(page).first().click();
  await expect(evidence(page)).toContainText(`Confirmed by ${REVIEWER}`);
  // The status filter survives the reload too.
  await page.reload();
  await expect(statusBox(page, /^Confirmed/)).toBeChecked();
});

test('a dismissed flag stays hidden until its evidence changes, then comes back marked changed', async ({ page }) => {
  await openSamplesInReview(page);
  await setReviewer(page);
  const rescued = flags(page).filter({ hasText: 'rescued miners' });
  await rescued.click();
  await page.keyboard.press('x');
  const why = page.getByRole('dialog', { name: 'Dismiss flag' });
  await expect(why.getByRole('radio', { name: 'Same value at different times' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(rescued).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Status' })).toContainText('Dismissed 1');
  await expect(badge(page)).toHaveText('5');

  // Tag the hospital's figure, which only extraction had found: the same span now stands on a tagged
  // annotation with its own reading, so the evidence under the same flag has changed.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Read' }).click();
  await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /^Leaton hospital treats rescued/ }).click();
  await tagWithKey(page, '11 rescued miners', 'q');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Review/ }).click();
  await expect(rescued).toHaveCount(1);
  await expect(rescued).toContainText('Changed');
  await expect(badge(page)).toHaveText('6');
  await rescued.click();
  await expect(evidence(page)).toContainText(`The evidence changed since this was dismissed by ${REVIEWER}`);
  await expect(evidence(page)).toContainText('same value at different times');
  await expect(evidence(page).getByRole('article', { name: /Leaton hospital/ })).toContainText('tagged');
});

test('three flags are triaged with the keyboard alone, and u undoes the last decision', async ({ page }) => {
  await openSamplesInReview(page);
  await setReviewer(page);
  await queue(page).focus();
  const selected = queue(page).locator('[aria-selected="true"]');
  await expect(selected).toContainText('Name variant');

  await page.keyboard.press('f');
  await expect(selected).toContainText('Needs follow-up');
  await page.keyboard.press('j');
  await expect(selected).toContainText('trapped miners');
  await page.keyboard.press('c');
  // The confirmed flag leaves the default view; the next one takes its place.
  await expect(flags(page)).toHaveCount(5);
  await expect(selected).toContainText('ventilation shaft');
  await page.keyboard.press('x');
  await page.keyboard.press('Enter');
  await expect(flags(page)).toHaveCount(4);

  const statuses = page.getByRole('group', { name: 'Status' });
  await expect(statuses).toContainText('Needs follow-up 1');
  await expect(statuses).toContainText('Confirmed 1');
  await expect(statuses).toContainText('Dismissed 1');
  await expect(badge(page)).toHaveText('4');

  await page.keyboard.press('u');
  await expect(statuses).toContainText('Dismissed 0');
  await expect(selected).toContainText('ventilation shaft');
  await expect(selected).toContainText('Open');

  // Typing in the search box types; it does not decide.
  await page.getByRole('searchbox', { name: 'Search flags' }).fill('');
  await page.getByRole('searchbox', { name: 'Search flags' }).press('x');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search flags' })).toHaveValue('x');
});

test('o and the evidence buttons open the quote in the reader', async ({ page }) => {
  await openSamplesInReview(page);
  await flags(page).filter({ hasText: 'Name variant' }).click();
  await page.keyboard.press('o');
  await expect(page.locator('.reader-content mark.mark-focus')).toHaveText('Tobias Vantner');
});

test('treating the two spellings as one entity resolves the flag, and undo brings it back', async ({ page }) => {
  await openSamplesInReview(page);
  await setReviewer(page);
  await flags(page).filter({ hasText: 'Name variant' }).click();
  await page.keyboard.press('c');
  const choice = page.getByRole('dialog', { name: 'Confirm name variant' });
  // Extraction alone found these mentions: the dialog says they will be stored.
  await expect(choice).toContainText('found will be stored as mentions of “Tobias Wendtner”');
  await choice.getByRole('button', { name: 'Treat as the same entity' }).click();

  // The engine stops flagging the recorded misspelling; the decision stays visible among confirmed flags.
  await expect(flags(page)).toHaveCount(5);
  await expect(badge(page)).toHaveText('5');
  await statusBox(page, /^Confirmed/).check();
  const resolved = flags(page).filter({ hasText: 'Name variant' });
  await expect(resolved).toContainText('No longer flagged');
  await expect(resolved).toContainText('“Tobias Vantner” recorded as a misspelling of “Tobias Wendtner”');
  await expect(resolved).toContainText('Confirmed');

  // The variant's mention is now stored under the usual spelling's entity.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Read' }).click();
  await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /^Envoy says Marrow Creek/ }).click();
  await expect(page.getByRole('list', { name: 'Annotations in text order' })).toContainText('Tobias Vantner');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Review/ }).click();
  await page.keyboard.press('u');
  await expect(badge(page)).toHaveText('6');
  await expect(flags(page).filter({ hasText: 'Name variant' })).toContainText('Open');
});
