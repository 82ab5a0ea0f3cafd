/**
 * Backups in the app. On the web, "Back up now" downloads a real bundle that Import bundle… reads back, and
 * nothing offers a restore. The desktop renderer is driven here too, with a stand-in for Electron's main
 * process behind `window.api` (backups kept in memory, files "opened" on request): what main itself does
 * (the folder, atomic writes, pruning, argv, the quit sequence) is tested in test/unit/main; this checks the
 * renderer's half of the same contract, on real IndexedDB and real workers.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { documentList, openDocument, openSamples, tagWithKey } from './reader-helpers';

const libraryPane = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const restoreDialog = (page: Page) => page.getByRole('dialog', { name: 'Restore from backup' });
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import bundle' });

async function tagOnePerson(page: Page): Promise<void> {
  await openDocument(page, /^Rescuers race to reach trapped miners/);
  await tagWithKey(page, 'Tobias Wendtner', 'e');
}

test('web: Back up now downloads a bundle of the whole library, which Import bundle… accepts elsewhere', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openSamples(page);
  await tagOnePerson(page);

  // A browser has no backups folder: no restore list, no automatic backups.
  await expect(libraryPane(page).getByRole('button', { name: 'Restore from backup…' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await libraryPane(page).getByRole('button', { name: 'Back up now' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^crosscheck-backup-\d{4}-\d{2}-\d{2}-\d{4}\.crosscheck$/);
  await expect(page.getByRole('status').filter({ hasText: `Saved the backup “${file.suggestedFilename()}” (5 documents, 1 annotation and 1 entity).` })).toBeVisible();

  const target = path.join(tmpdir(), `crosscheck-e2e-${process.pid}-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  const bytes = await readFile(target);
  const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(bytes))['manifest.json']!)) as { counts: Record<string, number> };
  expect(manifest.counts).toMatchObject({ documents: 5, annotations: 1, entities: 1 });
  await context.close();

  // Another Crosscheck, empty: the backup is a bundle like any other.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto('/');
  const chooser = fresh.waitForEvent('filechooser');
  await fresh.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles({ name: file.suggestedFilename(), mimeType: 'application/octet-stream', buffer: bytes });
  await expect(importDialog(fresh).getByRole('heading', { name: 'Import this bundle?' })).toBeVisible();
  await importDialog(fresh).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog(fresh)).toContainText('5 documents, 1 entity and 1 annotation added.');
  await importDialog(fresh).getByRole('button', { name: 'Close' }).click();
  await expect(documentList(fresh).getByRole('listitem')).toHaveCount(5);
  await other.close();
});

/**
 * Stands in for Electron's main process behind window.api, with the contract's result shapes. Runs in the
 * page before the app, which then picks its Electron platform. `window.__main` lets the test act as the
 * operating system: open a file with Crosscheck, or start closing the window.
 */
function installDesktopMain(): void {
  type Entry = { name: string; createdAt: string; reason: string; bytes: number };
  const kept: Array<{ entry: Entry; data: Uint8Array }> = [];
  const opened: Array<{ name: string; bytes: Uint8Array }> = [];
  const listeners = { final: new Set<() => void>(), open: new Set<() => void>(), menu: new Set<(command: string) => void>() };
  const state = { finalDone: 0, lastTime: Date.parse('2025-03-07T09:00:00.000Z') };
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const subscribe = <T,>(set: Set<T>) => (listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  const api = {
    chooseSourceFiles: () => ok([]),
    chooseBundleFiles: () => ok([]),
    saveFile: () => ok({ saved: false }),
    appInfo: () => ok({ name: 'Crosscheck', version: '0.1.0', platform: 'linux' }),
    openExternal: () => ok(false),
    writeBackup: (reason: string, bytes: Uint8Array) => {
      // A minute apart, so that the list shows distinct times.
      state.lastTime += 60_000;
      const createdAt = new Date(state.lastTime).toISOString();
      const entry = { name: `crosscheck-backup-${createdAt.replace(/[:.]/g, '-')}-${reason}.crosscheck`, createdAt, reason, bytes: bytes.byteLength };
      kept.push({ entry, data: new Uint8Array(bytes) });
      return ok(entry);
    },
    listBackups: () => ok(kept.map((backup) => backup.entry).reverse()),
    readBackup: (name: string) => {
      const found = kept.find((backup) => backup.entry.name === name);
      return found ? ok({ name, bytes: new Uint8Array(found.data) }) : Promise.resolve({ ok: false as const, error: `The backup “${name}” is no longer in the backups folder.` });
    },
    finalBackupDone: () => {
      state.finalDone++;
      return ok(null);
    },
    takeOpenedBundles: () => ok({ files: opened.splice(0), problems: [] }),
    onMenuCommand: subscribe(listeners.menu),
    onFinalBackupRequest: subscribe(listeners.final),
    onBundleOpenRequest: subscribe(listeners.open),
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api) });
  Object.defineProperty(window, '__main', {
    value: {
      backups: () => kept.map((backup) => backup.entry),
      finalDone: () => state.finalDone,
      requestFinalBackup: () => listeners.final.forEach((listener) => listener()),
      menu: (command: string) => listeners.menu.forEach((listener) => listener(command)),
      openBackupAsFile: (name: string) => {
        const found = kept.find((backup) => backup.entry.name === name)!;
        opened.push({ name: 'from-a-colleague.crosscheck', bytes: new Uint8Array(found.data) });
        listeners.open.forEach((listener) => listener());
      },
    },
  });
}

interface DesktopMain {
  backups(): Array<{ name: string; reason: string }>;
  finalDone(): number;
  requestFinalBackup(): void;
  menu(command: string): void;
  openBackupAsFile(name: string): void;
}

type WithMain = { __main: DesktopMain };

/** The test's side of the stand-in: what main was given, and the operating system's actions. */
function desktopMain(page: Page) {
  return {
    backupReasons: () => page.evaluate(() => (window as unknown as WithMain).__main.backups().map((backup) => backup.reason)),
    backupNames: () => page.evaluate(() => (window as unknown as WithMain).__main.backups().map((backup) => backup.name)),
    finalDone: () => page.evaluate(() => (window as unknown as WithMain).__main.finalDone()),
    requestFinalBackup: () => page.evaluate(() => (window as unknown as WithMain).__main.requestFinalBackup()),
    menu: (command: string) => page.evaluate((name) => (window as unknown as WithMain).__main.menu(name), command),
    openBackupAsFile: (name: string) => page.evaluate((backup) => (window as unknown as WithMain).__main.openBackupAsFile(backup), name),
  };
}

test('desktop: Back up now, then Restore from backup… gives back the library, after backing up the current one', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(installDesktopMain);
  const page = await context.newPage();
  await openSamples(page);
  await tagOnePerson(page);

  await libraryPane(page).getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up the library (5 documents, 1 annotation and 1 entity). Restore from backup… lists it.' })).toBeVisible();

  // Work after the backup: a document deleted.
  const envoy = documentList(page).getByRole('listitem').filter({ hasText: /^Envoy says Marrow Creek mine talks/ });
  await envoy.getByRole('button', { name: /^Delete/ }).click();
  await envoy.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(documentList(page).getByRole('listitem')).toHaveCount(4);

  await libraryPane(page).getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = restoreDialog(page);
  const choices = dialog.getByRole('list', { name: 'Backups' }).getByRole('radio');
  await expect(choices).toHaveCount(1);
  await expect(dialog.getByRole('list', { name: 'Backups' })).toContainText('Backed up by hand');
  await dialog.getByRole('button', { name: 'Restore…' }).click();

  await expect(dialog.getByRole('heading', { name: 'Replace the library with this backup?' })).toBeVisible();
  const documentsRow = dialog.getByRole('row', { name: /^Documents/ });
  await expect(documentsRow.locator('td')).toHaveText(['5', '4']);
  // Nothing is replaced before the confirmation.
  await expect(documentList(page).getByRole('listitem')).toHaveCount(4);
  await dialog.getByRole('button', { name: 'Replace the library' }).click();

  await expect(dialog.getByRole('heading', { name: 'Backup restored' })).toBeVisible();
  await expect(dialog).toContainText('The library is now the backup made by hand of');
  await expect(dialog).toContainText(': 5 documents, 1 annotation and 1 entity.');
  await expect(dialog).toContainText('The library as it was just before (4 documents, 1 annotation and 1 entity) was backed up first: it is the newest backup in the list, “Before a restore”');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(documentList(page).getByRole('listitem')).toHaveCount(5);
  await expect(documentList(page)).toContainText('Envoy says Marrow Creek mine talks');
  expect(await desktopMain(page).backupReasons()).toEqual(['manual', 'before-restore']);

  // The menu reaches the same list, now with the safety backup first.
  await desktopMain(page).menu('restore-backup');
  await expect(choices).toHaveCount(2);
  await expect(choices.first()).toBeChecked();
  await expect(dialog.getByRole('listitem').first()).toContainText('Before a restore');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await context.close();
});

test('desktop: closing asks for a last backup only when something changed since the last one', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(installDesktopMain);
  const page = await context.newPage();
  await openSamples(page);
  const stand = desktopMain(page);

  await stand.requestFinalBackup();
  await expect.poll(stand.finalDone).toBe(1);
  expect(await stand.backupReasons()).toEqual(['quit']);

  // Nothing changed since: the answer comes without a new backup.
  await stand.requestFinalBackup();
  await expect.poll(stand.finalDone).toBe(2);
  expect(await stand.backupReasons()).toEqual(['quit']);

  await tagOnePerson(page);
  await stand.requestFinalBackup();
  await expect.poll(stand.finalDone).toBe(3);
  expect(await stand.backupReasons()).toEqual(['quit', 'quit']);
  await context.close();
});

test('desktop: a .crosscheck file opened with Crosscheck goes to the import preview', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(installDesktopMain);
  const page = await context.newPage();
  await openSamples(page);
  await tagOnePerson(page);
  await libraryPane(page).getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up the library' })).toBeVisible();
  const [backup] = await desktopMain(page).backupNames();

  await desktopMain(page).openBackupAsFile(backup!);
  const dialog = importDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Import this bundle?' })).toBeVisible();
  await expect(dialog).toContainText('from-a-colleague.crosscheck');
  await expect(dialog).toContainText('Everything in this bundle is already in the library: importing it changes nothing.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await context.close();
});
