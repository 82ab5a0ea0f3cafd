/** Corrects a document's details after import: title, outlet, author, address, date and language. */
import { useEffect, useRef, useState, type JSX } from 'react';
import type { SourceDocument } from '../../shared/model';
import { checkDocumentDetails, type DocumentDetails } from '../store/document-commands';

const COMMON_LANGUAGES = ['en', 'ar', 'he', 'fa', 'fr', 'de', 'es', 'pt', 'ru', 'uk', 'tr', 'zh', 'und'];

export function DocumentDetailsDialog(props: {
  document: SourceDocument;
  onSave(details: DocumentDetails): void;
  onClose(): void;
}): JSX.Element {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { document: doc } = props;
  const [details, setDetails] = useState<DocumentDetails>({
    title: doc.title,
    outlet: doc.outlet ?? '',
    author: doc.author ?? '',
    url: doc.url ?? '',
    publishedAt: doc.publishedAt?.slice(0, 10) ?? '',
    language: doc.language,
  });
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const field = (key: keyof DocumentDetails, label: string, extra: Record<string, string> = {}) => (
    <label>
      {label}
      <input value={details[key]} onChange={(event) => setDetails({ ...details, [key]: event.target.value })} {...extra} />
    </label>
  );

  return (
    <dialog ref={dialogRef} className="paste-dialog" aria-label="Document details" onClose={props.onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          const found = checkDocumentDetails(details);
          setProblems(found);
          if (found.length === 0) props.onSave(details);
        }}
      >
        <h2>Document details</h2>
        {field('title', 'Title')}
        {field('outlet', 'Outlet')}
        {field('author', 'Author')}
        {field('url', 'Address (URL)', { type: 'url', placeholder: 'https://…' })}
        {field('publishedAt', 'Published (YYYY-MM-DD; figures without a date of their own count as of this day)', { placeholder: 'YYYY-MM-DD' })}
        {field('language', 'Language', { list: 'language-tags' })}
        <datalist id="language-tags">
          {COMMON_LANGUAGES.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        {problems.length > 0 && (
          <ul className="notice notice-error" role="alert">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
