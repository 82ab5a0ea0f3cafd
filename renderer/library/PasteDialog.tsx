/** "New document from clipboard": paste an article's text, give it a title (or take its first line). */
import { useEffect, useRef, useState, type JSX } from 'react';

export function PasteDialog(props: { onImport(text: string, title: string): void; onClose(): void }): JSX.Element {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={dialogRef} className="paste-dialog" aria-label="New document from clipboard" onClose={props.onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) props.onImport(text, title);
        }}
      >
        <h2>New document from clipboard</h2>
        <label>
          Title (optional; the first line otherwise)
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          Article text
          <textarea autoFocus rows={14} value={text} placeholder="Paste the article here (Ctrl+V)" onChange={(event) => setText(event.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!text.trim()}>
            Import
          </button>
        </div>
      </form>
    </dialog>
  );
}
