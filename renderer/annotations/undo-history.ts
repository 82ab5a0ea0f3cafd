/** Undo for tagging and deleting: each entry knows how to reverse one command. */

export interface UndoEntry {
  /** What the user would call it: "Tag claim", "Delete fact". */
  label: string;
  undo(): Promise<void>;
}

export class UndoHistory {
  private readonly entries: UndoEntry[] = [];

  constructor(private readonly limit = 100) {}

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  /** Reverses the newest entry; returns its label, or null when there is nothing to undo. */
  async undo(): Promise<string | null> {
    const entry = this.entries.pop();
    if (!entry) return null;
    await entry.undo();
    return entry.label;
  }

  get size(): number {
    return this.entries.length;
  }
}
