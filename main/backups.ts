/**
 * The backups folder (<userData>/backups): writing a backup atomically, listing, pruning and reading one back
 * by name. Plain Node on the file system, so it is tested on real temporary folders.
 *
 * Pruning keeps the ten newest backups Crosscheck made on its own (after changes, on quit, before a restore).
 * Backups the user asked for with "Back up now" are never pruned: one made on purpose should not disappear
 * because the app later made ten of its own, and they are rare enough not to fill a disk.
 */
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_FILE_NAME, type BackupEntry, type BackupReason } from '../shared/ipc/contract';

export const BACKUP_FOLDER_NAME = 'backups';
export const AUTOMATIC_BACKUPS_KEPT = 10;
/** Reasons of the backups Crosscheck makes on its own: these are pruned to the newest ten. */
export const AUTOMATIC_REASONS: ReadonlySet<BackupReason> = new Set<BackupReason>(['auto', 'quit', 'before-restore']);

// A backup being written lives under this name until it is complete; a crash leaves it behind, never listed.
const PARTIAL_SUFFIX = '.partial';
// Long enough that no write still in progress is this old; short enough to tidy up after a crash soon.
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** A problem with a backup that the person can act on; its message may be shown as it is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export function backupFolderIn(userData: string): string {
  return path.join(userData, BACKUP_FOLDER_NAME);
}

/** `crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck` for a backup made at `at`. */
export function backupFileName(reason: BackupReason, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `crosscheck-backup-${stamp}-${reason}.crosscheck`;
}

/** The time and reason a backup's name records, or null for any other name (foreign or partial files). */
export function parseBackupFileName(name: string): { createdAt: string; reason: BackupReason } | null {
  const match = BACKUP_FILE_NAME.exec(name);
  if (!match) return null;
  const [, date, hours, minutes, seconds, millis, reason] = match;
  const createdAt = `${date}T${hours}:${minutes}:${seconds}.${millis}Z`;
  // The pattern admits 2025-13-45; a real backup's name is always a real time.
  if (Number.isNaN(Date.parse(createdAt)) || new Date(createdAt).toISOString() !== createdAt) return null;
  return { createdAt, reason: reason as BackupReason };
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await lstat(filePath);
    return true;
  } catch {
    return false;
  }
}

/** Best effort: makes the rename itself durable where the system lets a folder be synced (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here; the rename is still atomic, only its durability across a power cut is weaker.
  }
}

/**
 * Writes a backup: first to a partial file, flushed to disk, then renamed to its final name, so that the
 * folder only ever holds complete backups under backup names. Two backups in the same millisecond get
 * distinct names (the second a millisecond later) rather than one replacing the other.
 */
export async function writeBackup(folder: string, reason: BackupReason, bytes: Uint8Array, now: Date = new Date()): Promise<BackupEntry> {
  await mkdir(folder, { recursive: true });
  let at = now.getTime();
  let name = backupFileName(reason, new Date(at));
  while (await exists(path.join(folder, name))) name = backupFileName(reason, new Date(++at));

  const target = path.join(folder, name);
  const partial = path.join(folder, `.${name}.${process.pid}-${Math.random().toString(36).slice(2, 10)}${PARTIAL_SUFFIX}`);
  try {
    // 'wx': never write into a file that is already there.
    const handle = await open(partial, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await syncFolder(folder);
  return { name, createdAt: new Date(at).toISOString(), reason, bytes: bytes.byteLength };
}

/** Every complete backup in the folder, newest first; anything else in the folder is ignored. */
export async function listBackups(folder: string): Promise<BackupEntry[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupEntry[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const parsed = parseBackupFileName(entry.name);
    if (!parsed) continue;
    try {
      backups.push({ name: entry.name, ...parsed, bytes: (await stat(path.join(folder, entry.name))).size });
    } catch {
      // Removed between reading the folder and looking at the file (another prune): not a backup any more.
    }
  }
  // The names start with the same prefix and sort by their time.
  return backups.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Deletes automatic backups beyond the newest `keep`, and partial files left by a write that never finished
 * (older than an hour, so a write in progress is never touched). Returns the names it deleted.
 */
export async function pruneBackups(folder: string, keep: number = AUTOMATIC_BACKUPS_KEPT, now: Date = new Date()): Promise<string[]> {
  const removed: string[] = [];
  const automatic = (await listBackups(folder)).filter((backup) => AUTOMATIC_REASONS.has(backup.reason));
  for (const backup of automatic.slice(keep)) {
    await rm(path.join(folder, backup.name), { force: true });
    removed.push(backup.name);
  }
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(PARTIAL_SUFFIX) || !entry.name.startsWith('.crosscheck-backup-')) continue;
    const filePath = path.join(folder, entry.name);
    const info = await stat(filePath).catch(() => null);
    if (info && now.getTime() - info.mtimeMs > STALE_PARTIAL_MS) {
      await rm(filePath, { force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}

/**
 * Reads one backup by name. Only a backup name is accepted (no path, no other file), the file must be a
 * regular file directly in the folder (not a link to somewhere else), and no larger than `maxBytes`.
 */
export async function readBackup(folder: string, name: string, maxBytes: number): Promise<Uint8Array> {
  if (!parseBackupFileName(name)) throw new BackupError(`“${name}” is not the name of a Crosscheck backup.`);
  const root = path.resolve(folder);
  const filePath = path.resolve(root, name);
  if (path.dirname(filePath) !== root) throw new BackupError(`“${name}” is not in the backups folder.`);
  let info;
  try {
    info = await lstat(filePath);
  } catch {
    throw new BackupError(`The backup “${name}” is no longer in the backups folder. Choose another backup.`);
  }
  if (!info.isFile()) throw new BackupError(`“${name}” in the backups folder is not a backup file. Choose another backup.`);
  if (info.size > maxBytes) {
    throw new BackupError(`The backup “${name}” is ${(info.size / (1024 * 1024)).toFixed(1)} MB, larger than Crosscheck opens. Choose another backup.`);
  }
  return new Uint8Array(await readFile(filePath));
}
