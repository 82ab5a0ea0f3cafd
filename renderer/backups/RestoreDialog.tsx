/**
 * "Restore from backup…": the backups in the folder (newest first, when, why, how large), then the chosen
 * one checked completely and shown beside the library as it is, then, once confirmed, a backup of the
 * current library and the replacement, then what happened. Nothing is replaced before the confirmation,
 * and a backup that fails a check says why, with the library untouched.
 */
import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type { BundleProgress, RecordType } from '../../shared/bundles/bundle-format';
import { RECORD_TYPES, RECORD_WORDS } from '../../shared/bundles/bundle-format';
import type { BackupEntry, BackupReason } from '../../shared/ipc/contract';
import { TransferProgress } from '../bundles/TransferProgress';
import type { RecordCounts, RestoreReport } from '../store/restore-commands';
import { describeCounts, type MadeBackup } from './library-backups';
import type { CheckedBackup } from '../bundles/bundle-worker-protocol';

export type RestoreStep =
  | { step: 'listing' }
  | { step: 'list'; backups: BackupEntry[] }
  | { step: 'checking'; entry: BackupEntry; progress: BundleProgress | null }
  | { step: 'confirm'; entry: BackupEntry; checked: CheckedBackup }
  | { step: 'restoring'; entry: BackupEntry; phase: 'backing-up' | 'replacing'; progress: BundleProgress | null }
  | { step: 'done'; entry: BackupEntry; report: RestoreReport; safety: MadeBackup }
  | { step: 'failed'; entry?: BackupEntry; message: string };

export interface RestoreDialogProps {
  state: RestoreStep;
  onChoose(entry: BackupEntry): void;
  onConfirm(): void;
  /** Back to the list (from a check, a confirmation or a failure). */
  onBack(): void;
  onClose(): void;
}

const REASON_WORDS: Record<BackupReason, string> = {
  manual: 'Backed up by hand',
  auto: 'Automatic',
  quit: 'On closing',
  'before-restore': 'Before a restore',
};

/** The same, inside a sentence: "the library is now the automatic backup of …". */
const REASON_PHRASES: Record<BackupReason, string> = {
  manual: 'backup made by hand',
  auto: 'automatic backup',
  quit: 'backup made on closing',
  'before-restore': 'backup made before a restore',
};

function backupTime(createdAt: string): string {
  return new Date(createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function BackupList({ backups, chosen, onChange }: { backups: BackupEntry[]; chosen: BackupEntry | undefined; onChange(entry: BackupEntry): void }): JSX.Element {
  if (backups.length === 0) {
    return (
      <>
        <p>There are no backups yet.</p>
        <p className="hint">Crosscheck makes one after every 50 changes to the library and when you close it; Back up now makes one at once.</p>
      </>
    );
  }
  return (
    <>
      <fieldset>
        <legend>Backups, newest first</legend>
        <ul className="backup-list" aria-label="Backups">
          {backups.map((backup) => (
            <li key={backup.name}>
              <label className="backup-choice">
                <input type="radio" name="backup" value={backup.name} checked={backup === chosen} onChange={() => onChange(backup)} />
                <span className="backup-time">{backupTime(backup.createdAt)}</span>
                <span className="backup-reason">{REASON_WORDS[backup.reason]}</span>
                <span className="backup-size">{size(backup.bytes)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="hint">The ten newest automatic backups are kept; backups made by hand are kept until you delete them from the backups folder.</p>
    </>
  );
}

function Comparison({ backup, current }: { backup: RecordCounts; current: RecordCounts }): JSX.Element {
  const rows = RECORD_TYPES.filter((type: RecordType) => backup[type] + current[type] > 0);
  return (
    <table className="merge-counts" aria-label="The backup and the library now">
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">In the backup</th>
          <th scope="col">In the library now</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((type) => (
          <tr key={type}>
            <th scope="row">{capitalised(RECORD_WORDS[type].many)}</th>
            <td>{backup[type].toLocaleString('en-US')}</td>
            <td>{current[type].toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function heading(state: RestoreStep): string {
  if (state.step === 'confirm') return 'Replace the library with this backup?';
  if (state.step === 'done') return 'Backup restored';
  if (state.step === 'failed') return 'This backup cannot be restored';
  return 'Restore from backup';
}

function safetyWords(safety: MadeBackup): string {
  const where = safety.kept.place === 'backup-folder' ? `the newest backup in the list, “${REASON_WORDS['before-restore']}” of ${backupTime(safety.kept.entry.createdAt)}` : `“${safety.kept.name}”`;
  return `The library as it was just before (${describeCounts(safety.counts)}) was backed up first: it is ${where}.`;
}

export function RestoreDialog({ state, onChoose, onConfirm, onBack, onClose }: RestoreDialogProps): JSX.Element {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const busy = state.step === 'restoring';
  const [chosenName, setChosenName] = useState<string | null>(null);
  const listed = state.step === 'list' ? state.backups : [];
  // The newest is chosen until the person picks another.
  const chosen = listed.find((backup) => backup.name === chosenName) ?? listed[0];

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const entry = 'entry' in state ? state.entry : undefined;
  return (
    <dialog
      ref={dialogRef}
      className="bundle-dialog restore-dialog"
      aria-label="Restore from backup"
      aria-describedby={titleId}
      onCancel={(event) => {
        // The replacement is one transaction that cannot be left half done; everything else may be dismissed.
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>{heading(state)}</h2>
      {entry && state.step !== 'done' && (
        <p className="bundle-file-name">
          {capitalised(REASON_PHRASES[entry.reason])} of {backupTime(entry.createdAt)}
        </p>
      )}

      {state.step === 'listing' && <TransferProgress progress={null} starting="Looking for backups" />}
      {state.step === 'list' && <BackupList backups={state.backups} chosen={chosen} onChange={(backup) => setChosenName(backup.name)} />}
      {state.step === 'checking' && <TransferProgress progress={state.progress} starting="Opening the backup" />}

      {state.step === 'confirm' && (
        <>
          <Comparison backup={state.checked.manifest.counts} current={state.checked.current} />
          <p>
            Restoring makes the library exactly this backup: anything added or changed since {backupTime(state.entry.createdAt)} leaves the
            library. It is not lost: Crosscheck first backs up the library as it is now, and that backup appears in this list.
          </p>
        </>
      )}

      {state.step === 'restoring' &&
        (state.phase === 'backing-up' ? (
          <TransferProgress progress={null} starting="Backing up the library as it is now" />
        ) : (
          <TransferProgress progress={state.progress} starting="Restoring" />
        ))}

      {state.step === 'done' && (
        <>
          <p className="import-summary">
            The library is now the {REASON_PHRASES[state.entry.reason]} of {backupTime(state.entry.createdAt)}: {describeCounts(state.report.restored)}.
          </p>
          <p>{safetyWords(state.safety)}</p>
        </>
      )}

      {state.step === 'failed' && (
        <p className="bundle-error" role="alert">
          {state.message}
        </p>
      )}

      <div className="dialog-actions">
        {state.step === 'confirm' ? (
          <>
            <button type="button" onClick={onBack}>
              Back to the list
            </button>
            <button type="button" className="primary" onClick={onConfirm} autoFocus>
              Replace the library
            </button>
          </>
        ) : state.step === 'failed' ? (
          <>
            <button type="button" onClick={onBack}>
              Back to the list
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Close
            </button>
          </>
        ) : state.step === 'list' ? (
          <>
            <button type="button" onClick={onClose}>
              Close
            </button>
            {chosen && (
              <button type="button" className="primary" onClick={() => onChoose(chosen)} autoFocus>
                Restore…
              </button>
            )}
          </>
        ) : state.step === 'checking' ? (
          <button type="button" onClick={onBack}>
            Cancel
          </button>
        ) : busy ? null : (
          <button type="button" className={state.step === 'done' ? 'primary' : undefined} onClick={onClose} autoFocus={state.step === 'done'}>
            Close
          </button>
        )}
      </div>
    </dialog>
  );
}
