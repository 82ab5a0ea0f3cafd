/**
 * The decisions made in this session, newest last, for "u" / Undo. Kept per database outside React state,
 * so that switching to the reader (which unmounts the Review view) and back does not lose them; a reload does.
 */
import { useCallback, useState } from 'react';
import type { CrosscheckDatabase } from '../store/database';
import type { DecisionReceipt } from '../store/decision-commands';

const MAX_UNDO = 50;
const sessions = new WeakMap<CrosscheckDatabase, DecisionReceipt[]>();

export interface DecisionUndo {
  receipts: readonly DecisionReceipt[];
  push(receipt: DecisionReceipt): void;
  /** Takes the newest receipt off the stack. */
  pop(): DecisionReceipt | undefined;
}

export function useDecisionUndo(db: CrosscheckDatabase): DecisionUndo {
  const [receipts, setReceipts] = useState<readonly DecisionReceipt[]>(() => sessions.get(db) ?? []);
  const replace = useCallback(
    (next: DecisionReceipt[]) => {
      sessions.set(db, next);
      setReceipts(next);
    },
    [db],
  );
  const push = useCallback((receipt: DecisionReceipt) => replace([...(sessions.get(db) ?? []).slice(-(MAX_UNDO - 1)), receipt]), [db, replace]);
  const pop = useCallback(() => {
    const stack = sessions.get(db) ?? [];
    const last = stack.at(-1);
    if (last) replace(stack.slice(0, -1));
    return last;
  }, [db, replace]);
  return { receipts, push, pop };
}
