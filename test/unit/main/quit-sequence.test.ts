import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FINAL_BACKUP_TIMEOUT_MS, FinalBackupGate } from '../../../main/quit-sequence';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A gate over a renderer that is there (or not), counting what it was asked. */
function gate(rendererPresent = true) {
  const requestBackup = vi.fn(() => rendererPresent);
  const log = vi.fn();
  return { gate: new FinalBackupGate({ requestBackup, log }), requestBackup, log };
}

describe('FinalBackupGate', () => {
  it('holds the first quit, asks the renderer for its backup, and quits again when it answers', () => {
    const { gate: g, requestBackup } = gate();
    const quit = vi.fn();
    expect(g.hold(quit)).toBe(true);
    expect(requestBackup).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();

    g.backupFinished();
    expect(quit).toHaveBeenCalledTimes(1);
    // The quit started again by the gate passes straight through: before-quit, then each window's close.
    expect(g.hold(vi.fn())).toBe(false);
    expect(g.hold(vi.fn())).toBe(false);
    expect(requestBackup).toHaveBeenCalledTimes(1);
  });

  it('quits after ten seconds when the renderer never answers, and says so in the log', () => {
    const { gate: g, log } = gate();
    const quit = vi.fn();
    g.hold(quit);
    vi.advanceTimersByTime(FINAL_BACKUP_TIMEOUT_MS - 1);
    expect(quit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('10 s'));
    expect(FINAL_BACKUP_TIMEOUT_MS).toBe(10_000);
  });

  it('does not quit twice when the answer comes after the time limit', () => {
    const { gate: g } = gate();
    const quit = vi.fn();
    g.hold(quit);
    vi.advanceTimersByTime(FINAL_BACKUP_TIMEOUT_MS);
    g.backupFinished();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('lets the quit go ahead at once when there is no renderer to ask', () => {
    const { gate: g, requestBackup } = gate(false);
    expect(g.hold(vi.fn())).toBe(false);
    expect(requestBackup).toHaveBeenCalledTimes(1);
    expect(g.waiting).toBe(false);
  });

  it('a second quit while waiting asks nothing more, and both go ahead with the answer', () => {
    const { gate: g, requestBackup } = gate();
    const closeWindow = vi.fn();
    const quit = vi.fn();
    expect(g.hold(closeWindow)).toBe(true);
    expect(g.hold(quit)).toBe(true);
    expect(requestBackup).toHaveBeenCalledTimes(1);
    g.backupFinished();
    expect(closeWindow).toHaveBeenCalledTimes(1);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('an answer nobody waits for changes nothing', () => {
    const { gate: g, requestBackup } = gate();
    g.backupFinished();
    const quit = vi.fn();
    expect(g.hold(quit)).toBe(true);
    expect(requestBackup).toHaveBeenCalledTimes(1);
  });

  it('asks again for a window opened after the last one closed (macOS keeps running)', () => {
    const { gate: g, requestBackup } = gate();
    g.hold(vi.fn());
    g.backupFinished();
    g.rearm();
    const quit = vi.fn();
    expect(g.hold(quit)).toBe(true);
    expect(requestBackup).toHaveBeenCalledTimes(2);
  });

  it('a new window does not interrupt a backup being waited for', () => {
    const { gate: g } = gate();
    const quit = vi.fn();
    g.hold(quit);
    g.rearm();
    expect(g.waiting).toBe(true);
    g.backupFinished();
    expect(quit).toHaveBeenCalledTimes(1);
  });
});
