/**
 * The renderer's one door to the outside world. Two implementations: Electron (over window.api) and web
 * (file input and download). Components receive a Platform and never ask which one it is; what differs in
 * what a platform can do at all is stated by `capabilities`, and the UI hides what is missing.
 */
import type { SourceFileInput } from '../../shared/importers/source-document';
import type { AppInfo, BackupEntry, BackupReason, MenuCommand, OpenedBundles, SaveFileRequest } from '../../shared/ipc/contract';

export interface PlatformCapabilities {
  /**
   * Backups are kept in a folder of the app's own (the desktop app's user data folder): automatic backups
   * and "Restore from backup…" need it. Without it, "Back up now" saves the bundle where the user chooses.
   */
  backupFolder: boolean;
}

/** Where a backup went: the backups folder (with its entry), or a file the user saved (a download). */
export type KeptBackup = { place: 'backup-folder'; entry: BackupEntry } | { place: 'saved-file'; name: string };

export interface Platform {
  readonly capabilities: PlatformCapabilities;
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
  /**
   * Keeps a backup of the library (bundle bytes). With a backup folder it is written there; without one only
   * 'manual' backups exist, and they are saved as a file (a download). Rejects with a message on failure.
   */
  writeBackup(reason: BackupReason, bytes: Uint8Array): Promise<KeptBackup>;
  /** The backups in the backup folder, newest first. Only with `capabilities.backupFolder`. */
  listBackups(): Promise<BackupEntry[]>;
  /** One backup's bytes, by the name listBackups gave. Only with `capabilities.backupFolder`. */
  readBackup(name: string): Promise<Uint8Array>;
  /**
   * Registers work to finish before the window closes or the app quits (the last backup). The platform waits
   * for it, within a time limit of its own; returns the unregister function. Never runs on the web.
   */
  beforeClosing(task: () => Promise<void>): () => void;
  /**
   * Bundles the operating system asked Crosscheck to open (a double-clicked `.crosscheck` file), including
   * any that arrived before this listener. Returns the unsubscribe function. Never emits on the web.
   */
  onBundlesOpened(listener: (opened: OpenedBundles) => void): () => void;
}
