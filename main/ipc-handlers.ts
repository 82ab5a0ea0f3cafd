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
  type IpcChannel,
  type IpcContract,
  type IpcResult,
  type SaveFileRequest,
  type SourceFilePayload,
} from '../shared/ipc/contract';
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
  openExternal(url: string): Promise<void>;
  appInfo(): AppInfo;
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

/** Implementations of every contract channel over the given services. */
export function createIpcImplementations(services: DesktopServices): IpcImplementations {
  return {
    'source:choose': () => chooseSourceFiles(services),
    'bundle:choose': () => chooseBundleFiles(services),
    'file:save': (request) => saveFile(services, request),
    'app:info': () => services.appInfo(),
    'shell:open-external': async (url) => {
      const safe = toSafeExternalUrl(url);
      // Refusal is an answer, not a failure: the renderer can tell the user the link was not opened.
      if (!safe) return false;
      await services.openExternal(safe);
      return true;
    },
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
