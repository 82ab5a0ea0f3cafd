/**
 * The renderer's one door to the outside world. Two implementations: Electron (over window.api) and web
 * (file input and download). Components receive a Platform and never ask which one it is.
 */
import type { SourceFileInput } from '../../shared/importers/source-document';
import type { AppInfo, MenuCommand, SaveFileRequest } from '../../shared/ipc/contract';

export interface Platform {
  /** Lets the user choose source files and reads them; an empty list when they cancel. */
  chooseSourceFiles(): Promise<SourceFileInput[]>;
  /**
   * Lets the user choose `.crosscheck` bundles and reads them; an empty list when they cancel. Rejects,
   * before reading any file, when one is larger than Crosscheck opens (the message names it).
   */
  chooseBundleFiles(): Promise<SourceFileInput[]>;
  /** Saves data under a name the user confirms; false when they cancel. */
  saveFile(request: SaveFileRequest): Promise<boolean>;
  appInfo(): Promise<AppInfo>;
  /** Opens an http(s) link outside the app. */
  openExternal(url: string): Promise<void>;
  /** Menu commands from a native menu, if there is one; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
