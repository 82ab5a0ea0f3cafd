import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUTOMATIC_BACKUPS_KEPT,
  BackupError,
  backupFileName,
  backupFolderIn,
  listBackups,
  parseBackupFileName,
  pruneBackups,
  readBackup,
  writeBackup,
} from '../../../main/backups';
import type { BackupReason } from '../../../shared/ipc/contract';

let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'crosscheck-backups-'));
  folder = backupFolderIn(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Bytes that look like a small bundle: zip magic, then a label to tell backups apart. */
function bundleBytes(label: string): Uint8Array {
  return new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode(label)]);
}

const MARCH_7 = new Date('2025-03-07T12:30:05.123Z');

function minutesAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

describe('backup file names', () => {
  it('carry the UTC time without characters Windows refuses, then the reason', () => {
    const name = backupFileName('auto', MARCH_7);
    expect(name).toBe('crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck');
    expect(name).not.toMatch(/[:\\/]/);
    expect(parseBackupFileName(name)).toEqual({ createdAt: '2025-03-07T12:30:05.123Z', reason: 'auto' });
  });

  it('sort in time order as plain strings', () => {
    const times = [new Date('2024-12-31T23:59:59.999Z'), new Date('2025-01-01T00:00:00.000Z'), new Date('2025-01-01T00:00:00.001Z'), MARCH_7];
    const names = times.map((time) => backupFileName('manual', time));
    expect([...names].sort()).toEqual(names);
  });

  it.each([
    'notes.txt',
    'crosscheck-2025-03-07.crosscheck',
    'crosscheck-backup-2025-03-07T12-30-05-123Z-weekly.crosscheck',
    'crosscheck-backup-2025-13-45T12-30-05-123Z-auto.crosscheck',
    'crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck.partial',
    '../crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck',
  ])('are recognised only in their own form, not %s', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });
});

describe('writeBackup', () => {
  it('creates the folder and writes the bytes under a backup name', async () => {
    const entry = await writeBackup(folder, 'manual', bundleBytes('library'), MARCH_7);
    expect(entry).toEqual({ name: 'crosscheck-backup-2025-03-07T12-30-05-123Z-manual.crosscheck', createdAt: MARCH_7.toISOString(), reason: 'manual', bytes: 11 });
    expect(new Uint8Array(await readFile(path.join(folder, entry.name)))).toEqual(bundleBytes('library'));
    // Nothing else is left in the folder: the partial file was renamed, not copied.
    expect(await readdir(folder)).toEqual([entry.name]);
  });

  it('gives two backups made in the same millisecond their own names, so neither replaces the other', async () => {
    const first = await writeBackup(folder, 'auto', bundleBytes('first'), MARCH_7);
    const second = await writeBackup(folder, 'auto', bundleBytes('second'), MARCH_7);
    expect(second.name).not.toBe(first.name);
    expect(second.createdAt).toBe('2025-03-07T12:30:05.124Z');
    expect(new TextDecoder().decode((await readFile(path.join(folder, first.name))).subarray(4))).toBe('first');
    expect(new TextDecoder().decode((await readFile(path.join(folder, second.name))).subarray(4))).toBe('second');
  });

  it('leaves nothing behind when the folder cannot be made', async () => {
    // A file where the backups folder should be: mkdir fails, and no partial file is written anywhere.
    await writeFile(folder, 'not a folder');
    await expect(writeBackup(folder, 'auto', bundleBytes('x'), MARCH_7)).rejects.toThrow();
    expect(await readdir(root)).toEqual(['backups']);
  });
});

describe('listBackups', () => {
  it('is empty when no backup was ever made (no folder yet)', async () => {
    await expect(listBackups(folder)).resolves.toEqual([]);
  });

  it('lists name, time, reason and size, newest first, whatever order they were written in', async () => {
    await writeBackup(folder, 'quit', bundleBytes('b'), minutesAfter(MARCH_7, 5));
    await writeBackup(folder, 'manual', bundleBytes('a'), MARCH_7);
    await writeBackup(folder, 'before-restore', bundleBytes('ccc'), minutesAfter(MARCH_7, 90));
    const listed = await listBackups(folder);
    expect(listed.map((backup) => [backup.reason, backup.createdAt, backup.bytes])).toEqual([
      ['before-restore', '2025-03-07T14:00:05.123Z', 7],
      ['quit', '2025-03-07T12:35:05.123Z', 5],
      ['manual', '2025-03-07T12:30:05.123Z', 5],
    ]);
  });

  it('never lists a partial file left by a write that did not finish, nor anything foreign', async () => {
    const complete = await writeBackup(folder, 'auto', bundleBytes('whole'), MARCH_7);
    // What a crash in the middle of writeBackup leaves: the partial file, under its temporary name.
    const final = backupFileName('quit', minutesAfter(MARCH_7, 1));
    await writeFile(path.join(folder, `.${final}.4242-abcd.partial`), bundleBytes('half'));
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    await writeFile(path.join(folder, 'crosscheck-2025-03-07.crosscheck'), bundleBytes('an export'));
    await mkdir(path.join(folder, backupFileName('auto', minutesAfter(MARCH_7, 2))));
    expect((await listBackups(folder)).map((backup) => backup.name)).toEqual([complete.name]);
  });

  it('never shows a backup before all its bytes are written', async () => {
    const big = new Uint8Array(8 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const writing = writeBackup(folder, 'auto', big, MARCH_7);
    const seen: number[] = [];
    let done = false;
    void writing.finally(() => (done = true));
    while (!done) {
      for (const backup of await listBackups(folder)) seen.push(backup.bytes);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    expect(seen.every((size) => size === big.byteLength)).toBe(true);
    expect((await listBackups(folder))[0]?.bytes).toBe(big.byteLength);
  });
});

describe('pruneBackups', () => {
  async function writeSeries(reason: BackupReason, count: number, start: Date): Promise<string[]> {
    const names: string[] = [];
    for (let i = 0; i < count; i++) names.push((await writeBackup(folder, reason, bundleBytes(`${reason} ${i}`), minutesAfter(start, i))).name);
    return names;
  }

  it('keeps the newest ten automatic backups and deletes the older ones', async () => {
    const names = await writeSeries('auto', 13, MARCH_7);
    const removed = await pruneBackups(folder);
    expect(removed.sort()).toEqual(names.slice(0, 3).sort());
    expect((await listBackups(folder)).map((backup) => backup.name)).toEqual(names.slice(3).reverse());
    expect(AUTOMATIC_BACKUPS_KEPT).toBe(10);
  });

  it('counts quit and before-restore backups with the automatic ones, and never deletes a manual one', async () => {
    const manual = await writeSeries('manual', 3, MARCH_7);
    const auto = await writeSeries('auto', 6, minutesAfter(MARCH_7, 10));
    const quit = await writeSeries('quit', 4, minutesAfter(MARCH_7, 20));
    const beforeRestore = await writeSeries('before-restore', 2, minutesAfter(MARCH_7, 30));
    await pruneBackups(folder);
    const left = (await listBackups(folder)).map((backup) => backup.name);
    expect(left.filter((name) => !manual.includes(name))).toHaveLength(10);
    for (const name of manual) expect(left).toContain(name);
    // The two oldest automatic ones went; everything newer stayed.
    expect(left).not.toContain(auto[0]);
    expect(left).not.toContain(auto[1]);
    for (const name of [...auto.slice(2), ...quit, ...beforeRestore]) expect(left).toContain(name);
  });

  it('tidies partial files older than an hour but leaves a recent one (a write may be in progress)', async () => {
    await mkdir(folder, { recursive: true });
    const stale = path.join(folder, `.${backupFileName('quit', MARCH_7)}.11-aaaa.partial`);
    const fresh = path.join(folder, `.${backupFileName('auto', MARCH_7)}.12-bbbb.partial`);
    await writeFile(stale, 'half');
    await writeFile(fresh, 'half');
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 60 * 60 * 1000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    await pruneBackups(folder, 10, now);
    expect(await readdir(folder)).toEqual([path.basename(fresh)]);
  });
});

describe('readBackup', () => {
  it('reads a backup back by its name', async () => {
    const entry = await writeBackup(folder, 'auto', bundleBytes('library'), MARCH_7);
    expect(await readBackup(folder, entry.name, 1024)).toEqual(bundleBytes('library'));
  });

  it.each([
    ['a path out of the folder', '../secrets.crosscheck'],
    ['an absolute path', '/etc/passwd'],
    ['a backup name behind a path', `../backups/${backupFileName('auto', MARCH_7)}`],
    ['a file that is not a backup', 'notes.txt'],
  ])('refuses %s with a message, reading nothing', async (_label, name) => {
    await writeBackup(folder, 'auto', bundleBytes('library'), MARCH_7);
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    await expect(readBackup(folder, name, 1024)).rejects.toThrow(BackupError);
    await expect(readBackup(folder, name, 1024)).rejects.toThrow(/not the name of a Crosscheck backup/);
  });

  it('refuses a backup name that is a link to a file elsewhere', async () => {
    await mkdir(folder, { recursive: true });
    const outside = path.join(root, 'private.crosscheck');
    await writeFile(outside, bundleBytes('not yours'));
    const name = backupFileName('auto', MARCH_7);
    await symlink(outside, path.join(folder, name));
    await expect(readBackup(folder, name, 1024)).rejects.toThrow(/is not a backup file/);
  });

  it('says when the backup is gone, and when it is larger than Crosscheck opens', async () => {
    await expect(readBackup(folder, backupFileName('quit', MARCH_7), 1024)).rejects.toThrow(/no longer in the backups folder/);
    const entry = await writeBackup(folder, 'auto', bundleBytes('x'.repeat(100)), MARCH_7);
    expect((await stat(path.join(folder, entry.name))).size).toBe(104);
    await expect(readBackup(folder, entry.name, 50)).rejects.toThrow(/larger than Crosscheck opens/);
  });
});
