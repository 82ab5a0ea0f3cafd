/** "New document from clipboard": paste an article's text, give it a title (or take its first line). */
import { useEffect, useRef, useState, type JSX } from 'react';
import type { ClipboardContent } from '../../shared/importers/source-document';

export function PasteDialog(props: { onImport(content: ClipboardContent, title: string): void; onClose(): void }): JSX.Element {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  // Rich text pasted from a browser keeps its HTML (paragraphs, headings) until the user edits the text.
  const [html, setHtml] = useState<string | null>(null);
  const pasting = useRef(false);
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
          if (text.trim()) props.onImport(html ? { html, text } : { text }, title);
        }}
      >
        <h2>New document from clipboard</h2>
        <label>
          Title (optional; the first line otherwise)
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          Article text
          <textarea autoFocus rows={14} value={text} placeholder="Paste the article here (Ctrl+V)" onChange={(event) => {
              // Typing after a rich paste means the text, not the pasted page, is what the user wants.
              if (!pasting.current) setHtml(null);
              pasting.current = false;
              setText(event.target.value);
            }}
            onPaste={(event) => {
              const pastedHtml = event.clipboardData.getData('text/html');
              // Only a paste into an empty box stands for the whole article.
              pasting.current = true;
              setHtml(pastedHtml && !text.trim() ? pastedHtml : null);
            }}
          />
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
