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

/** channel -> arguments and result. Channel names read `domain:verb`. */
export interface IpcContract {
  'source:choose': { args: []; result: SourceFilePayload[] };
  'bundle:choose': { args: []; result: SourceFilePayload[] };
  'file:save': { args: [SaveFileRequest]; result: { saved: boolean } };
  'app:info': { args: []; result: AppInfo };
  'shell:open-external': { args: [url: string]; result: boolean };
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
};

/** The renderer-facing method for each channel; the preload exposes exactly these. */
export const IPC_METHODS = {
  chooseSourceFiles: 'source:choose',
  chooseBundleFiles: 'bundle:choose',
  saveFile: 'file:save',
  appInfo: 'app:info',
  openExternal: 'shell:open-external',
} as const satisfies Record<string, IpcChannel>;
export type IpcMethod = keyof typeof IPC_METHODS;

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = ['import', 'open-samples', 'paste-document', 'import-bundle', 'export-bundle', 'toggle-dark-mode', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** The shape of `window.api` in the Electron renderer. */
export type CrosscheckApi = {
  [M in IpcMethod]: (
    ...args: IpcContract[(typeof IPC_METHODS)[M]]['args']
  ) => Promise<IpcResult<IpcContract[(typeof IPC_METHODS)[M]]['result']>>;
} & {
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
