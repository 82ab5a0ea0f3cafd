/**
 * The import dialog, one bundle at a time: reading and checking (with progress), the preview with Import /
 * Cancel, importing, then the report of what was added, updated, skipped and in conflict, by name.
 * A bundle that fails a check shows the reader's message, and nothing has been written.
 */
import { useEffect, useId, useRef, type JSX } from 'react';
import type { BundleProgress, RecordType } from '../../shared/bundles/bundle-format';
import { RECORD_TYPES, RECORD_WORDS } from '../../shared/bundles/bundle-format';
import type { NamedRecord } from '../../shared/bundles/merge-plan';
import type { MergeDigest, Sample } from './merge-digest';
import { TransferProgress } from './TransferProgress';

export type ImportStep =
  | { step: 'reading'; name: string; progress: BundleProgress | null }
  | { step: 'preview'; name: string; token: number; preview: MergeDigest }
  | { step: 'importing'; name: string; progress: BundleProgress | null }
  | { step: 'report'; name: string; report: MergeDigest }
  | { step: 'failed'; name: string; message: string; storageFull?: boolean };

export interface ImportDialogProps {
  state: ImportStep;
  /** Bundles still waiting after this one (several dropped at once). */
  waiting: number;
  onConfirm(): void;
  /** Cancel a preview, or close a report or an error: the next waiting bundle, if any, follows. */
  onDismiss(): void;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function number(n: number): string {
  return n.toLocaleString('en-US');
}

function count(type: RecordType, n: number): string {
  return `${number(n)} ${n === 1 ? RECORD_WORDS[type].one : RECORD_WORDS[type].many}`;
}

function madeBy(digest: MergeDigest): string {
  const { manifest } = digest;
  const when = new Date(manifest.createdAt);
  const date = Number.isNaN(when.getTime()) ? manifest.createdAt : when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const who = manifest.createdBy.trim() || 'someone';
  return `Made by ${who} on ${date} with Crosscheck ${manifest.appVersion}${manifest.selection ? `: ${manifest.selection}` : ''}.`;
}

/** "5 documents, 1 entity and 3 annotations added; 1 entity updated" */
function summary(digest: MergeDigest): string {
  const listed = (pick: 'added' | 'updated') =>
    RECORD_TYPES.filter((type) => digest.byType[type][pick].total > 0).map((type) => count(type, digest.byType[type][pick].total));
  const join = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);
  const added = listed('added');
  const updated = listed('updated');
  return [added.length > 0 ? `${join(added)} added` : '', updated.length > 0 ? `${join(updated)} updated` : ''].filter(Boolean).join('; ');
}

function MergeCounts({ digest, done }: { digest: MergeDigest; done: boolean }): JSX.Element {
  const rows = RECORD_TYPES.filter((type) => {
    const entry = digest.byType[type];
    return entry.added.total + entry.updated.total + entry.skipped + entry.conflicts.total > 0;
  });
  if (rows.length === 0) return <p>The bundle is empty.</p>;
  return (
    <table className="merge-counts" aria-label={done ? 'What the import did' : 'What importing would do'}>
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">{done ? 'Added' : 'To add'}</th>
          <th scope="col">{done ? 'Updated' : 'To update'}</th>
          <th scope="col">{done ? 'Skipped (already there)' : 'Already there'}</th>
          <th scope="col">Conflicts</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((type) => {
          const entry = digest.byType[type];
          return (
            <tr key={type}>
              <th scope="row">{capitalised(RECORD_WORDS[type].many)}</th>
              <td>{number(entry.added.total)}</td>
              <td>{number(entry.updated.total)}</td>
              <td>{number(entry.skipped)}</td>
              <td className={entry.conflicts.total > 0 ? 'has-conflicts' : undefined}>{number(entry.conflicts.total)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "and 1,204 more" under a list that shows only its first items. */
function More({ sample }: { sample: Sample<unknown> }): JSX.Element | null {
  return sample.total > sample.items.length ? <li className="more">and {number(sample.total - sample.items.length)} more</li> : null;
}

function NameList({ label, sample }: { label: string; sample: Sample<NamedRecord> }): JSX.Element {
  return (
    <details>
      <summary>
        {label} ({number(sample.total)})
      </summary>
      <ul aria-label={label}>
        {sample.items.map((record) => (
          <li key={record.id}>{record.name}</li>
        ))}
        <More sample={sample} />
      </ul>
    </details>
  );
}

/** Conflicts and documents matched by their text: what a person should look at after (or before) importing. */
function Attention({ digest, done }: { digest: MergeDigest; done: boolean }): JSX.Element | null {
  const types = RECORD_TYPES.filter((type) => digest.byType[type].conflicts.total > 0);
  const total = types.reduce((sum, type) => sum + digest.byType[type].conflicts.total, 0);
  const matched = digest.matchedDocuments;
  if (total === 0 && matched.total === 0) return null;
  return (
    <>
      {total > 0 && (
        <section aria-label="Conflicts">
          <h3>Conflicts ({number(total)})</h3>
          <ul className="conflict-list">
            {types.map((type) => {
              const conflicts = digest.byType[type].conflicts;
              return [
                ...conflicts.items.map((conflict) => (
                  <li key={`${type}:${conflict.id}`}>
                    {capitalised(RECORD_WORDS[type].one)} {conflict.name}: {conflict.problem}; {conflict.resolution}.
                  </li>
                )),
                <More key={`${type}:more`} sample={conflicts} />,
              ];
            })}
          </ul>
        </section>
      )}
      {matched.total > 0 && (
        <section aria-label="Documents already in the library">
          <h3>Already in the library under another id</h3>
          <ul>
            {matched.items.map((match) => (
              <li key={match.bundleId}>
                {match.name}: the bundle’s annotations on it {done ? 'were' : 'will be'} attached to the library’s copy.
              </li>
            ))}
            <More sample={matched} />
          </ul>
        </section>
      )}
    </>
  );
}

function Names({ digest }: { digest: MergeDigest }): JSX.Element {
  return (
    <div className="merge-names">
      {RECORD_TYPES.flatMap((type) => {
        const entry = digest.byType[type];
        const words = capitalised(RECORD_WORDS[type].many);
        return [
          entry.added.total > 0 && <NameList key={`${type}-added`} label={`${words} added`} sample={entry.added} />,
          entry.updated.total > 0 && <NameList key={`${type}-updated`} label={`${words} updated`} sample={entry.updated} />,
        ];
      })}
    </div>
  );
}

function heading(state: ImportStep): string {
  if (state.step === 'report') return state.report.changed ? 'Bundle imported' : 'Nothing changed';
  if (state.step === 'failed') return state.storageFull ? 'There is no room to import this bundle' : 'This bundle cannot be imported';
  if (state.step === 'preview') return 'Import this bundle?';
  return 'Import bundle';
}

export function ImportDialog({ state, waiting, onConfirm, onDismiss }: ImportDialogProps): JSX.Element {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const busy = state.step === 'importing';

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="bundle-dialog import-dialog"
      aria-label="Import bundle"
      aria-describedby={titleId}
      onCancel={(event) => {
        // A running import is one transaction that cannot be left half done; everything else may be dismissed.
        event.preventDefault();
        if (!busy) onDismiss();
      }}
    >
      <h2 id={titleId}>{heading(state)}</h2>
      {state.name && <p className="bundle-file-name">{state.name}</p>}

      {state.step === 'reading' && <TransferProgress progress={state.progress} starting="Opening the bundle" />}
      {state.step === 'importing' && <TransferProgress progress={state.progress} starting="Importing" />}

      {state.step === 'preview' && (
        <>
          <p>{madeBy(state.preview)}</p>
          <MergeCounts digest={state.preview} done={false} />
          <Attention digest={state.preview} done={false} />
          {!state.preview.changed && <p className="hint">Everything in this bundle is already in the library: importing it changes nothing.</p>}
        </>
      )}

      {state.step === 'report' && (
        <>
          <p className="import-summary">
            {state.report.changed ? `${capitalised(summary(state.report))}.` : 'Everything in the bundle was already in the library; all of it was skipped.'}
          </p>
          <MergeCounts digest={state.report} done />
          <Attention digest={state.report} done />
          <Names digest={state.report} />
          <p className="hint">{madeBy(state.report)}</p>
        </>
      )}

      {state.step === 'failed' && (
        <p className="bundle-error" role="alert">
          {state.message}
        </p>
      )}

      {waiting > 0 && <p className="hint">{waiting === 1 ? 'One more bundle is waiting.' : `${waiting} more bundles are waiting.`}</p>}

      <div className="dialog-actions">
        {state.step === 'preview' ? (
          <>
            <button type="button" onClick={onDismiss}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={onConfirm} autoFocus>
              Import
            </button>
          </>
        ) : state.step === 'reading' ? (
          <button type="button" onClick={onDismiss}>
            Cancel
          </button>
        ) : busy ? null : (
          <button type="button" className="primary" onClick={onDismiss} autoFocus>
            {waiting > 0 ? 'Next bundle' : 'Close'}
          </button>
        )}
      </div>
    </dialog>
  );
}
