/**
 * Storage failures in words a fact-checker can act on: a full disk (or a full browser quota) while saving,
 * and a library that cannot be opened at start. A refused write has rolled back with its transaction, so
 * these messages can promise that nothing saved before was lost.
 */

/**
 * True when `error`, or an error it wraps, is a storage quota failure. IndexedDB raises a DOMException named
 * QuotaExceededError, on the request or (in Chromium, at commit) on the transaction; Dexie passes it on as
 * it is, maps it to its own QuotaExceededError (the original as `inner`), wraps a transaction abort in an
 * AbortError with the quota error as `inner`, or lists it among a BulkError's `failures`. An error that
 * crossed from a worker as text keeps only its message, which still names the DOMException.
 */
export function isStorageFull(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 6) return false;
    seen.add(value);
    const candidate = value as { name?: unknown; code?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    // 22 is the legacy DOMException code of QUOTA_EXCEEDED_ERR; Firefox once used its own name for it.
    if (candidate.name === 'QuotaExceededError' || candidate.name === 'NS_ERROR_DOM_QUOTA_REACHED' || candidate.name === 'StorageFullError') return true;
    if (typeof DOMException !== 'undefined' && value instanceof DOMException && value.code === 22) return true;
    if (typeof candidate.message === 'string' && /\bQuotaExceededError\b/.test(candidate.message)) return true;
    const failures = candidate.failures;
    const wrapped = [candidate.inner, candidate.cause, ...(Array.isArray(failures) ? failures : typeof failures === 'object' && failures ? Object.values(failures) : [])];
    return wrapped.some((inner) => visit(inner, depth + 1));
  };
  return visit(error, 0);
}

const WHY_AND_WHAT_TO_DO =
  'the disk, or the space the browser allows Crosscheck, is full. Nothing saved before was lost. ' +
  'Free some disk space (or export a bundle of the library and delete documents you no longer need), then try again.';

/** The message for a write refused because storage is full; `unsaved` names what was not saved. */
export function storageFullMessage(unsaved: string): string {
  return `${unsaved}: ${WHY_AND_WHAT_TO_DO}`;
}

/** A write refused because storage is full, with a message that says what was not saved and what to do. */
export class StorageFullError extends Error {
  constructor(unsaved: string, options?: { cause?: unknown }) {
    super(storageFullMessage(unsaved), options);
    this.name = 'StorageFullError';
  }
}

/** Runs a store write; a quota failure comes out as a StorageFullError naming `unsaved`, anything else as it was. */
export async function explainingStorageFull<T>(unsaved: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StorageFullError || !isStorageFull(error)) throw error;
    throw new StorageFullError(unsaved, { cause: error });
  }
}

/** What a person sees instead of the app when the library cannot be opened at start. */
export function describeOpenFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'NewerLibraryError') return error.message;
  if (isStorageFull(error)) return storageFullMessage('Crosscheck could not open its library');
  const detail = error instanceof Error ? error.message : String(error);
  return (
    `Crosscheck could not open its library (${detail}). Nothing in it was changed. ` +
    'Close any other Crosscheck window and start Crosscheck again; if this keeps happening, free some disk space and restart the computer.'
  );
}
