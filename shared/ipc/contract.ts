/**
 * The one IPC contract between Electron's main process and the renderer.
 * Main's handlers and the preload's `window.api` are both typed from `IpcContract`; every argument is
 * validated in main against `ipcArgumentSchemas` before a handler sees it.
 */
import { z } from 'zod';

/** A file the user chose, read by main. */
export interface SourceFilePayload {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  suggestedName: string;
  /** Text is written as UTF-8. */
  data: string | Uint8Array;
  filters?: { name: string; extensions: string[] }[];
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

/**
 * Why a backup was made: by hand ("Back up now"), after a number of changes, when the window closed or the
 * app quit, or just before a restore replaced the library. It is part of the backup's file name.
 */
export const BACKUP_REASONS = ['manual', 'auto', 'quit', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * A backup's file name: `crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck`, the UTC time (with
 * `-` for `:` and `.`, which Windows refuses in names) then the reason. Names sort in time order.
 * Groups: 1 date, 2 hours, 3 minutes, 4 seconds, 5 milliseconds, 6 reason.
 */
export const BACKUP_FILE_NAME = /^crosscheck-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(manual|auto|quit|before-restore)\.crosscheck$/;

/** One backup in the backups folder. */
export interface BackupEntry {
  name: string;
  /** ISO date-time (UTC), from the name. */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

/** Bundles the operating system asked Crosscheck to open (double-click, command line), read by main. */
export interface OpenedBundles {
  files: SourceFilePayload[];
  /** One sentence per file that could not be opened, naming it. */
  problems: string[];
}

/** channel -> arguments and result. Channel names read `domain:verb`. */
export interface IpcContract {
  'source:choose': { args: []; result: SourceFilePayload[] };
  'bundle:choose': { args: []; result: SourceFilePayload[] };
  'file:save': { args: [SaveFileRequest]; result: { saved: boolean } };
  'app:info': { args: []; result: AppInfo };
  'shell:open-external': { args: [url: string]; result: boolean };
  'backup:write': { args: [reason: BackupReason, bytes: Uint8Array]; result: BackupEntry };
  'backup:list': { args: []; result: BackupEntry[] };
  'backup:read': { args: [name: string]; result: SourceFilePayload };
  'backup:final-done': { args: []; result: null };
  'bundle:take-opened': { args: []; result: OpenedBundles };
}
export type IpcChannel = keyof IpcContract;

/** Results cross IPC as values, never as thrown errors (whose messages Electron mangles). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

const fileFilter = z.object({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,16}$/)).max(20),
});

export const ipcArgumentSchemas: { [C in IpcChannel]: z.ZodType<IpcContract[C]['args']> } = {
  'source:choose': z.tuple([]),
  'bundle:choose': z.tuple([]),
  'file:save': z.tuple([
    z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .refine((name) => !/[\\/]/.test(name) && name !== '..' && name !== '.', 'must be a file name, not a path'),
      data: z.union([z.string(), z.instanceof(Uint8Array)]),
      filters: z.array(fileFilter).max(10).optional(),
    }),
  ]),
  'app:info': z.tuple([]),
  'shell:open-external': z.tuple([z.string().max(2048)]),
  // Size and content are checked in main, against the bundle reader's own limit.
  'backup:write': z.tuple([z.enum(BACKUP_REASONS), z.instanceof(Uint8Array)]),
  'backup:list': z.tuple([]),
  'backup:read': z.tuple([z.string().max(255).regex(BACKUP_FILE_NAME, 'must be the name of a Crosscheck backup')]),
  'backup:final-done': z.tuple([]),
  'bundle:take-opened': z.tuple([]),
};

/** The renderer-facing method for each channel; the preload exposes exactly these. */
export const IPC_METHODS = {
  chooseSourceFiles: 'source:choose',
  chooseBundleFiles: 'bundle:choose',
  saveFile: 'file:save',
  appInfo: 'app:info',
  openExternal: 'shell:open-external',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  finalBackupDone: 'backup:final-done',
  takeOpenedBundles: 'bundle:take-opened',
} as const satisfies Record<string, IpcChannel>;
export type IpcMethod = keyof typeof IPC_METHODS;

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'import',
  'open-samples',
  'paste-document',
  'import-bundle',
  'export-bundle',
  'back-up-now',
  'restore-backup',
  'toggle-dark-mode',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_COMMAND_CHANNEL = 'menu:command';

/**
 * Main asks the renderer for a last backup before the window closes or the app quits; the renderer answers
 * with 'backup:final-done' once it has written one (or found nothing new to back up).
 */
export const FINAL_BACKUP_REQUEST_CHANNEL = 'backup:final-request';
/** Main tells the renderer that bundles were opened with Crosscheck; the renderer takes them with 'bundle:take-opened'. */
export const BUNDLE_OPEN_REQUEST_CHANNEL = 'bundle:open-request';

/** The shape of `window.api` in the Electron renderer. */
export type CrosscheckApi = {
  [M in IpcMethod]: (
    ...args: IpcContract[(typeof IPC_METHODS)[M]]['args']
  ) => Promise<IpcResult<IpcContract[(typeof IPC_METHODS)[M]]['result']>>;
} & {
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribe to main's requests for a final backup; returns the unsubscribe function. */
  onFinalBackupRequest(listener: () => void): () => void;
  /** Subscribe to main's notices that bundles were opened with Crosscheck; returns the unsubscribe function. */
  onBundleOpenRequest(listener: () => void): () => void;
};
