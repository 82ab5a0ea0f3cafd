/**
 * Links between annotations in different documents: a claim in one article linked as contradicting a claim
 * in another shows on both ends and raises a "Conflicting claims" contradiction. Uses the sample corpus.
 */
import { expect, test, type Page } from '@playwright/test';
import { annotationList, annotationRows, openDocument, openSamples, tagWithKey } from './reader-helpers';

const RESUMED = "talks between the Brask Mining Company and the miners' union had resumed";
const COLLAPSED = 'talks between the Brask mining company and the union have collapsed';
const RESCUE_TITLE = 'Rescuers race to reach trapped miners at Marrow Creek';
const ENVOY_TITLE = 'Envoy says Marrow Creek mine talks have collapsed';

/** Opens an untagged article and waits until reader and panel show it, so that tagging counts from zero. */
async function openUntagged(page: Page, title: string): Promise<void> {
  await openDocument(page, title);
  await expect(annotationRows(page)).toHaveCount(0);
}

const contradictionsTab = (page: Page) => page.getByRole('tab', { name: /^Contradictions/ });
const found = (page: Page) => page.getByRole('list', { name: 'Contradictions found' }).locator(':scope > li');
const editor = (page: Page) => page.getByLabel('Edit annotation');
const linked = (page: Page) => editor(page).getByRole('list', { name: 'Linked annotations' }).getByRole('listitem');

/** Tags the two opposite claims about the talks, one per article; the envoy's claim stays selected. */
async function tagBothClaims(page: Page): Promise<void> {
  await openUntagged(page, RESCUE_TITLE);
  await tagWithKey(page, RESUMED, 'c');
  await openUntagged(page, ENVOY_TITLE);
  await tagWithKey(page, COLLAPSED, 'c');
  await expect(editor(page)).toBeVisible();
}

/** Links the selected annotation to the one found by `search`, as `relation`. */
async function linkTo(page: Page, search: string, quote: RegExp, relation: string, note?: string): Promise<void> {
  await editor(page).getByRole('button', { name: 'Link to…' }).click();
  const picker = editor(page).getByRole('form', { name: 'Link to another annotation' });
  await picker.getByLabel('Find the annotation to link to').fill(search);
  await picker.getByRole('radio', { name: quote }).check();
  await picker.getByLabel('This annotation').selectOption(relation);
  if (note) await picker.getByLabel('Note (optional)').fill(note);
  await picker.getByRole('button', { name: 'Link', exact: true }).click();
}

test('a claim linked as contradicting a claim in another article shows on both ends and raises a claim conflict', async ({ page }) => {
  await openSamples(page);
  // Only what the user tagged and linked counts: the texts alone raise nothing.
  await contradictionsTab(page).click();
  await page.getByLabel('Also check what extraction finds in the texts, not only what you tagged').uncheck();
  await expect(page.getByText('No contradictions found.')).toBeVisible();

  await tagBothClaims(page);
  await expect(editor(page).getByRole('region', { name: 'Links' })).toContainText('Not linked to any other annotation yet.');
  await linkTo(page, 'resumed', /had resumed/, 'contradicts', 'Same day, opposite outcome.');

  // This end: the envoy's claim contradicts the rescue report's claim.
  await expect(linked(page)).toHaveCount(1);
  await expect(linked(page)).toContainText('Contradicts');
  await expect(linked(page)).toContainText(`“${RESUMED}”`);
  await expect(linked(page)).toContainText(RESCUE_TITLE);
  await expect(linked(page)).toContainText('Same day, opposite outcome.');

  // The other end, opened from the link: the rescue report's claim is contradicted by the envoy's.
  await linked(page).getByRole('button', { name: new RegExp(RESUMED) }).click();
  await expect(page.locator('.reader-content')).toContainText('Rescue teams worked through the night');
  await expect(page.locator('.reader-content mark.mark-selected')).toHaveText(RESUMED);
  await expect(linked(page)).toHaveCount(1);
  await expect(linked(page)).toContainText('Contradicted by');
  await expect(linked(page)).toContainText(`“${COLLAPSED}”`);
  await expect(linked(page)).toContainText(ENVOY_TITLE);

  await contradictionsTab(page).click();
  await expect(found(page)).toHaveCount(1);
  const conflict = found(page).first();
  await expect(conflict).toContainText('Conflicting claims');
  const evidence = conflict.getByRole('list', { name: 'Evidence' }).getByRole('listitem');
  await expect(evidence).toHaveCount(2);
  await expect(evidence.filter({ hasText: RESUMED })).toContainText(RESCUE_TITLE);
  await expect(evidence.filter({ hasText: COLLAPSED })).toContainText(ENVOY_TITLE);
});

test('removing the link takes the conflict away, and the same link cannot be made twice', async ({ page }) => {
  await openSamples(page);
  await contradictionsTab(page).click();
  await page.getByLabel('Also check what extraction finds in the texts, not only what you tagged').uncheck();
  await tagBothClaims(page);
  await linkTo(page, 'Rescuers resumed', /had resumed/, 'contradicts');
  await expect(linked(page)).toHaveCount(1);

  // Drawn again, the other way round, from the rescue report: refused with a reason.
  await linked(page).getByRole('button', { name: new RegExp(RESUMED) }).click();
  await expect(linked(page)).toContainText('Contradicted by');
  await linkTo(page, 'collapsed', /have collapsed/, 'contradicts');
  await expect(editor(page).getByRole('alert')).toHaveText(/^“talks between the Brask Mining Company.*” already contradicts “talks between the Brask mining company.*”\.$/);
  await expect(linked(page)).toHaveCount(1);
  // The picker never offers the annotation itself.
  const picker = editor(page).getByRole('form', { name: 'Link to another annotation' });
  await picker.getByLabel('Find the annotation to link to').fill('talks');
  await expect(picker.getByRole('radio')).toHaveCount(1);
  await picker.getByRole('button', { name: 'Cancel' }).click();

  await contradictionsTab(page).click();
  await expect(found(page)).toHaveCount(1);
  await page.getByRole('tab', { name: /^Annotations/ }).click();
  await annotationList(page).getByRole('button', { name: new RegExp(RESUMED) }).first().click();
  await linked(page).getByRole('button', { name: /Remove link/ }).click();
  await expect(editor(page).getByRole('region', { name: 'Links' })).toContainText('Not linked to any other annotation yet.');
  await contradictionsTab(page).click();
  await expect(page.getByText('No contradictions found.')).toBeVisible();
});
