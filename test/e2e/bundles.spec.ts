/**
 * Bundles in the app: export from the dialog (bundle and open formats), import through "Import bundle…" with
 * preview and report, and the refusals. Each browser context has its own IndexedDB, so a fresh context is a
 * second Crosscheck with an empty library.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { annotationList, annotationRows, documentList, openDocument, openSamples, tagWithKey } from './reader-helpers';

const PART_FILES = ['documents.ndjson', 'entities.ndjson', 'annotations.ndjson', 'links.ndjson', 'decisions.ndjson', 'decision-history.ndjson'];

/** The sample corpus with a person, a claim and a figure tagged in two articles. */
async function tagSamples(page: Page): Promise<void> {
  await openSamples(page);
  await openDocument(page, /^Rescuers race to reach trapped miners/);
  await tagWithKey(page, 'Tobias Wendtner', 'e');
  await tagWithKey(page, 'the ventilation shaft had been inspected in February and found sound', 'c');
  await openDocument(page, /^Envoy says Marrow Creek mine talks/);
  await tagWithKey(page, 'about 30 miners remain trapped', 'q');
}

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import bundle' });

interface Saved {
  name: string;
  bytes: Buffer;
}

/** Opens Export…, picks a format (and documents), presses Export and returns the downloaded file. */
async function exportAs(page: Page, format: RegExp, options: { documents?: RegExp[] } = {}): Promise<Saved> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  if (options.documents) {
    await dialog.getByRole('radio', { name: /^Chosen documents/ }).check();
    for (const title of options.documents) await dialog.getByRole('list', { name: 'Documents to export' }).getByRole('checkbox', { name: title }).check();
  }
  await dialog.getByRole('radio', { name: format }).check();
  // Fails here, quickly and by name, when the dialog refuses (e.g. the report waiting for contradictions).
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const target = path.join(tmpdir(), `crosscheck-e2e-${process.pid}-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${file.suggestedFilename()}”` })).toBeVisible();
  return { name: file.suggestedFilename(), bytes: await readFile(target) };
}

/** Chooses a file through "Import bundle…", as a person does with the file dialog. */
async function chooseBundle(page: Page, file: { name: string; bytes: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
}

/** The row of a counts table, as cell texts: [records, added, updated, skipped, conflicts]. */
async function countsRow(page: Page, records: string): Promise<string[]> {
  const row = importDialog(page).getByRole('row', { name: new RegExp(`^${records}\\b`) });
  // The preview is read in the bundle worker: wait for it, since allTextContents does not.
  await row.waitFor();
  return row.locator('th, td').allTextContents();
}

function parts(bundle: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(bundle));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** A library exported from its own browser context: the sample corpus with a few tags. */
async function exportedLibrary(browser: Browser): Promise<Saved> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await tagSamples(page);
  const saved = await exportAs(page, /^Crosscheck bundle/);
  await context.close();
  return saved;
}

test('a bundle carries the library into an empty Crosscheck, and exporting it there gives the same bundle', async ({ browser }) => {
  const first = await exportedLibrary(browser);
  expect(first.name).toMatch(/^crosscheck-\d{4}-\d{2}-\d{2}\.crosscheck$/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByText('Import an article or open the sample corpus to start reading.')).toBeVisible();

  await chooseBundle(page, first);
  const dialog = importDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Import this bundle?' })).toBeVisible();
  await expect(dialog).toContainText('Made by Crosscheck user');
  await expect(dialog).toContainText('the whole library (5 documents)');
  expect(await countsRow(page, 'Documents')).toEqual(['Documents', '5', '0', '0', '0']);
  expect(await countsRow(page, 'Annotations')).toEqual(['Annotations', '3', '0', '0', '0']);
  // Nothing is written before the person says Import.
  await expect(documentList(page).getByRole('listitem')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Bundle imported' })).toBeVisible();
  await expect(dialog).toContainText('5 documents, 1 entity and 3 annotations added.');
  expect(await countsRow(page, 'Documents')).toEqual(['Documents', '5', '0', '0', '0']);
  await dialog.getByText('Documents added (5)').click();
  await expect(dialog.getByRole('list', { name: 'Documents added' })).toContainText('Rescuers race to reach trapped miners at Marrow Creek');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The imported library is the exported one: its documents, and the tags on them.
  await expect(documentList(page).getByRole('listitem')).toHaveCount(5);
  await openDocument(page, /^Rescuers race to reach trapped miners/);
  await expect(annotationRows(page)).toHaveCount(2);
  await expect(annotationList(page)).toContainText('Tobias Wendtner');
  await expect(page.locator('.reader-content mark')).toContainText(['Tobias Wendtner', 'the ventilation shaft had been inspected in February and found sound']);

  const second = await exportAs(page, /^Crosscheck bundle/);
  const before = parts(first.bytes);
  const after = parts(second.bytes);
  for (const part of PART_FILES) {
    expect(after[part], part).toBe(before[part]);
  }
  expect(before['annotations.ndjson']!.trim().split('\n')).toHaveLength(3);
  const manifest = (text: string) => {
    const { createdAt, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(createdAt).toEqual(expect.any(String));
    return rest;
  };
  expect(manifest(after['manifest.json']!)).toEqual(manifest(before['manifest.json']!));
  await context.close();
});

test('importing the same bundle a second time changes nothing and says everything was skipped', async ({ browser }) => {
  const bundle = await exportedLibrary(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const dialog = importDialog(page);

  await chooseBundle(page, bundle);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Bundle imported' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await chooseBundle(page, bundle);
  await expect(dialog).toContainText('Everything in this bundle is already in the library: importing it changes nothing.');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Nothing changed' })).toBeVisible();
  await expect(dialog).toContainText('Everything in the bundle was already in the library; all of it was skipped.');
  expect(await countsRow(page, 'Documents')).toEqual(['Documents', '0', '0', '5', '0']);
  expect(await countsRow(page, 'Entities')).toEqual(['Entities', '0', '0', '1', '0']);
  expect(await countsRow(page, 'Annotations')).toEqual(['Annotations', '0', '0', '3', '0']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(documentList(page).getByRole('listitem')).toHaveCount(5);
  await context.close();
});

test('an annotation changed in both places is reported as a conflict, and the newer version is kept', async ({ browser }) => {
  const bundle = await exportedLibrary(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const dialog = importDialog(page);
  await chooseBundle(page, bundle);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Here, after the export, the claim gets a verdict.
  await openDocument(page, /^Rescuers race to reach trapped miners/);
  await annotationList(page).getByRole('button', { name: /the ventilation shaft had been inspected/ }).click();
  await page.getByLabel('Edit annotation').getByLabel('Status').selectOption('refuted');
  await expect(annotationList(page).locator('.status-refuted')).toHaveCount(1);

  await chooseBundle(page, bundle);
  expect(await countsRow(page, 'Annotations')).toEqual(['Annotations', '0', '0', '3', '1']);
  const conflicts = dialog.getByRole('region', { name: 'Conflicts' });
  await expect(conflicts).toContainText('the ventilation shaft had been inspected');
  await expect(conflicts).toContainText("kept the library's version, which is newer");
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Nothing changed' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Conflicts' })).toContainText('the ventilation shaft had been inspected');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(annotationList(page).locator('.status-refuted')).toHaveCount(1);
  await context.close();
});

test('a file that is not a bundle, and a bundle changed after export, are refused with their reason and write nothing', async ({ browser }) => {
  const good = await exportedLibrary(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const dialog = importDialog(page);

  await chooseBundle(page, { name: 'notes.crosscheck', bytes: Buffer.from('Meeting notes, not a bundle at all.\n') });
  await expect(dialog.getByRole('heading', { name: 'This bundle cannot be imported' })).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('This file is not a Crosscheck bundle');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was imported.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The same length, one word changed: only the checksum can tell.
  const files = unzipSync(new Uint8Array(good.bytes));
  const documents = strFromU8(files['documents.ndjson']!);
  expect(documents).toContain('Marrow Creek');
  files['documents.ndjson'] = strToU8(documents.replace('Marrow Creek', 'Morrow Creek'));
  await chooseBundle(page, { name: 'edited.crosscheck', bytes: Buffer.from(zipSync(files)) });
  await expect(dialog.getByRole('alert')).toContainText('documents.ndjson does not match its checksum in the manifest');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(documentList(page).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('Import an article or open the sample corpus to start reading.')).toBeVisible();
  await context.close();
});

test('a broken bundle leaves a library with documents exactly as it was', async ({ page }) => {
  await tagSamples(page);
  await openDocument(page, /^Rescuers race to reach trapped miners/);
  await expect(annotationRows(page)).toHaveCount(2);

  const broken = Buffer.from(zipSync({ 'manifest.json': strToU8('{"format":"something-else"}') }));
  await chooseBundle(page, { name: 'other-app.crosscheck', bytes: broken });
  await expect(importDialog(page).getByRole('alert')).toContainText('This zip file is not a Crosscheck bundle');
  await importDialog(page).getByRole('button', { name: 'Close' }).click();

  await expect(documentList(page).getByRole('listitem')).toHaveCount(5);
  await expect(annotationRows(page)).toHaveCount(2);
});

test('CSV and W3C exports hold the tagged annotations in a form other tools read', async ({ page }) => {
  await tagSamples(page);

  const csv = await exportAs(page, /^Spreadsheet \(CSV\)/);
  expect(csv.name).toMatch(/^crosscheck-\d{4}-\d{2}-\d{2}-annotations\.csv$/);
  const rows = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(rows[0]).toBe('document title,document id,kind,quote,start,end,status,speaker,note,entity,quantity value,quantity key,annotation id');
  expect(rows.filter((row) => row.includes(',claim,the ventilation shaft had been inspected in February and found sound,'))).toHaveLength(1);
  expect(rows.filter((row) => row.startsWith('Envoy says Marrow Creek mine talks have collapsed,') && row.includes(',quantity,about 30 miners remain trapped,'))).toHaveLength(1);

  const w3c = await exportAs(page, /^W3C Web Annotations/);
  expect(w3c.name).toMatch(/\.jsonld$/);
  const [collection, ...pages] = JSON.parse(w3c.bytes.toString('utf8')) as Array<Record<string, unknown>>;
  expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' });
  const items = pages.flatMap((page) => page.items as Array<{ target: Array<{ selector: Array<{ type: string; exact?: string }> }> }>);
  const quotes = items.flatMap((item) => item.target.flatMap((target) => target.selector.filter((s) => s.type === 'TextQuoteSelector').map((s) => s.exact)));
  expect(quotes).toEqual(expect.arrayContaining(['Tobias Wendtner', 'the ventilation shaft had been inspected in February and found sound', 'about 30 miners remain trapped']));
});

test('chosen documents export only those documents, with their own tags', async ({ page }) => {
  await tagSamples(page);
  const saved = await exportAs(page, /^Crosscheck bundle/, { documents: [/^Envoy says Marrow Creek mine talks/] });
  expect(saved.name).toMatch(/^crosscheck-1-document-\d{4}-\d{2}-\d{2}\.crosscheck$/);
  const files = parts(saved.bytes);
  const manifest = JSON.parse(files['manifest.json']!) as { selection: string; counts: Record<string, number> };
  expect(manifest.selection).toBe('1 document chosen');
  expect(manifest.counts).toMatchObject({ documents: 1, annotations: 1 });
  expect(files['documents.ndjson']).toContain('Envoy says Marrow Creek mine talks have collapsed');
  expect(files['annotations.ndjson']).toContain('about 30 miners remain trapped');
  expect(files['annotations.ndjson']).not.toContain('Tobias Wendtner');
});

test('ClaimReview asks for the publisher once, and exports the claims that have a verdict', async ({ page }) => {
  await tagSamples(page);
  await openDocument(page, /^Rescuers race to reach trapped miners/);
  await annotationList(page).getByRole('button', { name: /the ventilation shaft had been inspected/ }).click();
  await page.getByLabel('Edit annotation').getByLabel('Status').selectOption('refuted');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('radio', { name: /^ClaimReview/ }).check();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await dialog.getByLabel('Publisher (your fact-checking organisation)').fill('Harbour Fact Desk');
  await dialog.getByLabel('Page that publishes these fact checks').fill('not a web address');
  await expect(dialog).toContainText('The page address must be a full web address');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await dialog.getByLabel('Page that publishes these fact checks').fill('https://factdesk.example/marrow-creek');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const reviews = JSON.parse(await readFile(await file.path(), 'utf8')) as Array<Record<string, unknown>>;
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({
    '@type': 'ClaimReview',
    claimReviewed: 'the ventilation shaft had been inspected in February and found sound',
    author: { name: 'Harbour Fact Desk' },
    reviewRating: { alternateName: 'False' },
  });
  expect(String(reviews[0]!.url)).toMatch(/^https:\/\/factdesk\.example\/marrow-creek#claim-/);

  // Remembered for the next export.
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /^ClaimReview/ }).check();
  await expect(dialog.getByLabel('Publisher (your fact-checking organisation)')).toHaveValue('Harbour Fact Desk');
  await expect(dialog.getByLabel('Page that publishes these fact checks')).toHaveValue('https://factdesk.example/marrow-creek');
});

test('the bundle records the reviewer’s name as its author, and the dialog remembers it', async ({ page }) => {
  await openSamples(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog(page).getByLabel('Your name, recorded as the bundle’s author').fill('Ines Calloway');
  const download = page.waitForEvent('download');
  await exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click();
  const manifest = JSON.parse(parts(await readFile(await (await download).path()))['manifest.json']!) as { createdBy: string };
  expect(manifest.createdBy).toBe('Ines Calloway');

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog(page).getByLabel('Your name, recorded as the bundle’s author')).toHaveValue('Ines Calloway');
});

test('the contradiction report shows what the engine found, as Markdown and as a web page', async ({ page }) => {
  await openSamples(page);
  // The engine has reported once the side panel counts some contradictions.
  await expect(page.getByRole('tab', { name: /^Contradictions [1-9]\d*$/ })).toBeVisible();

  const markdown = await exportAs(page, /^Contradiction report \(Markdown\)/);
  expect(markdown.name).toMatch(/-contradictions\.md$/);
  const text = markdown.bytes.toString('utf8');
  expect(text).toMatch(/^# Contradiction report\n/);
  expect(text).toMatch(/\n\d+ contradictions across \d+ documents, generated /);
  expect(text).toContain('Tobias Vantner');

  const html = await exportAs(page, /^Contradiction report \(web page\)/);
  const htmlText = html.bytes.toString('utf8');
  expect(htmlText).toMatch(/^<!doctype html>/);
  expect(htmlText).toContain('<h1>Contradiction report</h1>');
  expect(htmlText).toContain('Tobias Vantner');
});

test('“Export evidence…” in the review view exports the evidence behind the filter as a bundle', async ({ page }) => {
  await openSamples(page);
  await page.getByRole('button', { name: /^Review/ }).click();
  await page.getByRole('button', { name: 'Export evidence…' }).click();
  const dialog = exportDialog(page);
  await expect(dialog.getByRole('radio', { name: /^The evidence behind the review filter/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Crosscheck bundle/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^crosscheck-evidence-\d{4}-\d{2}-\d{2}\.crosscheck$/);
  const manifest = JSON.parse(parts(await readFile(await file.path()))['manifest.json']!) as { selection: string; counts: { documents: number } };
  expect(manifest.selection).toMatch(/^evidence from \d+ documents?$/);
  expect(manifest.counts.documents).toBeGreaterThan(1);
});
