/**
 * The last backup before the window closes or the app quits. Electron's 'before-quit' and the window's
 * 'close' cannot wait for a promise, so the first one is cancelled, the renderer is asked for its backup,
 * and the close or quit is started again once the renderer answers, or after a time limit, whichever comes
 * first, so that a renderer that hangs never keeps the app from quitting.
 *
 * Order of events, for reference: app.quit() (menu, Cmd+Q) emits 'before-quit' first, then 'close' on
 * each window; closing the last window on Windows or Linux emits 'close', then 'window-all-closed', where
 * main calls app.quit(). Either way the gate is asked once, and everything after the answer passes.
 */

export const FINAL_BACKUP_TIMEOUT_MS = 10_000;

export interface FinalBackupGateOptions {
  /** Asks the renderer for its final backup; false when there is no renderer to ask (no window, or it is gone). */
  requestBackup(): boolean;
  timeoutMs?: number;
  log?: (message: string) => void;
}

type GateState = 'open' | 'waiting' | 'passed';

export class FinalBackupGate {
  private state: GateState = 'open';
  private resumes: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: FinalBackupGateOptions) {}

  /**
   * Called from 'before-quit' and the window's 'close'. Returns true when the caller must cancel the event
   * (event.preventDefault()); `resume` is then called once the backup is done, to close or quit again.
   * Returns false when the event may go ahead now.
   */
  hold(resume: () => void): boolean {
    if (this.state === 'passed') return false;
    if (this.state === 'waiting') {
      // A second close or quit while waiting: it goes ahead with the first.
      this.resumes.push(resume);
      return true;
    }
    if (!this.options.requestBackup()) {
      this.state = 'passed';
      return false;
    }
    this.state = 'waiting';
    this.resumes = [resume];
    const timeoutMs = this.options.timeoutMs ?? FINAL_BACKUP_TIMEOUT_MS;
    this.timer = setTimeout(() => {
      this.options.log?.(`The final backup did not finish within ${timeoutMs / 1000} s; closing without it.`);
      this.pass();
    }, timeoutMs);
    return true;
  }

  /** The renderer's answer: its final backup is written, was not needed, or failed (it said so itself). */
  backupFinished(): void {
    if (this.state === 'waiting') this.pass();
  }

  /**
   * A new window was opened (macOS keeps running without windows): its library gets a final backup of
   * its own when it closes. A quit already under way is not interrupted.
   */
  rearm(): void {
    if (this.state === 'passed') this.state = 'open';
  }

  get waiting(): boolean {
    return this.state === 'waiting';
  }

  private pass(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.state = 'passed';
    const resumes = this.resumes;
    this.resumes = [];
    for (const resume of resumes) resume();
  }
}
