/**
 * When to make an automatic backup: after a number of changes to the library, counted so that a burst of
 * writes (a batch import, "accept all" suggestions, a bundle import) counts once, and started only once the
 * burst is over, never in the middle of one. Plain TypeScript with timers; the store events are fed in by
 * use-backups.tsx.
 */
import { RECORD_TYPES } from '../../shared/bundles/bundle-format';

export const CHANGES_PER_BACKUP = 50;
/** Writes closer together than this belong to one burst and count as one change. */
export const BURST_MS = 2000;

export type ScheduledReason = 'auto' | 'quit';

/**
 * Whether a committed write touched what a backup holds: the parts Dexie's 'storagemutated' event names
 * read `idb://<database>/<table>/<index>`, and a backup holds the tables named like the bundle's record
 * types. Settings, rejected suggestions and other databases (tests, benchmarks) do not count.
 */
export function touchesLibrary(parts: Readonly<Record<string, unknown>>, databaseName: string): boolean {
  const prefixes = RECORD_TYPES.map((type) => `idb://${databaseName}/${type}/`);
  return Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)));
}

export interface BackupSchedulerOptions {
  /** Makes and keeps one backup of the library; rejects when it could not. */
  backUp(reason: ScheduledReason): Promise<void>;
  /** An automatic backup failed: tell the person (it is retried after as many changes again). */
  onFailure(error: unknown): void;
  changesPerBackup?: number;
  burstMs?: number;
}

export class BackupScheduler {
  private changes = 0;
  private burst: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  // After a failure, the next attempt waits for this many changes, so a full disk is reported now and then,
  // not after every edit.
  private retryAt = 0;
  private readonly changesPerBackup: number;
  private readonly burstMs: number;

  constructor(private readonly options: BackupSchedulerOptions) {
    this.changesPerBackup = options.changesPerBackup ?? CHANGES_PER_BACKUP;
    this.burstMs = options.burstMs ?? BURST_MS;
  }

  /** Changes (bursts) since the last backup. */
  get pendingChanges(): number {
    return this.changes;
  }

  /** A write to the library was committed. */
  noteChange(): void {
    if (this.burst === undefined) this.changes++;
    else clearTimeout(this.burst);
    this.burst = setTimeout(() => {
      this.burst = undefined;
      this.startIfDue();
    }, this.burstMs);
  }

  /** The library was just backed up by hand, or replaced by a backup: counting starts again. */
  reset(): void {
    this.changes = 0;
    this.retryAt = 0;
  }

  /**
   * The last backup before the window closes: waits for one in progress, then writes one if anything changed
   * since the last backup. Resolves either way (a failure is reported through onFailure).
   */
  async finish(): Promise<void> {
    clearTimeout(this.burst);
    this.burst = undefined;
    if (this.running) await this.running;
    if (this.changes > 0) await this.run('quit');
  }

  dispose(): void {
    clearTimeout(this.burst);
    this.burst = undefined;
  }

  private startIfDue(): void {
    if (this.running || this.changes < Math.max(this.changesPerBackup, this.retryAt)) return;
    void this.run('auto');
  }

  private run(reason: ScheduledReason): Promise<void> {
    const counted = this.changes;
    const running = this.options.backUp(reason).then(
      () => {
        // Changes made while the backup was being written are not in it: they count towards the next one.
        this.changes = Math.max(0, this.changes - counted);
        this.retryAt = 0;
      },
      (error: unknown) => {
        this.retryAt = this.changes + this.changesPerBackup;
        this.options.onFailure(error);
      },
    );
    this.running = running.finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
