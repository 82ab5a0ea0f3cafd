/**
 * The small modal questions a decision may need: the reviewer's name (asked once), why a flag is dismissed,
 * and, when confirming a name variant, what to do about the two names. Each opens with focus on its default
 * answer, so Enter takes it and Escape cancels.
 */
import { useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import { DISMISS_REASONS } from '../../shared/review/review-status';

function ModalDialog(props: { label: string; className?: string; onCancel(): void; children: ReactNode }): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const { onCancel } = props;
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`review-dialog ${props.className ?? ''}`}
      aria-label={props.label}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {props.children}
    </dialog>
  );
}

export function ReviewerNameDialog(props: { initial: string; onSave(name: string): void; onCancel(): void }): JSX.Element {
  const [name, setName] = useState(props.initial);
  return (
    <ModalDialog label="Reviewer name" onCancel={props.onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) props.onSave(name);
        }}
      >
        <h2>Who is reviewing?</h2>
        <p className="dialog-hint">Your name is stored with each decision you make, and travels with them in bundles.</p>
        <label>
          Your name
          <input value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

const OTHER = 'other';

export function DismissDialog(props: { subject: string; onDismiss(reason: string): void; onCancel(): void }): JSX.Element {
  const [choice, setChoice] = useState<string>(DISMISS_REASONS[0]);
  const [other, setOther] = useState('');
  const reason = choice === OTHER ? other.trim() : choice;
  return (
    <ModalDialog label="Dismiss flag" onCancel={props.onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason) props.onDismiss(reason);
        }}
        onKeyDown={(event) => {
          // Enter on a radio button does not submit a form by itself; here it takes the chosen reason.
          if (event.key === 'Enter' && (event.target as HTMLElement).matches('input[type="radio"]')) {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
      >
        <h2>Dismiss this flag</h2>
        <p className="dialog-hint">{props.subject}</p>
        <fieldset className="reason-choices">
          <legend>Why is it not a contradiction?</legend>
          {DISMISS_REASONS.map((item, index) => (
            <label key={item}>
              <input type="radio" name="reason" value={item} checked={choice === item} autoFocus={index === 0} onChange={() => setChoice(item)} />
              {item.charAt(0).toUpperCase() + item.slice(1)}
            </label>
          ))}
          <label>
            <input type="radio" name="reason" value={OTHER} checked={choice === OTHER} onChange={() => setChoice(OTHER)} />
            Other reason:
          </label>
          <input
            aria-label="Other reason"
            className="other-reason"
            value={other}
            placeholder="Say why, in a few words"
            onChange={(event) => {
              setOther(event.target.value);
              setChoice(OTHER);
            }}
          />
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!reason}>
            Dismiss
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

export interface NameVariantChoiceProps {
  variantName: string;
  expectedName: string;
  /** "person" or "organisation". */
  entityWord: string;
  /** Evidence mentions that only extraction found (they are stored as mentions when treated as one). */
  unstoredMentions: number;
  onConfirmOnly(): void;
  onSameEntity(): void;
  onDifferentEntities(): void;
  onCancel(): void;
}

export function NameVariantDialog(props: NameVariantChoiceProps): JSX.Element {
  const { variantName, expectedName, entityWord, unstoredMentions } = props;
  return (
    <ModalDialog label="Confirm name variant" className="name-variant-dialog" onCancel={props.onCancel}>
      <h2>Confirm: “{variantName}” and “{expectedName}”</h2>
      <ul className="choice-list">
        <li>
          <button type="button" className="primary" autoFocus onClick={props.onConfirmOnly}>
            Confirm only
          </button>
          <span className="dialog-hint">Record that the articles disagree; decide about the names later.</span>
        </li>
        <li>
          <button type="button" onClick={props.onSameEntity}>
            Treat as the same entity
          </button>
          <span className="dialog-hint">
            One {entityWord}: “{variantName}” becomes a recorded misspelling of “{expectedName}”, their mentions are merged into one entity, and the spelling is not flagged again.
            {unstoredMentions > 0 &&
              ` ${unstoredMentions === 1 ? 'One mention' : `${unstoredMentions} mentions`} in the evidence only extraction found will be stored as mentions of “${expectedName}”.`}
          </span>
        </li>
        <li>
          <button type="button" onClick={props.onDifferentEntities}>
            Different entities
          </button>
          <span className="dialog-hint">Two different {entityWord === 'person' ? 'people' : 'organisations'}: the names are never joined or flagged again (dismissed as “not the same entity”).</span>
        </li>
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
