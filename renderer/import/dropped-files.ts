/**
 * Files from a drop, folders included: a dropped folder contributes every file inside it, at any depth
 * (hidden files and folders skipped). Entries must be taken from the drop event before it ends, so the
 * caller passes `entriesOfDrop(event.dataTransfer)` synchronously and awaits `filesOfEntries` afterwards.
 */

/** The part of the File and Directory Entries API a drop gives. */
export interface DroppedEntry {
  readonly name: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void };
}

/** Takes the entries of a drop; call inside the drop handler. Falls back to plain files. */
export function entriesOfDrop(dataTransfer: DataTransfer): { entries: DroppedEntry[]; files: File[] } {
  const entries: DroppedEntry[] = [];
  for (const item of dataTransfer.items) {
    const entry = item.kind === 'file' ? (item.webkitGetAsEntry() as DroppedEntry | null) : null;
    if (entry) entries.push(entry);
  }
  return entries.length > 0 ? { entries, files: [] } : { entries: [], files: [...dataTransfer.files] };
}

function readAll(reader: NonNullable<ReturnType<NonNullable<DroppedEntry['createReader']>>>): Promise<DroppedEntry[]> {
  // readEntries answers in batches (about 100 at a time in Chromium) until it returns an empty batch.
  return new Promise((resolve, reject) => {
    const all: DroppedEntry[] = [];
    const next = (): void =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

/** Every file under the entries, in name order within each folder. */
export async function filesOfEntries(entries: readonly DroppedEntry[]): Promise<File[]> {
  const files: File[] = [];
  for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile && entry.file) {
      files.push(await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)));
    } else if (entry.isDirectory && entry.createReader) {
      files.push(...(await filesOfEntries(await readAll(entry.createReader()))));
    }
  }
  return files;
}
