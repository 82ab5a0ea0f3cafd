/**
 * Main's side of the IPC contract. Every handler checks who is calling, validates the arguments against the
 * contract's schema, and answers with an IpcResult; nothing thrown here crosses to the renderer.
 * The operating system (dialogs, files, browser) is reached through DesktopServices so all of this runs in tests.
 */
import { SUPPORTED_EXTENSIONS } from '../shared/importers/source-document';
import path from 'node:path';
import type { IpcMain } from 'electron';
import type { z } from 'zod';
import { DEFAULT_ZIP_LIMITS, archiveTooLarge } from '../shared/bundles/zip-archive';
import {
  ipcArgumentSchemas,
  type AppInfo,
  type BackupEntry,
  type BackupReason,
  type IpcChannel,
  type IpcContract,
  type IpcResult,
  type OpenedBundles,
  type SaveFileRequest,
  type SourceFilePayload,
} from '../shared/ipc/contract';
import { BackupError, listBackups, pruneBackups, readBackup, writeBackup } from './backups';
import { isAppUrl, isTrustedSender, toSafeExternalUrl, type SenderFrame, type TrustedUrlTest } from './security';

/** The part of an IpcMainInvokeEvent the handlers read. */
export interface IpcSenderEvent {
  readonly senderFrame: SenderFrame | null;
}

export type IpcImplementation<C extends IpcChannel> = (
  ...args: IpcContract[C]['args']
) => IpcContract[C]['result'] | Promise<IpcContract[C]['result']>;

export type IpcImplementations = { [C in IpcChannel]: IpcImplementation<C> };

export type IpcHandler<C extends IpcChannel> = (
  event: IpcSenderEvent,
  ...args: unknown[]
) => Promise<IpcResult<IpcContract[C]['result']>>;

export interface IpcHandlerDeps {
  isTrustedUrl?: TrustedUrlTest;
  /** Where refusals and failures are recorded for the developer; the renderer only gets the message. */
  log?: (message: string, detail?: unknown) => void;
}

export const UNTRUSTED_SENDER_ERROR = 'Refused: the request did not come from the Crosscheck window.';

/** An error whose message is written for the user and may be shown as it is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** Turns zod issues into one sentence naming the offending field, e.g. `suggestedName: must be a file name`. */
export function describeArgumentIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const [index, ...field] = issue.path;
      const where = field.length > 0 ? field.join('.') : typeof index === 'number' ? `argument ${index + 1}` : '';
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Wraps one channel's implementation: sender check, argument validation, then the call, with every failure
 * turned into `{ ok: false, error }`.
 */
export function createIpcHandler<C extends IpcChannel>(
  channel: C,
  implementation: IpcImplementation<C>,
  deps: IpcHandlerDeps = {},
): IpcHandler<C> {
  const schema = ipcArgumentSchemas[channel] as z.ZodType<IpcContract[C]['args']>;
  const isTrustedUrl = deps.isTrustedUrl ?? isAppUrl;
  const log = deps.log ?? (() => undefined);

  return async (event, ...args) => {
    try {
      // senderFrame is null once the frame has navigated away or gone; treat that as untrusted.
      if (!isTrustedSender(event.senderFrame, isTrustedUrl)) {
        log(`IPC ${channel} refused from ${event.senderFrame?.url ?? 'a missing frame'}`);
        return { ok: false, error: UNTRUSTED_SENDER_ERROR };
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        return { ok: false, error: `Invalid request to ${channel}: ${describeArgumentIssues(parsed.error)}` };
      }
      const value = await implementation(...parsed.data);
      return { ok: true, value };
    } catch (error) {
      log(`IPC ${channel} failed`, error);
      if (error instanceof UserFacingError) return { ok: false, error: error.message };
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `Crosscheck could not complete ${channel}: ${detail}` };
    }
  };
}

/** The operating-system side effects the handlers need; main/desktop-services.ts implements them with Electron. */
export interface DesktopServices {
  /** Shows an open dialog (titled `title`, or "Import sources"); resolves to the chosen paths, empty when cancelled. */
  chooseFiles(filters: FileFilter[], title?: string): Promise<string[]>;
  /** Shows a save dialog; resolves to the chosen path, or null when cancelled. */
  chooseSaveLocation(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  fileSize(filePath: string): Promise<number>;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, data: string | Uint8Array): Promise<void>;
  /** Opens a web link in the system browser (openSafeExternalUrl: http(s) only); resolves to whether it did. */
  openInBrowser(url: string): Promise<boolean>;
  appInfo(): AppInfo;
  /** The folder backups are kept in (<userData>/backups); it may not exist yet. */
  backupFolder(): string;
  /** The renderer has written its final backup (or had nothing to back up): closing or quitting may go on. */
  finalBackupFinished(): void;
  /** Paths of bundles the operating system asked Crosscheck to open, not yet taken; taking empties the list. */
  takeOpenedBundlePaths(): string[];
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const SOURCE_FILE_FILTERS: FileFilter[] = [
  { name: 'Articles (web pages, Word, PDF, Markdown, text)', extensions: [...SUPPORTED_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];

export const BUNDLE_FILE_FILTERS: FileFilter[] = [
  { name: 'Crosscheck bundles', extensions: ['crosscheck'] },
  { name: 'All files', extensions: ['*'] },
];

/** Larger files are almost certainly not articles, and would be copied whole across IPC. */
export const MAX_SOURCE_FILE_BYTES = 50 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads the chosen files. Sizes are checked for every file before any is read, so one oversized file costs
 * no reading at all; `tooLarge` words the refusal, or returns undefined for a size that is fine.
 */
async function readChosenFiles(
  services: DesktopServices,
  paths: readonly string[],
  tooLarge: (name: string, size: number) => string | undefined,
): Promise<SourceFilePayload[]> {
  for (const filePath of paths) {
    const refusal = tooLarge(path.basename(filePath), await services.fileSize(filePath));
    if (refusal) throw new UserFacingError(refusal);
  }
  const files: SourceFilePayload[] = [];
  for (const filePath of paths) {
    const name = path.basename(filePath);
    let bytes: Uint8Array;
    try {
      bytes = await services.readFile(filePath);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserFacingError(`Could not read "${name}": ${reason}`);
    }
    // A plain Uint8Array, not a Node Buffer view into a shared pool, is what crosses IPC.
    files.push({ name, bytes: new Uint8Array(bytes) });
  }
  return files;
}

async function chooseSourceFiles(services: DesktopServices): Promise<SourceFilePayload[]> {
  const paths = await services.chooseFiles(SOURCE_FILE_FILTERS);
  return readChosenFiles(services, paths, (name, size) =>
    size > MAX_SOURCE_FILE_BYTES ? `"${name}" is ${megabytes(size)}; Crosscheck imports files up to ${megabytes(MAX_SOURCE_FILE_BYTES)}.` : undefined,
  );
}

/** Bundles have their own limit, the one the bundle reader enforces, with the reader's own words. */
async function chooseBundleFiles(services: DesktopServices): Promise<SourceFilePayload[]> {
  const paths = await services.chooseFiles(BUNDLE_FILE_FILTERS, 'Import bundles');
  return readChosenFiles(services, paths, (name, size) =>
    size > DEFAULT_ZIP_LIMITS.maxArchiveBytes ? `"${name}": ${archiveTooLarge(size).message}` : undefined,
  );
}

async function saveFile(services: DesktopServices, request: SaveFileRequest): Promise<{ saved: boolean }> {
  const target = await services.chooseSaveLocation(request.suggestedName, request.filters ?? []);
  if (target === null) return { saved: false };
  try {
    await services.writeFile(target, request.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(`Could not save "${path.basename(target)}": ${reason}`);
  }
  return { saved: true };
}

/** A backup is a bundle: a zip file, no larger than the bundle reader opens (so it can be restored). */
function backupBytesProblem(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength > DEFAULT_ZIP_LIMITS.maxArchiveBytes) {
    return `The backup was not written: the library makes a bundle of ${megabytes(bytes.byteLength)}, more than the ${megabytes(DEFAULT_ZIP_LIMITS.maxArchiveBytes)} Crosscheck could restore. Export it in parts (Export…, chosen documents) to keep a copy.`;
  }
  const isZip = bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return isZip ? undefined : 'The backup was not written: what Crosscheck was given is not a bundle (not a zip file).';
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes one backup and prunes the old automatic ones. Writes run one at a time, so two backups asked for
 * in the same moment never race for a name.
 */
function createBackupWriter(services: DesktopServices): (reason: BackupReason, bytes: Uint8Array) => Promise<BackupEntry> {
  let previous: Promise<unknown> = Promise.resolve();
  return (reason, bytes) => {
    const problem = backupBytesProblem(bytes);
    if (problem) return Promise.reject(new UserFacingError(problem));
    const run = previous.then(async () => {
      const folder = services.backupFolder();
      let entry: BackupEntry;
      try {
        entry = await writeBackup(folder, reason, bytes);
      } catch (error) {
        throw new UserFacingError(`The backup could not be written to ${folder}: ${reasonOf(error)}. The library itself is unchanged.`);
      }
      // A failed prune costs disk space, not the backup just written.
      await pruneBackups(folder).catch(() => undefined);
      return entry;
    });
    previous = run.catch(() => undefined);
    return run;
  };
}

async function readBackupFile(services: DesktopServices, name: string): Promise<SourceFilePayload> {
  try {
    return { name, bytes: await readBackup(services.backupFolder(), name, DEFAULT_ZIP_LIMITS.maxArchiveBytes) };
  } catch (error) {
    if (error instanceof BackupError) throw new UserFacingError(error.message);
    throw new UserFacingError(`Could not read the backup “${name}”: ${reasonOf(error)}`);
  }
}

/**
 * Reads the bundles the operating system asked to open. Unlike the file dialog, one bad file does not
 * refuse the others: each problem is named and the rest are opened.
 */
async function takeOpenedBundles(services: DesktopServices): Promise<OpenedBundles> {
  const opened: OpenedBundles = { files: [], problems: [] };
  for (const filePath of services.takeOpenedBundlePaths()) {
    const name = path.basename(filePath);
    try {
      const size = await services.fileSize(filePath);
      if (size > DEFAULT_ZIP_LIMITS.maxArchiveBytes) {
        opened.problems.push(`"${name}": ${archiveTooLarge(size).message}`);
        continue;
      }
      opened.files.push({ name, bytes: new Uint8Array(await services.readFile(filePath)) });
    } catch (error) {
      opened.problems.push(`Could not open "${name}": ${reasonOf(error)}`);
    }
  }
  return opened;
}

/** Implementations of every contract channel over the given services. */
export function createIpcImplementations(services: DesktopServices): IpcImplementations {
  const writeBackupFile = createBackupWriter(services);
  return {
    'source:choose': () => chooseSourceFiles(services),
    'bundle:choose': () => chooseBundleFiles(services),
    'file:save': (request) => saveFile(services, request),
    'app:info': () => services.appInfo(),
    'shell:open-external': async (url) => {
      const safe = toSafeExternalUrl(url);
      // Refusal is an answer, not a failure: the renderer can tell the user the link was not opened.
      if (!safe) return false;
      return services.openInBrowser(safe);
    },
    'backup:write': (reason, bytes) => writeBackupFile(reason, bytes),
    'backup:list': () => listBackups(services.backupFolder()),
    'backup:read': (name) => readBackupFile(services, name),
    'backup:final-done': () => {
      services.finalBackupFinished();
      return null;
    },
    'bundle:take-opened': () => takeOpenedBundles(services),
  };
}

/** Every channel of the contract, in the order the contract lists them. */
export const IPC_CHANNELS = Object.keys(ipcArgumentSchemas) as IpcChannel[];

/** Registers a checked handler for every contract channel. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  implementations: IpcImplementations,
  deps: IpcHandlerDeps = {},
): void {
  const register = <C extends IpcChannel>(channel: C) => {
    ipcMain.handle(channel, createIpcHandler(channel, implementations[channel], deps));
  };
  for (const channel of IPC_CHANNELS) register(channel);
}
